import type { DocumentValues } from '../../../../core/documents/template';

export const sample: DocumentValues = {
  lawyerName: '刘明远',
  stationName: '沈阳市第一看守所法律援助工作站',
  suspectName: '王建国',
  gender: '男',
  birthDate: '1986-03-12',
  idNumber: '210102198603120317',
  address: '辽宁省沈阳市和平区南京北街2号3单元502室',
  cause: '盗窃罪',
  caseNumber: '沈和检刑诉〔2026〕1123号',
  currentMeasure: '2026年11月1日被刑事拘留，同年11月8日被批准逮捕，现羁押于沈阳市第一看守所',
  requestedMeasure: '取保候审',
  reasons:
    '一、犯罪嫌疑人王建国涉嫌盗窃工地废旧钢材，涉案金额4,860元，属数额较大的起点附近，依法可能判处三年以下有期徒刑，并可能适用缓刑。\n二、犯罪嫌疑人到案后如实供述，自愿认罪认罚，已全部退赃，并取得被害单位的书面谅解。\n三、犯罪嫌疑人系初犯、偶犯，有固定住所，其父王某某愿意担任保证人，采取取保候审不致发生社会危险性。\n四、犯罪嫌疑人之妻患病需要照料，继续羁押不利于其家庭生活。',
  addressee: '沈阳市和平区人民检察院',
  date: '2026-11-24',
};
