/**
 * The consultations' public API, one module a job: callers import from `db/consultations`
 * and need not know which module holds what.
 */
export { consultationStore, type StoredConsultation, type VisibleConsultation } from './store';
export { createConsultation, editConsultation, deleteConsultation, undeleteConsultation } from './writes';
export { markTransferred, canUndoTransfer, undoTransfer } from './transfers';
export { getConsultation, loadConsultations, newestConsultations, earlierContactsOf, viewsAllConsultations } from './reads';
export { queryConsultations } from './queryPlanner';
export type { ConsultationQuery, QueryResult } from './query';
export { orderIndex, countLiveConsultations } from './orderCache';
export {
  PENDING_TRANSFER_TOKENS,
  OPEN_MEETING_TOKENS,
  REQUEST_VIEW_TOKENS,
  reconcilePendingTransferTokens,
  reconcileOpenMeetingTokens,
  reconcileRequestViewTokens,
} from './tokenReconcilers';
