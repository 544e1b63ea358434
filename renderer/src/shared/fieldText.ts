import dayjs from 'dayjs';
import { labelOf, type Enumerations } from '../../../core/domain/enums';

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
  custodyStatus: 'custodyStatuses',
  otherExemptions: 'noMeansTestGrounds',
  type: 'mediationTypes',
  outcome: 'mediationOutcomes',
};

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Own entries only: a key another station chose must never reach Object.prototype. */
export function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * One field's value as a person reads it: codes by their labels, yes/no, times to the
 * minute, lists joined; always a string, so no value can hand React an object.
 */
export function fieldText(enums: Enumerations, key: string, value: unknown): string {
  const listName = own(FIELD_ENUMS, key);
  const list = listName ? enums[listName] : null;
  const one = (v: unknown): string => {
    if (list && typeof v === 'string') return labelOf(list, v);
    if (typeof v === 'boolean') return v ? '是' : '否';
    if (typeof v === 'string' && TIMESTAMP.test(v)) return dayjs(v).format('YYYY-MM-DD HH:mm');
    if (typeof v === 'object' && v !== null && 'name' in v) return String((v as { name: unknown }).name);
    return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
  };
  if (Array.isArray(value)) return value.length ? value.map(one).join('、') : '—';
  if (value === null || value === undefined || value === '') return '—';
  return one(value);
}
