import { findEntry, type Enumerations } from '../domain/enums';

/**
 * The legal aid a victim's side of a criminal case may apply for. They are not the
 * accused: Art. 25 (appointed defence) does not apply to them, and their aid, an agent ad
 * litem, depends on the means test (Art. 34) unless Art. 32 or 42 exempts them.
 *
 * 《法律援助法》第二十九条: "刑事公诉案件的被害人及其法定代理人或者近亲属，刑事自诉案件的自诉人及其
 * 法定代理人，刑事附带民事诉讼案件的原告人及其法定代理人，因经济困难没有委托诉讼代理人的，可以向
 * 法律援助机构申请法律援助。"
 *
 * Null for anyone else, and in a non-criminal case (a legal representative also acts in
 * civil matters, where Art. 31 applies instead).
 */
export function article29Note(clientRole: string, caseType: string, enums: Pick<Enumerations, 'clientRoles' | 'caseTypes'>): string | null {
  const role = findEntry(enums.clientRoles, clientRole);
  if (!role?.article29 || findEntry(enums.caseTypes, caseType)?.scope !== 'criminal') return null;
  return (
    `${role.label}因经济困难没有委托诉讼代理人的，可以向法律援助机构申请法律援助（《法律援助法》第二十九条）；` +
    '须审查经济困难状况，不适用第二十五条的指派辩护'
  );
}
