import type { DocumentValues } from '../../../../core/documents/template';

/** The suspect's father applies for bail at the investigation stage; the duty lawyer drafts it. */
export const sample: DocumentValues = {
  applicantName: '张建平',
  applicantRelation: '犯罪嫌疑人之父',
  applicantContact: '住辽宁省沈阳市和平区南五马路18号3单元502室，联系电话13998765432',
  partyTitle: '犯罪嫌疑人',
  suspectName: '张小军',
  gender: '男',
  birthDate: '2009-03-15',
  idNumber: '210102200903150015',
  address: '辽宁省沈阳市和平区南五马路18号3单元502室',
  cause: '盗窃罪',
  caseNumber: '沈公和刑立字〔2026〕0567号',
  currentMeasure:
    '2026年11月1日因涉嫌盗窃罪被沈阳市公安局和平分局刑事拘留，同日羁押于沈阳市第一看守所；2026年11月8日经沈阳市和平区人民检察院批准，由沈阳市公安局和平分局执行逮捕；2026年11月20日因案情复杂，经沈阳市人民检察院批准延长侦查羁押期限一个月，现仍羁押于沈阳市第一看守所。',
  guarantee: '提出保证人',
  guarantorName: '张建平',
  guarantorIdNumber: '210102197801020031',
  guarantorRelation: '父子',
  guarantorContact: '住辽宁省沈阳市和平区南五马路18号3单元502室，联系电话13998765432',
  reasons:
    '一、犯罪嫌疑人系未成年人，作案时不满十八周岁，系初犯、偶犯，主观恶性小。\n二、犯罪嫌疑人到案后如实供述，已全部退赃，并取得被害人书面谅解，可能判处有期徒刑以下刑罚，采取取保候审不致发生社会危险性。\n三、保证人与本案无牵连，有固定住处和收入，能够履行保证义务。',
  addressee: '沈阳市公安局和平分局',
  lawyerName: '刘明',
  stationName: '沈阳市第一看守所法律援助工作站',
  date: '2026-11-24',
};
