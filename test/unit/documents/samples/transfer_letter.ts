import type { DocumentValues } from '../../../../core/documents/template';

/** A detainee's application logged by detention-centre staff and transferred the next morning. */
export const sample: DocumentValues = {
  legalAidCentre: '沈阳市和平区法律援助中心',
  transferUnit: '沈阳市第一看守所',
  applicantName: '张小军',
  partyTitle: '犯罪嫌疑人',
  gender: '男',
  birthDate: '2009-03-15',
  idNumber: '210102200903150015',
  cause: '盗窃罪',
  caseNumber: '沈和检刑诉〔2026〕1234号',
  receivedAt: '2026年11月23日16时10分',
  transferredAt: '2026年11月24日09时50分',
  circumstances: '申请人系未成年人，没有委托辩护人，属于《中华人民共和国法律援助法》第二十五条规定应当通知法律援助机构指派律师担任辩护人的情形。',
  attachments: ['法律援助申请表', '身份证明材料复印件'],
  contact: '周敏',
  contactPhone: '024-22801234',
  date: '2026-11-24',
};
