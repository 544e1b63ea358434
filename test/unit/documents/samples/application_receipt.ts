import type { DocumentValues } from '../../../../core/documents/template';

/** Papers handed in at the court station for a wage claim. */
export const sample: DocumentValues = {
  receivingUnit: '沈阳市皇姑区人民法院法律援助工作站',
  applicantName: '王𠮷',
  idNumber: '21010219800101003X',
  phone: '13812345678',
  submitter: '',
  submitterRelation: '',
  matter: '请求支付劳动报酬',
  receivedAt: '2026年11月24日09时30分',
  receivedMaterials: ['法律援助申请表，原件一份', '经济困难状况个人诚信承诺书，原件一份', '居民身份证复印件一份', '欠条复印件一份'],
  note: '材料齐全，已转沈阳市皇姑区法律援助中心审查。',
  receiver: '刘䶮',
};
