import { lawyerInputSchema, type LawyerInput } from '../../../core/validation/lawyer';
import type { LawyerRecord, StationDb } from './database';
import { createRecord, softDeleteRecord, updateRecord, type Actor } from './repository';

export async function listLawyers(db: StationDb): Promise<LawyerRecord[]> {
  const all = await db.lawyers.toArray();
  return all.filter((l) => !l.deleted).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function addLawyer(db: StationDb, input: LawyerInput, actor: Actor): Promise<LawyerRecord> {
  return createRecord<LawyerInput>(db, 'lawyers', lawyerInputSchema.parse(input), actor);
}

export async function editLawyer(db: StationDb, id: string, input: LawyerInput, actor: Actor): Promise<LawyerRecord> {
  return updateRecord<LawyerInput>(db, 'lawyers', id, lawyerInputSchema.parse(input), actor);
}

export function removeLawyer(db: StationDb, id: string, actor: Actor): Promise<LawyerRecord> {
  return softDeleteRecord<LawyerInput>(db, 'lawyers', id, actor);
}
