import type { DocumentValues } from '../../../../core/documents/template';

export const sample: DocumentValues = {
  addressee: '沈阳市和平区人民检察院',
  lawyerName: '刘明远',
  stationName: '沈阳市第一看守所法律援助工作站',
  suspectName: '王建国',
  cause: '盗窃罪',
  caseNumber: '沈和检刑诉〔2026〕1123号',
  caseSummary:
    '起诉意见书认定：2026年10月下旬，犯罪嫌疑人王建国先后三次进入其务工的某某花园三期工地仓库，窃取废旧钢材共计约1.2吨，销赃得款1,900元，经鉴定价值4,860元。犯罪嫌疑人到案后如实供述了上述事实。',
  chargeOpinion: '对起诉意见书认定的罪名无异议。但涉案钢材系工地废弃物，其价值鉴定以新材价格为基准，明显偏高，建议按回收价格重新认定数额。',
  sentencingOpinion:
    '犯罪嫌疑人系初犯、偶犯，到案后如实供述，自愿认罪认罚，已全部退赃并取得被害单位谅解，依法可以从轻处罚。建议量刑为有期徒刑六个月以下，并适用缓刑。',
  procedureOpinion: '本案事实清楚，证据确实充分，犯罪嫌疑人认罪认罚，同意适用速裁程序，建议依法适用速裁程序审理。',
  date: '2026-11-24',
};
