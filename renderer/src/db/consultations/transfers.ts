import { mayUndoTransfer, transferClockOf } from '../../../../core/consultations/transferDeadline';
import { transferMarkSchema } from '../../../../core/consultations/transferMark';
import { mayMarkTransfer, PermissionDeniedError } from '../../../../core/access/permissions';
import type { StationDb } from '../database';
import { getRecord, updateRecord, type Actor } from '../repository';
import type { Vault } from '../vault';
import { consultationStore, type StoredConsultation } from './store';

/**
 * 标记已转交 (法律援助法 第三十九条): the application went to the legal-aid agency `mark`
 * names, at `at`, marked by `actor`. Detention-centre staff and supervisors hand over any
 * (para. 1); a duty lawyer hands over the applications of his own contacts (para. 2).
 */
export async function markTransferred(db: StationDb, vault: Vault, id: string, mark: unknown, actor: Actor, at: string): Promise<StoredConsultation> {
  const current = await getRecord(consultationStore(db, vault), id);
  if (!current || current.deleted) throw new Error('记录不存在或已被删除');
  const clock = transferClockOf(current);
  if (!clock) throw new Error('此登记没有需要转交的法律援助申请');
  if (clock.transferredAt) throw new Error('此申请已标记转交');
  if (!mayMarkTransfer(actor, current)) throw new PermissionDeniedError();
  if (Date.parse(at) < Date.parse(clock.receivedAt)) throw new Error('转交时间早于收到申请的时间');
  const { transferRecipient, transferReceiver } = transferMarkSchema.parse(mark);
  return updateRecord(consultationStore(db, vault), id, { transferredAt: at, transferRecipient, transferReceiver, transferredBy: actor.id }, actor, {
    expectedRev: current.rev,
  });
}

/** The shift `lawyerId` was on at `at` (open or since closed), if any. */
async function shiftAt(db: StationDb, lawyerId: string | undefined, at: string) {
  if (!lawyerId) return undefined;
  const t = Date.parse(at);
  const rows = await db.shifts.where('lawyerId').equals(lawyerId).toArray();
  return rows.find((r) => !r.deleted && Date.parse(r.startedAt) <= t && (r.endedAt === undefined || Date.parse(r.endedAt) >= t));
}

/** Whether `actor` may still take back the transfer he marked (core/consultations/transferDeadline.ts). */
export async function canUndoTransfer(
  db: StationDb,
  c: Pick<StoredConsultation, 'transferredAt' | 'transferredBy'>,
  actor: Actor & { lawyerId?: string },
  now = Date.now(),
): Promise<boolean> {
  if (!c.transferredAt) return false;
  return mayUndoTransfer(c, actor.id, now, await shiftAt(db, actor.lawyerId, c.transferredAt));
}

/** Takes back a transfer its author marked by mistake, within his shift or day; audited as an edit. */
export async function undoTransfer(
  db: StationDb,
  vault: Vault,
  id: string,
  actor: Actor & { lawyerId?: string },
  now = new Date(),
): Promise<StoredConsultation> {
  const store = consultationStore(db, vault);
  const current = await getRecord(store, id);
  if (!current || current.deleted) throw new Error('记录不存在或已被删除');
  if (!(await canUndoTransfer(db, current, actor, now.getTime()))) throw new PermissionDeniedError('只有标记转交的人可以在同一班次（未签到的，当天）内撤销');
  const {
    id: _id,
    rev,
    createdAt: _c,
    updatedAt: _u,
    deleted: _d,
    transferredAt: _t,
    transferRecipient: _r,
    transferReceiver: _p,
    transferredBy: _b,
    ...content
  } = current;
  return updateRecord(store, id, content, actor, { expectedRev: rev, replace: true, now });
}
