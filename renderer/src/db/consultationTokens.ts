import type { Consultation } from '../../../core/consultations/schema';
import { consultationSearchFields } from '../../../core/consultations/search';
import { isPendingTransfer } from '../../../core/consultations/transferDeadline';
import { isOpenMeetingRequest } from '../../../core/consultations/detaineeRequest';
import { identifierNormalize, indexTokens } from '../../../core/search/tokens';
import { isAboutRequest } from '../../../core/access/recordViews';

/** Filter facts kept as blinded tokens beside the search tokens. */
export const filterToken = {
  caseType: (c: string) => `f:case:${c}`,
  helpType: (c: string) => `f:help:${c}`,
  specialGroup: (c: string) => `f:group:${c}`,
  outcome: (c: string) => `f:outcome:${c}`,
  idNumber: (n: string) => `f:idn:${identifierNormalize(n)}`,
  pendingTransfer: () => 'f:pending-transfer',
  openMeeting: () => 'f:open-meeting',
  requestView: () => 'f:request-view',
};

export function plainTokens(c: Consultation): string[] {
  const tokens = indexTokens(consultationSearchFields(c));
  tokens.push(filterToken.caseType(c.caseType), filterToken.outcome(c.legalAidOutcome));
  for (const h of c.helpTypes) tokens.push(filterToken.helpType(h));
  for (const g of c.specialGroups) tokens.push(filterToken.specialGroup(g));
  if (c.idNumber) tokens.push(filterToken.idNumber(c.idNumber));
  if (isPendingTransfer(c)) tokens.push(filterToken.pendingTransfer());
  if (isOpenMeetingRequest(c)) tokens.push(filterToken.openMeeting());
  if (isAboutRequest(c)) tokens.push(filterToken.requestView());
  return tokens;
}
