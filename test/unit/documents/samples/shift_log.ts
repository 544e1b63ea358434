import type { DocumentValues } from '../../../../core/documents/template';

/** A day shift at a detention-centre station. */
export const sample: DocumentValues = {
  stationName: '沈阳市第一看守所法律援助工作站',
  shiftLawyers: '刘明、王芳',
  shiftPlace: '沈阳市第一看守所',
  shiftPeriod: '2026年11月24日08时30分至17时00分',
  consultationCount: '9 人次',
  helpTypeCounts: ['法律咨询：9 人次', '程序选择建议：5 人次', '帮助申请法律援助：2 人次'],
  specialGroupCounts: ['未成年人：1 人次', '农民工：2 人次'],
  documentCounts: ['法律援助申请转交函：1 份', '取保候审申请书：1 份'],
  mediationSummary: '无',
  pendingTransfers: ['张小军，2026年11月24日15时20分收到，应于2026年11月25日15时20分前转交'],
  openRequests: ['李大山，2026年11月24日16时05分申请约见值班律师'],
  handoverNotes: '张小军的法律援助申请已登记，材料在工作站文件柜，请下一班次于明日上午转交和平区法律援助中心。',
  date: '2026-11-24',
};
