import { findEntry, type Enumerations } from '../domain/enums';
import { defenderNotice, type MandatoryDefenceReason } from './mandatoryDefence';

/**
 * Plea leniency (认罪认罚从宽): which combinations of facts the law excludes, for the form
 * to refuse ('error', the record cannot be saved so) or to warn about ('warning', the
 * lawyer decides). Each finding names the field it belongs to and cites its article.
 *
 * 《刑事诉讼法》第一百七十三条第二款: "犯罪嫌疑人认罪认罚的，人民检察院应当告知其享有的诉讼权利和认罪
 * 认罚的法律规定，听取犯罪嫌疑人、辩护人或者值班律师……对下列事项的意见，并记录在案：（一）涉嫌的
 * 犯罪事实、罪名及适用的法律规定；（二）从轻、减轻或者免除处罚等从宽处罚的建议；（三）认罪认罚后
 * 案件审理适用的程序；……"
 *
 * 《刑事诉讼法》第一百七十四条: "犯罪嫌疑人自愿认罪，同意量刑建议和程序适用的，应当在辩护人或者值班
 * 律师在场的情况下签署认罪认罚具结书。犯罪嫌疑人认罪认罚，有下列情形之一的，不需要签署认罪认罚具结书：
 * （一）犯罪嫌疑人是盲、聋、哑人，或者是尚未完全丧失辨认或者控制自己行为能力的精神病人的；（二）未成年
 * 犯罪嫌疑人的法定代理人、辩护人对未成年人认罪认罚有异议的；（三）其他不需要签署认罪认罚具结书的情形。"
 *
 * 《刑事诉讼法》第一百七十六条第二款: "犯罪嫌疑人认罪认罚的，人民检察院应当就主刑、附加刑、是否适用缓刑
 * 等提出量刑建议，并随案移送认罪认罚具结书等材料。"
 *
 * Both articles sit in the chapter on prosecution (提起公诉): the statement is signed and the
 * proposal made by the procuratorate at review, so neither exists at the investigation
 * stage, where the police only record that the suspect admits guilt (Art. 162 para. 2).
 */
export interface PleaLeniencyInput {
  clientRole: string;
  caseType: string;
  criminalStage?: string | undefined;
  pleaLeniency?: boolean | undefined;
  sentencingProposal?: string | undefined;
  pledgeSigned?: boolean | undefined;
  pledgeWitnessed?: boolean | undefined;
  /** The minor's legal representative or defender objects to the plea. */
  minorPleaObjection?: boolean | undefined;
  disabilities?: readonly string[] | undefined;
  /** Under 18 on the day of the contact (core/rules/age.ts). */
  minor: boolean;
  /** Art. 25 reasons (core/rules/mandatoryDefence.ts), for the warning on duty-lawyer help only. */
  mandatoryDefence: readonly MandatoryDefenceReason[];
  legalAidOutcome?: string | undefined;
}

export interface PleaFinding {
  field: 'pleaLeniency' | 'sentencingProposal' | 'pledgeSigned' | 'pledgeWitnessed' | 'minorPleaObjection';
  level: 'error' | 'warning';
  message: string;
}

const INVESTIGATION = 'investigation';

export function pleaLeniencyFindings(input: PleaLeniencyInput, enums: Pick<Enumerations, 'clientRoles' | 'caseTypes' | 'disabilities'>): PleaFinding[] {
  const out: PleaFinding[] = [];
  const error = (field: PleaFinding['field'], message: string) => out.push({ field, level: 'error', message });
  const warning = (field: PleaFinding['field'], message: string) => out.push({ field, level: 'warning', message });

  if (!input.pleaLeniency) {
    if (input.pledgeSigned) error('pledgeSigned', '未勾选“认罪认罚”，不能记录签署具结书');
    if (input.pledgeWitnessed) error('pledgeWitnessed', '未勾选“认罪认罚”，不能记录具结书签署在场');
    return out;
  }
  const role = findEntry(enums.clientRoles, input.clientRole);
  const criminal = findEntry(enums.caseTypes, input.caseType)?.scope === 'criminal';
  if (!criminal || !role?.accused) {
    error('pleaLeniency', '认罪认罚只适用于刑事案件的犯罪嫌疑人、被告人（《刑事诉讼法》第十五条）');
    return out;
  }

  const investigation = input.criminalStage === INVESTIGATION;
  if (investigation && input.sentencingProposal) {
    error('sentencingProposal', '侦查阶段尚无量刑建议：量刑建议由人民检察院在审查起诉时提出（《刑事诉讼法》第一百七十六条第二款）');
  }
  if (input.pledgeSigned && investigation) {
    error(
      'pledgeSigned',
      '侦查阶段不签署认罪认罚具结书：具结书在审查起诉阶段由人民检察院听取意见后，在辩护人或者值班律师在场的情况下签署（《刑事诉讼法》第一百七十三条、第一百七十四条第一款）',
    );
  }
  if (input.pledgeWitnessed && !input.pledgeSigned) error('pledgeWitnessed', '未记录签署具结书，不能记录签署时在场');

  if (input.minorPleaObjection && !input.minor) {
    error('minorPleaObjection', '只有未成年犯罪嫌疑人才适用“法定代理人、辩护人有异议”（《刑事诉讼法》第一百七十四条第二款第（二）项）');
  }
  if (input.pledgeSigned && input.minor && input.minorPleaObjection) {
    error('pledgeSigned', '未成年犯罪嫌疑人的法定代理人、辩护人对认罪认罚有异议的，不需要签署认罪认罚具结书（《刑事诉讼法》第一百七十四条第二款第（二）项）');
  }
  if (input.pledgeSigned) {
    const texts = new Set((input.disabilities ?? []).map((c) => findEntry(enums.disabilities, c)?.pledgeNotRequired).filter((t) => t !== undefined));
    for (const text of texts) warning('pledgeSigned', `${text}；请核实签署是否确有必要并出于本人自愿`);
  }

  if (defenderNotice({ reasons: input.mandatoryDefence, legalAidOutcome: input.legalAidOutcome })) {
    warning(
      'pleaLeniency',
      '此人属于应当通知辩护的人员，本次仅登记值班律师帮助：认罪认罚应由指派的辩护人参与，值班律师的帮助不能代替辩护' +
        '（《法律援助法》第二十五条；《关于适用认罪认罚从宽制度的指导意见》第十条）',
    );
  }
  return out;
}
