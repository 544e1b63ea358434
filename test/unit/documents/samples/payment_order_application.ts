import type { DocumentValues } from '../../../../core/documents/template';

/** Wages the employer acknowledged in a written 欠条, claimed through the 督促程序. */
export const sample: DocumentValues = {
  applicant: '王𠮷，男，1980年1月1日出生，汉族，居民身份证号码21010219800101003X，住辽宁省沈阳市和平区南京北街2号，联系电话13812345678。',
  debtor: '沈阳某某建筑劳务有限公司，住所地辽宁省沈阳市皇姑区黄河南大街100号，统一社会信用代码91210105MA0XXXXX1K，法定代表人赵某，执行董事。',
  debtorServiceAddress: '辽宁省沈阳市皇姑区黄河南大街100号',
  claims: ['督促被申请人给付申请人拖欠工资38,500元；', '本案申请费由被申请人负担。'],
  claimsTotal: '38500',
  facts:
    '申请人于2025年3月至12月在被申请人处从事钢筋绑扎工作。2026年1月10日，被申请人向申请人出具欠条，确认尚欠申请人2025年8月至12月工资38,500元，承诺于2026年1月31日前付清。期限届满后，被申请人未支付分文，经申请人多次催讨仍拒不支付。',
  evidence: ['被申请人出具的欠条原件一份；', '申请人身份证复印件一份。'],
  court: '沈阳市皇姑区人民法院',
  lawyerName: '刘䶮',
  copies: '1',
  date: '2026-02-03',
};
