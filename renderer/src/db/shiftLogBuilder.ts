import { computeShiftLog, type ShiftLog } from '../../../core/shifts/log';
import type { ShiftEnd } from '../../../core/shifts/schema';
import type { Enumerations } from '../../../core/domain/enums';
import { documentKindLabel } from '../../../core/documents/templates/index';
import type { DocumentFacts } from '../../../core/statistics/facts';
import { consultationFactsOf, mediationFactsOf } from './recordFacts';
import type { StationDb } from './database';
import type { Vault } from './vault';
import type { Viewer } from '../../../core/access/recordViews';
import { loadConsultations, queryConsultations } from './consultations';
import { mediationStore } from './mediations';
import { listLawyers } from './lawyers';
import { transferClockOf } from '../../../core/consultations/transferDeadline';
import type { StoredShift } from './shifts';

/** Computes the log of a shift ending now: its own records, plus the station's pending transfers. */
/** `viewer`: the account ending the shift; the log holds only what he may read. */
export async function buildShiftLog(db: StationDb, vault: Vault, viewer: Viewer, shift: StoredShift, end: ShiftEnd, enums: Enumerations): Promise<ShiftLog> {
  const ids = (await db.consultations.where('shiftId').equals(shift.id).primaryKeys()) as string[];
  const consultations = (await loadConsultations(db, vault, viewer, ids)).filter((c) => !c.deleted);
  const mediationRows = (await db.mediations.where('shiftId').equals(shift.id).toArray()).filter((r) => !r.deleted);
  const mediations = await Promise.all(mediationRows.map((r) => mediationStore(db, vault).codec.decode(r)));
  const documentRows = (await db.documents.where('shiftId').equals(shift.id).toArray()).filter((r) => !r.deleted && r.version === 1);
  const pending = await loadConsultations(db, vault, viewer, (await queryConsultations(db, vault, viewer, { pendingTransfer: true })).ids);
  const openRequests = await loadConsultations(db, vault, viewer, (await queryConsultations(db, vault, viewer, { openMeeting: true })).ids);
  const lawyers = await listLawyers(db);
  const linked = new Map(consultations.map((c) => [c.id, c]));
  const documents: DocumentFacts[] = documentRows.map((d) => ({
    id: d.id,
    kind: d.kind,
    createdAt: d.createdAt,
    lawyerId: d.lawyerId,
    shiftId: shift.id,
    specialGroups: [],
  }));
  const input = {
    shift: {
      id: shift.id,
      lawyerId: shift.lawyerId,
      place: shift.place,
      startedAt: shift.startedAt,
      endedAt: end.endedAt,
      ...(end.handoverNotes ? { handoverNotes: end.handoverNotes } : {}),
    },
    consultations: consultations.map(consultationFactsOf),
    documents,
    mediations: mediations.map((m) => mediationFactsOf(m, linked)),
    // Both kinds of Art. 39 application: a staff request and a lawyer's own contact.
    pendingTransfers: pending.flatMap((c) => {
      const clock = transferClockOf(c);
      return clock ? [{ clientName: c.clientName, receivedAt: clock.receivedAt }] : [];
    }),
    openRequests: openRequests.map((c) => ({ clientName: c.clientName, receivedAt: c.receivedAt ?? c.time })),
    answeredRequests: consultations.filter((c) => c.answeredRequestId).length,
    lawyerName: (id: string) => lawyers.find((l) => l.id === id)?.name ?? '（已移出名册）',
    documentLabel: documentKindLabel,
    enums,
  };
  return computeShiftLog(input);
}
