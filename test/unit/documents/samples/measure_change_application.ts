import type { DocumentValues } from '../../../../core/documents/template';

/** A defendant at trial applies himself to have his arrest changed to bail. */
export const sample: DocumentValues = {
  applicantName: '赵德明',
  applicantRelation: '被告人本人',
  applicantContact: '',
  partyTitle: '被告人',
  suspectName: '赵德明',
  gender: '男',
  birthDate: '1961-10-02',
  idNumber: '210103196110020318',
  address: '辽宁省沈阳市沈河区北站路60号',
  cause: '危险驾驶罪',
  caseNumber: '（2026）辽0102刑初456号',
  currentMeasure: '2026年9月3日因涉嫌危险驾驶罪被沈阳市公安局交通警察支队刑事拘留；2026年9月10日经沈阳市和平区人民检察院批准逮捕，现羁押于沈阳市第一看守所。',
  requestedMeasure: '取保候审',
  reasons: '被告人年满六十五周岁，患有严重高血压和冠心病，羁押期间多次发病，生活不能自理，采取取保候审不致发生社会危险性。',
  addressee: '沈阳市和平区人民法院',
  lawyerName: '刘明',
  stationName: '沈阳市和平区人民法院法律援助工作站',
  date: '2026-11-24',
};
