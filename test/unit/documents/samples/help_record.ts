import type { DocumentValues } from '../../../../core/documents/template';

/** A detained 17-year-old at review for prosecution, plea-leniency, no defender yet. */
export const sample: DocumentValues = {
  stationName: '沈阳市第一看守所法律援助工作站',
  helpTime: '2026年11月24日09时30分',
  lawyerName: '刘明',
  clientName: '张小军',
  gender: '男',
  birthDate: '2009-03-15',
  clientRole: '犯罪嫌疑人',
  idNumber: '210102200903150015',
  phone: '',
  address: '辽宁省沈阳市和平区南五马路18号3单元502室',
  specialGroups: '未成年人',
  caseType: '刑事',
  stage: '审查起诉',
  caseNumber: '沈和检刑诉〔2026〕1234号',
  cause: '盗窃罪',
  handlingAuthority: '沈阳市和平区人民检察院',
  custodyStatus: '羁押',
  hasDefenceCounsel: '没有辩护人',
  helpTypes: '法律咨询、程序选择建议、帮助申请法律援助',
  question: '询问认罪认罚的后果，能否从轻处理，家里请不起律师怎么办。',
  advice:
    '告知其涉嫌罪名及相关法律规定，解释认罪认罚从宽制度的性质和法律后果；告知其系未成年人，没有委托辩护人的，检察院应当通知法律援助机构指派律师为其辩护。\n建议如实供述，积极退赃，争取被害人谅解。',
  legalAidOutcome: '办案机关应当通知指派辩护',
  mandatoryDefence:
    '未成年人（接待时 17 周岁，《法律援助法》第二十五条第一款第（一）项）。没有委托辩护人的，人民法院、人民检察院、公安机关应当通知法律援助机构指派律师担任辩护人（《中华人民共和国法律援助法》第二十五条）。',
  pleaLeniency: '是',
  sentencingProposal: '有期徒刑六个月，缓刑一年，并处罚金二千元',
  pleaViewFacts: '对起诉意见书认定的盗窃电动车两辆的事实无异议',
  pleaViewCharge: '对盗窃罪的罪名无异议',
  pleaViewProposal: '同意量刑建议',
  pleaViewProcedure: '同意适用速裁程序',
  lawyerOpinion: '犯罪嫌疑人系未成年人、初犯，已退赃，量刑建议适当；建议适用速裁程序。',
  followUp: '跟进法律援助机构指派辩护律师的情况。',
};
