import { dutyRosterEntrySchema, periodsOverlap } from '../../../core/shifts/roster';
import type { Enumerations } from '../../../core/domain/enums';
import type { DutyRosterRow, StationDb } from './database';
import { createRecord, plainCodec, softDeleteRecord, type Actor, type RecordStore } from './repository';
import { assertCan } from '../../../core/access/permissions';

type Entry = Omit<DutyRosterRow, 'id' | 'rev' | 'createdAt' | 'updatedAt' | 'deleted'>;

function store(db: StationDb): RecordStore<Entry, DutyRosterRow> {
  return { db, name: 'dutyRoster', codec: plainCodec<Entry>() };
}

/** Planned duties between two days (inclusive), by day then period. */
export async function rosterBetween(db: StationDb, from: string, to: string): Promise<DutyRosterRow[]> {
  const rows = (await db.dutyRoster.where('date').between(from, to, true, true).toArray()).filter((r) => !r.deleted);
  const order = { full_day: 0, morning: 1, afternoon: 2 };
  return rows.sort((a, b) => a.date.localeCompare(b.date) || order[a.period] - order[b.period] || a.createdAt.localeCompare(b.createdAt));
}

export class RosterConflictError extends Error {
  constructor() {
    super('该律师在这一时段已有排班');
    this.name = 'RosterConflictError';
  }
}

export async function addRosterEntry(db: StationDb, input: unknown, actor: Actor, enums: Enumerations): Promise<DutyRosterRow> {
  assertCan(actor.role, 'roster.manage');
  const entry = dutyRosterEntrySchema(enums).parse(input);
  const sameDay = await rosterBetween(db, entry.date, entry.date);
  if (sameDay.some((r) => r.lawyerId === entry.lawyerId && periodsOverlap(r.period, entry.period))) throw new RosterConflictError();
  const row: Entry = { date: entry.date, lawyerId: entry.lawyerId, place: entry.place, period: entry.period };
  if (entry.note) row.note = entry.note;
  return createRecord(store(db), row, actor);
}

export async function removeRosterEntry(db: StationDb, id: string, actor: Actor): Promise<void> {
  assertCan(actor.role, 'roster.manage');
  await softDeleteRecord(store(db), id, actor);
}
