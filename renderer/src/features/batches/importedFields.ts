import dayjs from 'dayjs';
import { labelOf, type Enumerations } from '../../../../core/domain/enums';
import { isUnsafeKey } from '../../../../core/batch/records';
import { FIELD_LABELS } from '../../shared/formValues';

/** Which enumeration a consultation field's codes come from. */
const FIELD_ENUMS: Record<string, keyof Enumerations> = {
  place: 'consultationPlaces',
  clientRole: 'clientRoles',
  idType: 'idTypes',
  gender: 'genders',
  ethnicity: 'ethnicGroups',
  specialGroups: 'specialGroups',
  disabilities: 'disabilities',
  caseType: 'caseTypes',
  criminalStage: 'criminalStages',
  helpTypes: 'helpTypes',
  legalAidOutcome: 'legalAidOutcomes',
  aidMatters: 'legalAidMatters',
};

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const HIDDEN = new Set(['id', 'rev', 'updatedAt', 'createdAt', 'deleted', 'ownerId', 'sealed', 'values', 'file', 'sha256', 'pdfSha256', 'rootId', 'sourceId', 'lawyerId', 'shiftId']);

/** Own entries only: a key another station chose must never reach Object.prototype. */
function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function display(enums: Enumerations, key: string, value: unknown): string {
  const listName = own(FIELD_ENUMS, key);
  const list = listName ? enums[listName] : null;
  const one = (v: unknown): string => {
    if (list && typeof v === 'string') return labelOf(list, v);
    if (typeof v === 'boolean') return v ? '是' : '否';
    if (typeof v === 'string' && TIMESTAMP.test(v)) return dayjs(v).format('YYYY-MM-DD HH:mm');
    return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
  };
  if (Array.isArray(value)) return value.length ? value.map(one).join('、') : '—';
  if (value === null || value === undefined || value === '') return '—';
  return one(value);
}

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
    .map((k) => ({ key: k, label: own(FIELD_LABELS, k) ?? k, text: display(enums, k, record[k]) }));
}
