import type { DocumentValues } from '../../../../core/documents/template';

/** A wage claimant whose application lacks an ID copy and the employment evidence. */
export const sample: DocumentValues = {
  legalAidCentre: '沈阳市皇姑区法律援助中心',
  applicantName: '王𠮷',
  receivedAt: '2026年11月24日09时30分',
  matter: '请求支付劳动报酬',
  missingItems: [
    '申请人居民身份证原件及复印件一份；',
    '能够证明与用人单位存在劳动关系的材料，如工资条、考勤记录、工作证或者工友证言；',
    '用人单位名称、住所等基本情况（可提供营业执照复印件或者企业信用信息查询截图）。',
  ],
  explanations: ['被拖欠工资的期间和计算方法。'],
  deadline: '2026-12-01',
  submitTo: '沈阳市皇姑区人民法院诉讼服务中心法律援助工作站（工作日8:30—17:00）',
  note: '',
  stationName: '沈阳市皇姑区人民法院法律援助工作站',
  lawyerName: '刘䶮',
  contactPhone: '024-86120000',
  date: '2026-11-24',
};
