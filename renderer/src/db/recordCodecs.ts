import type { ConsultationInput } from '../../../core/consultations/schema';
import type { DocumentValues } from '../../../core/documents/template';
import type { MediationInput } from '../../../core/mediations/schema';
import { yuanToFen } from '../../../core/money';
import type { RecordBase } from '../../../core/records/base';
import type { ShiftContent } from '../../../core/shifts/schema';
import type { ConsultationRow, DocumentRow, MediationRow, ShiftRow } from './database';
import { plainTokens } from './consultationTokens';
import type { RecordCodec, Stored } from './repository';
import { sealedCodec } from './sealedCodec';
import type { Vault } from './vault';

/**
 * How each sealed record type is kept: the table's name (also the sealing context) and
 * the fields its indexes and lists need in the clear. The stores, the statistics facts and
 * the batch export all read records through these, so they hold no knowledge of each other.
 */
export const CONSULTATIONS = 'consultations';
export const MEDIATIONS = 'mediations';
export const SHIFTS = 'shifts';
export const DOCUMENTS = 'documents';

export type ConsultationPayload = ConsultationInput & { ownerId: string };
export type MediationPayload = MediationInput & { ownerId: string };
export type ShiftPayload = ShiftContent & { ownerId: string };

/** A document's sealed part: the exact values the PDF was made from, and what the list shows and searches. */
export interface DocumentContent {
  values: DocumentValues;
  title: string;
  clientName: string;
  caseNumber: string;
}
export type DocumentPayload = Omit<DocumentRow, keyof RecordBase | 'sealed'> & DocumentContent;

export function consultationCodec(vault: Vault): RecordCodec<ConsultationPayload, ConsultationRow> {
  return sealedCodec<ConsultationPayload, ConsultationRow>(vault, CONSULTATIONS, ['time', 'lawyerId', 'shiftId'], (record) => ({
    // Tombstones keep no tokens: a deleted record is found by nothing.
    tokens: record.deleted ? [] : [...new Set(plainTokens(record).map((t) => vault.blind(t)))],
    ...(record.deleted ? {} : { liveTime: record.time }),
  }));
}

/** The deadline the follow-up list watches: an agreement with an amount, not yet paid. */
function openDeadlineOf(m: Stored<MediationPayload>): string | undefined {
  if (m.deleted || m.outcome === 'no_agreement' || m.paidAt || !m.paymentDeadline) return undefined;
  const fen = m.amountAgreed !== undefined ? yuanToFen(m.amountAgreed) : null;
  return fen !== null && fen > 0 ? m.paymentDeadline : undefined;
}

export function mediationCodec(vault: Vault): RecordCodec<MediationPayload, MediationRow> {
  return sealedCodec<MediationPayload, MediationRow>(vault, MEDIATIONS, ['date', 'lawyerIds', 'shiftId'], (record) => {
    const open = openDeadlineOf(record);
    return open ? { openDeadline: open } : {};
  });
}

export function shiftCodec(vault: Vault): RecordCodec<ShiftPayload, ShiftRow> {
  return sealedCodec<ShiftPayload, ShiftRow>(vault, SHIFTS, ['lawyerId', 'startedAt', 'endedAt'], (record) =>
    // The open shift of a lawyer is found by this index (one open shift each).
    !record.endedAt && !record.deleted ? { openLawyerId: record.lawyerId } : {},
  );
}

/** In the clear: what numbering, the lists and the export need; the values and the client stay sealed. */
const DOCUMENT_CLEAR = [
  'kind',
  'number',
  'year',
  'sequence',
  'version',
  'rootId',
  'sourceType',
  'sourceId',
  'lawyerId',
  'shiftId',
  'pdfSha256',
  'pdfBytes',
  'pages',
] as const;

export function documentCodec(vault: Vault): RecordCodec<DocumentPayload, DocumentRow> {
  return sealedCodec<DocumentPayload, DocumentRow>(vault, DOCUMENTS, DOCUMENT_CLEAR);
}
