import type { ConsultationInput } from '../consultations/schema';
import { transferClockOf } from '../consultations/transferDeadline';
import { can } from './permissions';

/**
 * What of a record a person may read (issue 18 item 6, docs/SECURITY.md "Need to know").
 * 法律援助法 第三十九条第一款 gives the detention centre one duty: pass a detainee's
 * application to the legal-aid agency within 24 hours. For that its staff need the request,
 * the person's identity and the transfer, not what the person told a lawyer or what the
 * lawyer advised (个人信息保护法 第六条: no more than the purpose needs).
 */
export interface Viewer {
  id: string;
  role: string;
}

/** 'full': every field; 'request': the request part only (`requestView`); 'none': not even that it exists. */
export type ConsultationAccess = 'full' | 'request' | 'none';

type Subject = Pick<ConsultationInput, 'time' | 'clientRole' | 'legalAidOutcome' | 'requestKind' | 'receivedAt' | 'transferredAt'> & { ownerId: string };

/**
 * A request logged at the centre, or an application on the Art. 39 clock (the transfer
 * queue): what others may read in its request view. It follows from the record alone, so it
 * is also kept as a blinded filter token (db/consultationTokens.ts) and a restricted list
 * needs not open every record to know it.
 */
export function isAboutRequest(record: Omit<Subject, 'ownerId'>): boolean {
  return record.requestKind !== undefined || transferClockOf(record) !== undefined;
}

export function consultationAccess(viewer: Viewer, record: Subject): ConsultationAccess {
  if (can(viewer.role, 'consultation.view_any')) return 'full';
  if (record.ownerId === viewer.id && can(viewer.role, 'consultation.view_own')) return 'full';
  return isAboutRequest(record) && can(viewer.role, 'consultation.view_request') ? 'request' : 'none';
}

/**
 * The fields the request view keeps: who the person is, the case the request is about,
 * the request itself and its transfer. Everything else (咨询事项, 解答意见, help given,
 * plea views, means, health, phone, address, notes) is withheld, and so is any field a
 * later version adds: this lists what is shown, never what is hidden.
 */
export const REQUEST_VIEW_FIELDS = [
  'time',
  'lawyerId',
  'shiftId',
  'place',
  'clientRole',
  'clientName',
  'idType',
  'idNumber',
  'gender',
  'birthDate',
  'ethnicity',
  'caseType',
  'criminalStage',
  'caseNumber',
  'cause',
  'legalAidOutcome',
  'requestKind',
  'receivedAt',
  'transferredAt',
  'transferRecipient',
  'transferReceiver',
  'transferredBy',
  // Whether a lawyer has met a 约见 request, and when: the request's own state.
  'answeredAt',
  'answeredBy',
] as const satisfies readonly (keyof ConsultationInput)[];

/** Set on a record read through the request view: the page shows 无权查看 for what is missing. */
export interface Withheld {
  withheld?: true;
}

const BASE_FIELDS = ['id', 'rev', 'createdAt', 'updatedAt', 'deleted', 'ownerId'] as const;

/**
 * The request view of a record. Lists and codes the schema requires are empty and the
 * required 咨询事项 is '', so code that reads a record reads this one alike; `withheld`
 * tells the pages to say 无权查看 instead of showing an empty field.
 */
export function requestView<T extends ConsultationInput & { ownerId: string }>(record: T): T & Withheld {
  const source = record as unknown as Record<string, unknown>;
  const view: Record<string, unknown> = {
    question: '',
    helpTypes: [],
    specialGroups: [],
    disabilities: [],
    aidMatters: [],
    followUpNeeded: false,
    noFixedIncome: false,
    mayFaceLifeOrDeath: false,
    withheld: true,
  };
  for (const key of [...BASE_FIELDS, ...REQUEST_VIEW_FIELDS]) {
    if (Object.hasOwn(source, key) && source[key] !== undefined) view[key] = source[key];
  }
  return view as unknown as T & Withheld;
}

/** A record as `viewer` may read it, or undefined when he may not read it at all. */
export function viewConsultation<T extends ConsultationInput & { ownerId: string }>(viewer: Viewer, record: T): (T & Withheld) | undefined {
  const access = consultationAccess(viewer, record);
  return access === 'full' ? record : access === 'request' ? requestView(record) : undefined;
}

/** Documents and mediations: one's own with `view_own`, anyone's with `view_any`. */
export function mayViewOwned(viewer: Viewer, type: 'document' | 'mediation', ownerId: string): boolean {
  return can(viewer.role, `${type}.view_any`) || (ownerId === viewer.id && can(viewer.role, `${type}.view_own`));
}
