import { lawyerInputSchema, type LawyerInput } from '../../../core/validation/lawyer';
import type { LawyerRecord, StationDb } from './database';
import { createRecord, plainCodec, softDeleteRecord, updateRecord, type Actor, type RecordStore } from './repository';
import { assertCan } from '../../../core/access/permissions';

export function lawyerStore(db: StationDb): RecordStore<LawyerInput, LawyerRecord> {
  return { db, name: 'lawyers', codec: plainCodec<LawyerInput>() };
}

export async function listLawyers(db: StationDb): Promise<LawyerRecord[]> {
  const all = await db.lawyers.toArray();
  return all.filter((l) => !l.deleted).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function addLawyer(db: StationDb, input: LawyerInput, actor: Actor): Promise<LawyerRecord> {
  assertCan(actor.role, 'roster.manage');
  return createRecord(lawyerStore(db), lawyerInputSchema.parse(input), actor);
}

export async function editLawyer(db: StationDb, id: string, input: LawyerInput, actor: Actor): Promise<LawyerRecord> {
  assertCan(actor.role, 'roster.manage');
  return updateRecord(lawyerStore(db), id, lawyerInputSchema.parse(input), actor);
}

export async function removeLawyer(db: StationDb, id: string, actor: Actor): Promise<LawyerRecord> {
  assertCan(actor.role, 'roster.manage');
  return softDeleteRecord(lawyerStore(db), id, actor);
}
