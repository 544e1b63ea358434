import { Descriptions, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { labelOf, type Enumerations } from '../../../../core/domain/enums';
import type { ConsultationInput } from '../../../../core/consultations/schema';

const yesNo = (v: boolean | undefined) => (v === undefined ? '未记录' : v ? '是' : '否');
const prose = (text: string) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{text}</Typography.Paragraph>;

/**
 * The record sheet's rows for the Art. 25, Art. 42 and plea-leniency facts (issue 17).
 * Only what was recorded is shown: records from before these fields have none of them.
 */
export function lawRulesItems(r: Partial<ConsultationInput>, enums: Enumerations): ReactNode[] {
  const items: ReactNode[] = [];
  const item = (key: string, label: string, content: ReactNode, span = 1) =>
    items.push(
      <Descriptions.Item key={key} label={label} span={span}>
        {content}
      </Descriptions.Item>,
    );
  if (r.hasDefenceCounsel !== undefined) item('hasDefenceCounsel', '已委托辩护人', yesNo(r.hasDefenceCounsel));
  if (r.custodyStatus) item('custodyStatus', '羁押状态', labelOf(enums.custodyStatuses, r.custodyStatus));
  if (r.handlingAuthority) item('handlingAuthority', '办案机关', r.handlingAuthority);
  const procedures = [r.deathPenaltyReview && '死刑复核案件', r.trialInAbsentia && '缺席审判案件'].filter(Boolean);
  if (procedures.length > 0) item('procedure', '特别程序', procedures.join('、'));
  if (r.defenderNotified !== undefined) {
    const at = r.defenderNotifiedAt ? `，${dayjs(r.defenderNotifiedAt).format('YYYY-MM-DD HH:mm')}` : '';
    item('defenderNotified', '通知指派辩护人', r.defenderNotified ? `办案机关已通知${at}` : '尚未通知');
  }
  if (r.exemptionProof) item('exemptionProof', '证明材料', r.exemptionProof);
  if (r.otherExemptions && r.otherExemptions.length > 0) {
    item('otherExemptions', '其他免予审查情形', r.otherExemptions.map((c) => labelOf(enums.noMeansTestGrounds, c)).join('、'));
  }
  if (r.pleaLeniency) {
    item('pleaLeniency', '认罪认罚', `是；具结书${r.pledgeSigned ? '已签署' : '未签署'}${r.pledgeSigned ? `，值班律师${r.pledgeWitnessed ? '在场' : '未在场'}` : ''}`, 2);
    if (r.minorPleaObjection) item('minorPleaObjection', '异议', '法定代理人或辩护人对认罪认罚有异议', 2);
    const texts: [keyof ConsultationInput, string][] = [
      ['sentencingProposal', '量刑建议'],
      ['pleaViewFacts', '对犯罪事实的意见'],
      ['pleaViewCharge', '对罪名的意见'],
      ['pleaViewProposal', '对量刑建议的意见'],
      ['pleaViewProcedure', '对程序适用的意见'],
      ['lawyerOpinion', '值班律师意见'],
    ];
    for (const [key, label] of texts) {
      const value = r[key];
      if (typeof value === 'string' && value) item(key, label, prose(value), 2);
    }
  }
  return items;
}
