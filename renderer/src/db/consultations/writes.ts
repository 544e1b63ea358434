import { createConsultationInputSchema, type ConsultationInput } from '../../../../core/consultations/schema';
import type { Enumerations } from '../../../../core/domain/enums';
import { isRequestOnly } from '../../../../core/consultations/detaineeRequest';
import { assertCan, assertCanChange } from '../../../../core/access/permissions';
import type { StationDb } from '../database';
import { createRecord, getRecord, restoreRecord, softDeleteRecord, updateRecord, type Actor } from '../repository';
import type { Vault } from '../vault';
import { shiftIdFor } from '../shifts';
import { consultationStore, type StoredConsultation } from './store';

/** `enums`: the station's lists (built-in plus the province's), never the defaults alone. */
export async function createConsultation(
  db: StationDb,
  vault: Vault,
  enums: Enumerations,
  input: unknown,
  actor: Actor,
  now?: Date,
): Promise<StoredConsultation> {
  assertCan(actor.role, 'consultation.create');
  const parsed = createConsultationInputSchema(enums).parse(input);
  // A request staff logged is no contact of a lawyer's shift (core/consultations/detaineeRequest.ts).
  if (!parsed.shiftId && parsed.lawyerId && !isRequestOnly(parsed)) {
    const shiftId = await shiftIdFor(db, parsed.lawyerId, parsed.time);
    if (shiftId) parsed.shiftId = shiftId;
  }
  // The request must be one a lawyer may still answer before the contact is saved.
  const request = parsed.answeredRequestId ? await answerableRequest(db, vault, parsed.answeredRequestId, actor) : undefined;
  const saved = await createRecord(consultationStore(db, vault), { ...parsed, ownerId: actor.id }, actor, now ? { now } : {});
  if (request) await markRequestAnswered(db, vault, request, saved, actor, now);
  return saved;
}

async function answerableRequest(db: StationDb, vault: Vault, requestId: string, actor: Actor): Promise<StoredConsultation> {
  assertCan(actor.role, 'detainee_request.answer');
  const request = await getRecord(consultationStore(db, vault), requestId);
  if (!request || request.deleted || !isRequestOnly(request)) throw new Error('所接待的申请不存在或已被删除');
  return request;
}

/**
 * The request a lawyer's contact answered leaves the open list (issue 20 item 19). It is a
 * bookkeeping change of a record staff own, allowed by the answer right alone and audited
 * like every change. Another lawyer may have met the same detainee first: the earliest
 * answer stays.
 */
async function markRequestAnswered(
  db: StationDb,
  vault: Vault,
  request: StoredConsultation,
  contact: StoredConsultation,
  actor: Actor,
  now?: Date,
): Promise<void> {
  if (request.answeredAt) return;
  await updateRecord(consultationStore(db, vault), request.id, { answeredAt: contact.createdAt, answeredBy: contact.id }, actor, {
    expectedRev: request.rev,
    ...(now ? { now } : {}),
  });
}

/** Bookkeeping the form does not carry: kept when a record is edited through it. */
const KEPT_ON_EDIT = ['answeredRequestId', 'answeredAt', 'answeredBy'] as const;

export async function editConsultation(
  db: StationDb,
  vault: Vault,
  enums: Enumerations,
  id: string,
  input: unknown,
  actor: Actor,
  expectedRev: number,
): Promise<StoredConsultation> {
  const parsed = createConsultationInputSchema(enums).parse(input);
  const current = await getRecord(consultationStore(db, vault), id);
  if (current) assertCanChange(actor, current.ownerId, 'edit', 'consultation');
  const kept: Partial<ConsultationInput> = {};
  for (const key of KEPT_ON_EDIT) if (current?.[key] !== undefined && parsed[key] === undefined) kept[key] = current[key];
  // Replace, not merge: a field the lawyer emptied must be gone from the record.
  return updateRecord(consultationStore(db, vault), id, { ...parsed, ...kept, ownerId: current?.ownerId ?? actor.id }, actor, { expectedRev, replace: true });
}

export async function deleteConsultation(db: StationDb, vault: Vault, id: string, actor: Actor) {
  const current = await getRecord(consultationStore(db, vault), id);
  if (current) assertCanChange(actor, current.ownerId, 'delete', 'consultation');
  return softDeleteRecord(consultationStore(db, vault), id, actor);
}

export async function undeleteConsultation(db: StationDb, vault: Vault, id: string, actor: Actor) {
  const current = await getRecord(consultationStore(db, vault), id);
  if (current) assertCanChange(actor, current.ownerId, 'delete', 'consultation');
  return restoreRecord(consultationStore(db, vault), id, actor);
}
