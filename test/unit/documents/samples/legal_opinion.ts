import type { DocumentValues } from '../../../../core/documents/template';

/** A plea-leniency theft at review for prosecution. */
export const sample: DocumentValues = {
  addressee: '沈阳市和平区人民检察院',
  lawyerName: '刘明',
  stationName: '沈阳市和平区人民检察院法律援助工作站',
  stage: '审查起诉',
  partyTitle: '犯罪嫌疑人',
  suspectName: '孙立伟',
  cause: '盗窃罪',
  caseNumber: '沈和检刑诉〔2026〕1301号',
  workDone: '经会见犯罪嫌疑人、查阅案卷材料',
  caseSummary: '犯罪嫌疑人孙立伟于2026年8月在沈阳市和平区某小区盗窃电动自行车两辆，经鉴定价值共计人民币4,200元。案发后赃物已全部追回并发还被害人。',
  chargeOpinion: '对盗窃罪的罪名及盗窃数额的认定无异议。',
  sentencingOpinion: '犯罪嫌疑人系初犯，到案后如实供述，自愿认罪认罚，赃物已发还，建议在有期徒刑六个月以下量刑并适用缓刑。',
  procedureOpinion: '本案事实清楚、证据充分，犯罪嫌疑人同意适用速裁程序，建议适用速裁程序。',
  date: '2026-11-24',
};
