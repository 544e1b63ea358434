import type { Enumerations } from '../../../../core/domain/enums';
import { isUnsafeKey } from '../../../../core/batch/records';
import { FIELD_LABELS } from '../../shared/formValues';
import { fieldText, own } from '../../shared/fieldText';

const HIDDEN = new Set([
  'id',
  'rev',
  'updatedAt',
  'createdAt',
  'deleted',
  'ownerId',
  'sealed',
  'values',
  'file',
  'sha256',
  'pdfSha256',
  'rootId',
  'sourceId',
  'lawyerId',
  'shiftId',
]);

export interface ImportedField {
  key: string;
  label: string;
  text: string;
}

/**
 * The rows the read-only drawer shows for a record another station sent. Its keys are
 * foreign data: `__proto__`, `constructor` and `prototype` are dropped, labels are looked
 * up as own properties only, and every value becomes a string, so no record can hand
 * React an object (which would blank the window).
 */
export function importedFields(record: Record<string, unknown>, enums: Enumerations): ImportedField[] {
  return Object.keys(record)
    .filter((k) => !HIDDEN.has(k) && !isUnsafeKey(k))
    .map((k) => ({ key: k, label: own(FIELD_LABELS, k) ?? k, text: fieldText(enums, k, record[k]) }));
}
