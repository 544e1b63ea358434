import type { ConsultationDraft, RequestKind } from './schema';
import { deriveFromIdNumber } from './derive';
import { isRfc3339 } from '../time/rfc3339';
import { NO_ID, RESIDENT_ID } from '../domain/enums';

/**
 * A detainee's request as detention-centre staff receive it (Art. 39): to meet a duty
 * lawyer, or a legal-aid application to pass to the legal-aid centre within 24 hours.
 * Staff log it on a short form of their own; it is stored as a consultation record with
 * `requestKind` and no help given yet, so it travels, is searched, drafted from (the
 * transfer letter) and counted with everything else, and the lawyer who meets the
 * detainee later logs his own contact.
 */
export interface DetaineeRequestFields {
  requestKind: RequestKind;
  /** RFC 3339. */
  receivedAt: string;
  clientName: string;
  /**
   * One of the station's ID types, as on the consultation form (a resident ID when left
   * out); without a number the request records no document.
   */
  idType?: string;
  idNumber?: string;
  criminalStage: string;
  cause?: string;
  caseNumber?: string;
  /** The duty lawyer the request goes to, when staff know who is on duty. */
  lawyerId?: string;
  /** What the detainee asked, in staff's words; a standard line when left empty. */
  note?: string;
}

const DEFAULT_NOTE: Record<RequestKind, string> = {
  meet_lawyer: '在押人员申请约见值班律师',
  // True before and after the transfer: the record's status shows whether it has gone.
  legal_aid_application: '在押人员提交法律援助申请，依法在二十四小时内转交法律援助机构',
};

/** The consultation record a request is stored as; the consultation schema then validates it. */
export function detaineeRequestDraft(f: DetaineeRequestFields): ConsultationDraft {
  const idType = f.idNumber?.trim() ? (f.idType ?? RESIDENT_ID) : NO_ID;
  const draft: ConsultationDraft = {
    time: f.receivedAt,
    receivedAt: f.receivedAt,
    requestKind: f.requestKind,
    place: 'detention_centre',
    // Before trial a detainee is a suspect, at trial a defendant (刑事诉讼法 terms).
    clientRole: f.criminalStage === 'trial' ? 'defendant' : 'suspect',
    clientName: f.clientName,
    idType,
    caseType: 'criminal',
    criminalStage: f.criminalStage,
    helpTypes: [],
    specialGroups: [],
    disabilities: [],
    aidMatters: [],
    question: f.note?.trim() || DEFAULT_NOTE[f.requestKind],
    // An application handed to staff goes to the legal-aid centre by transfer.
    legalAidOutcome: f.requestKind === 'legal_aid_application' ? 'transferred' : 'not_needed',
  };
  if (f.idNumber?.trim()) {
    draft.idNumber = f.idNumber;
    // A valid card or residence permit gives birth date, gender and 未成年人/老年人, so a
    // minor detainee's mandatory-defence flag (Art. 25) shows on the record from the start.
    const derived = isRfc3339(f.receivedAt) ? deriveFromIdNumber(f.idNumber, f.receivedAt, idType) : null;
    if (derived) {
      draft.birthDate = derived.birthDate;
      draft.gender = derived.gender;
      draft.specialGroups = derived.ageGroups;
    }
  }
  if (f.cause?.trim()) draft.cause = f.cause;
  if (f.caseNumber?.trim()) draft.caseNumber = f.caseNumber;
  if (f.lawyerId) draft.lawyerId = f.lawyerId;
  return draft;
}

/**
 * A request no lawyer has handled yet: no help given. It is not a contact (人次) of any
 * lawyer or shift; only its transfer counts.
 */
export function isRequestOnly(c: { helpTypes: readonly string[] }): boolean {
  return c.helpTypes.length === 0;
}

/**
 * A detainee's request to meet a duty lawyer that no lawyer has met yet (issue 20 item 19):
 * it waits on the shift page and is handed over in the shift log until a lawyer logs the
 * contact that answers it.
 */
export function isOpenMeetingRequest(c: {
  requestKind?: string | undefined;
  helpTypes: readonly string[];
  answeredAt?: string | undefined;
  deleted?: boolean;
}): boolean {
  return c.requestKind === 'meet_lawyer' && isRequestOnly(c) && !c.answeredAt && c.deleted !== true;
}
