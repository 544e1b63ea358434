import type { DocumentValues } from '../../../../core/documents/template';

export const sample: DocumentValues = {
  legalAidCentre: '沈阳市和平区法律援助中心',
  stationName: '沈阳市第一看守所法律援助工作站',
  applicantName: '王建国',
  gender: '男',
  birthDate: '1986-03-12',
  idNumber: '210102198603120317',
  cause: '盗窃罪',
  caseNumber: '沈和检刑诉〔2026〕1123号',
  receivedAt: '2026年11月23日16时10分',
  circumstances: '申请人系农民工，家庭经济困难，本人明确表示希望由法律援助律师为其辩护。',
  attachments: ['法律援助申请表', '经济困难状况个人诚信承诺书', '身份证明材料复印件'],
  contact: '周立群',
  contactPhone: '024-22851234',
  date: '2026-11-24',
};
