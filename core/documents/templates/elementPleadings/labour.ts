import { elementComplaint, elementDefence, type CaseTypeSpec } from './common';
import { DEFENCE_BASIS, LAW_BASIS_HINT, MODEL_FORMS } from './basis';

/**
 * 劳动争议纠纷. A labour dispute reaches a court only after arbitration (劳动争议调解仲裁法
 * Art. 5, 29, 50), so choosing the complaint warns and offers the arbitration application.
 */
const spec: CaseTypeSpec = {
  type: 'labour',
  cause: '劳动争议纠纷',
  claims: [
    { key: 'wage', label: '是否主张工资支付', kind: 'money', hint: '欠薪期间、月工资数额及计算方式' },
    { key: 'doubleWage', label: '是否主张未签订书面劳动合同双倍工资', kind: 'money', hint: '未签合同的期间、月工资及计算方式' },
    { key: 'overtime', label: '是否主张加班费', kind: 'money', hint: '加班时间、加班工资计算基数及计算方式' },
    { key: 'annualLeave', label: '是否主张未休年休假工资', kind: 'money', hint: '应休未休天数、日工资及计算方式' },
    { key: 'socialInsurance', label: '是否主张未依法缴纳社会保险费造成的经济损失', kind: 'money', hint: '险种、期间及损失计算方式' },
    { key: 'severance', label: '是否主张解除劳动合同经济补偿', kind: 'money', hint: '工作年限、月工资及计算方式' },
    { key: 'unlawfulDismissal', label: '是否主张违法解除劳动合同赔偿金', kind: 'money', hint: '工作年限、月工资及计算方式' },
  ],
  totalLabel: '标的总额',
  jurisdiction: false,
  facts: [
    { key: 'contractSigning', label: '劳动合同签订情况', hint: '合同主体、签订时间、地点、合同名称等' },
    {
      key: 'contractPerformance',
      label: '劳动合同履行情况',
      hint: '入职时间、用人单位、工作岗位、工作地点、合同约定的每月工资数额及工资构成、办理社会保险的时间及险种、劳动者实际领取的每月工资数额及工资构成、加班工资计算基数及计算方法、原告加班时间及加班费、年休假等',
    },
    { key: 'termination', label: '解除或终止劳动关系情况', hint: '解除或终止劳动关系的原因、经济补偿／赔偿金数额等' },
    { key: 'workInjury', label: '工伤情况', hint: '发生工伤时间、工伤认定情况、工伤伤残等级、工伤费用等' },
    { key: 'arbitration', label: '劳动仲裁相关情况', hint: '申请劳动仲裁时间、仲裁请求、仲裁文书、仲裁结果等' },
    { key: 'otherCircumstances', label: '其他相关情况', hint: '如是否是农民工' },
  ],
  basisLabel: '诉请依据',
  basisHint: LAW_BASIS_HINT,
  complaintBasis: `《中华人民共和国民事诉讼法》第九十条、第一百二十二条、第一百二十四条；《中华人民共和国劳动争议调解仲裁法》第五条、第二十九条、第五十条；${MODEL_FORMS}`,
  defenceBasis: DEFENCE_BASIS,
  notice: {
    text: '劳动争议须先申请劳动争议仲裁（仲裁前置）：对仲裁裁决不服，或者仲裁委员会逾期未作出受理决定、决定不予受理的，才可以向人民法院提起诉讼（《中华人民共和国劳动争议调解仲裁法》第五条、第二十九条、第五十条）。当事人尚未申请仲裁的，请改为起草劳动人事争议仲裁申请书；已有仲裁裁决或不予受理通知的，起诉时在“劳动仲裁相关情况”中写明并附上仲裁文书。',
    alternativeKind: 'labour_arbitration_application',
  },
};

export const elementComplaintLabour = elementComplaint(spec);
export const elementDefenceLabour = elementDefence(spec);
export { spec as labourSpec };
