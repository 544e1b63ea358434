import type { Role } from '../db/database';
import { transferClockOf, type TransferSubject } from '../../../core/consultations/transferDeadline';

export const ROLE_LABELS: Record<Role, string> = {
  lawyer: '值班律师',
  staff: '看守所工作人员',
  supervisor: '工作站负责人',
};

export type Action =
  | 'consultation.create'
  | 'consultation.edit_own'
  | 'consultation.edit_any'
  | 'consultation.delete_own'
  | 'consultation.delete_any'
  | 'mediation.record'
  | 'shift.sign'
  | 'transfer.handle'
  | 'detainee_request.create'
  | 'detainee_request.answer'
  | 'roster.manage'
  | 'accounts.manage'
  | 'settings.edit'
  | 'statistics.view'
  | 'batch.export'
  | 'batch.import'
  | 'audit.view';

/** What each role may do, as data: the UI hides what is not allowed, the repositories refuse it. */
export const PERMISSIONS: Record<Role | 'setup', readonly Action[]> = {
  // First-run setup, before any account exists: only the roster.
  setup: ['roster.manage'],
  lawyer: ['consultation.create', 'consultation.edit_own', 'consultation.delete_own', 'mediation.record', 'shift.sign', 'detainee_request.answer'],
  staff: ['consultation.create', 'consultation.edit_own', 'transfer.handle', 'detainee_request.create'],
  supervisor: [
    'consultation.create',
    'consultation.edit_own',
    'consultation.edit_any',
    'consultation.delete_own',
    'consultation.delete_any',
    'mediation.record',
    'shift.sign',
    'transfer.handle',
    'detainee_request.create',
    'detainee_request.answer',
    'roster.manage',
    'accounts.manage',
    'settings.edit',
    'statistics.view',
    'batch.export',
    'batch.import',
    'audit.view',
  ],
};

export function can(role: string, action: Action): boolean {
  return (PERMISSIONS[role as Role | 'setup'] ?? []).includes(action);
}

export class PermissionDeniedError extends Error {
  constructor(message = '当前账户没有此项操作的权限') {
    super(message);
    this.name = 'PermissionDeniedError';
  }
}

export function assertCan(role: string, action: Action): void {
  if (!can(role, action)) throw new PermissionDeniedError();
}

/** Edit or delete of a record owned by someone: own records need the _own right, others' the _any right. */
export function assertCanChange(actor: { id: string; role: string }, ownerId: string, kind: 'edit' | 'delete'): void {
  const own = ownerId === actor.id;
  const action = `consultation.${kind}_${own ? 'own' : 'any'}` as Action;
  if (!can(actor.role, action)) {
    throw new PermissionDeniedError(own ? '当前账户没有此项操作的权限' : '只能修改或删除自己登记的记录');
  }
}

/**
 * 标记已转交: detention-centre staff and supervisors hand over any application (法律援助法
 * 第三十九条第一款); a duty lawyer hands over those of his own contacts (第二款).
 */
export function mayMarkTransfer(actor: { id: string; role: string }, record: TransferSubject & { ownerId: string }): boolean {
  const clock = transferClockOf(record);
  if (!clock || clock.transferredAt) return false;
  if (can(actor.role, 'transfer.handle')) return true;
  return clock.source === 'lawyer' && record.ownerId === actor.id && can(actor.role, 'consultation.edit_own');
}
