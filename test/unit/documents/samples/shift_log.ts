import type { DocumentValues } from '../../../../core/documents/template';

export const sample: DocumentValues = {
  stationName: '沈阳市第一看守所法律援助工作站',
  shiftLawyers: '刘明远、周立群',
  shiftPlace: '第一看守所会见区值班室',
  shiftPeriod: '2026年11月24日08时30分至17时00分',
  consultationCount: '12',
  helpTypeCounts: ['法律咨询 9人次', '程序选择建议 4人次', '申请变更强制措施 2人次', '转交法律援助申请 3人次'],
  specialGroupCounts: ['未成年人 1人', '农民工 4人', '老年人 2人'],
  documentCounts: ['取保候审申请书 2份', '法律援助申请转交函 3份'],
  mediationSummary: '参与调解1件，达成协议1件，协议金额38,500.00元',
  pendingTransfers: ['赵某某（涉嫌故意伤害罪）于2026年11月24日16时20分提出的法律援助申请，期限至11月25日16时20分'],
  handoverNotes: '王建国的取保候审申请书已交其家属，请接班律师于11月25日与检察院承办人联系了解审查情况。',
  date: '2026-11-24',
};
