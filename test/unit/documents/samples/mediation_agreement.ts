import type { DocumentValues } from '../../../../core/documents/template';

/** A pre-litigation wage mediation with three parties: worker, subcontractor and main contractor. */
export const sample: DocumentValues = {
  mediationType: '诉前调解',
  mediationOrg: '沈阳市和平区人民法院诉讼服务中心人民调解委员会',
  caseNumber: '',
  cause: '劳务合同纠纷',
  parties: [
    '申请人：李春华，女，1982年7月9日出生，汉族，住辽宁省沈阳市和平区太原南街35号。',
    '被申请人：沈阳某某建筑劳务有限公司，住所地沈阳市皇姑区黄河南大街100号，法定代表人赵某。',
    '第三人：沈阳某某建设集团有限公司，住所地沈阳市沈河区青年大街200号，法定代表人钱某。',
  ],
  facts: '申请人在被申请人分包的某某花园三期工地务工，被申请人拖欠申请人2025年8月至12月工资共计38,500元。第三人系该工程施工总承包单位。',
  terms: [
    '被申请人于2026年12月31日前向申请人支付工资人民币38,500元；',
    '被申请人逾期未支付的，由第三人先行清偿后向被申请人追偿；',
    '申请人放弃其他请求，各方就本纠纷再无其他争议。',
  ],
  amountAgreed: '38500',
  payment: '一次性银行转账支付，于2026年12月31日前履行',
  place: '沈阳市和平区人民法院诉讼服务中心调解室',
  copies: '4',
  signatory1: '申请人李春华',
  signatory2: '被申请人沈阳某某建筑劳务有限公司',
  signatory3: '第三人沈阳某某建设集团有限公司',
  signatory4: '',
  signatory5: '',
  signatory6: '',
  mediatorName: '陈静',
  lawyerName: '刘明',
  date: '2026-11-24',
};
