import type { Consultation } from '../consultations/schema';
import { labelOf, NO_ID, type Enumerations } from '../domain/enums';
import { formatChineseDate } from './format';
import type { FieldValue } from './template';

/**
 * Facts for the element-style (要素式) pleadings, from a contact: the client as a party
 * in the order the model forms list a natural person's elements, and the client's
 * address and phone as the service address. Whether the client consents to electronic
 * service is not pre-filled: the lawyer asks.
 */
export function elementPleadingFacts(c: Consultation, enums: Enumerations): Record<string, FieldValue> {
  const parts = [c.clientName];
  if (c.gender) parts.push(labelOf(enums.genders, c.gender));
  if (c.birthDate) parts.push(`${formatChineseDate(c.birthDate)}出生`);
  if (c.ethnicity) parts.push(labelOf(enums.ethnicGroups, c.ethnicity));
  if (c.phone) parts.push(`联系电话：${c.phone}`);
  if (c.address) parts.push(`住所地（户籍所在地）：${c.address}`);
  if (c.idNumber && c.idType && c.idType !== NO_ID) parts.push(`证件类型：${labelOf(enums.idTypes, c.idType)}，证件号码：${c.idNumber}`);
  const party = parts.join('，');
  return {
    plaintiffs: [party],
    respondents: [party],
    serviceAddress: c.address ?? '',
    serviceRecipient: c.clientName,
    servicePhone: c.phone ?? '',
    eServiceWay: c.phone ? `短信：${c.phone}` : '',
    signer: c.clientName,
  };
}
