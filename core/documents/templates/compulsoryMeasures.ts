import type { DocumentTemplate, FieldDef } from '../template';

const suspectFields: FieldDef[] = [
  { name: 'lawyerName', label: '申请人（值班律师）', type: 'text', required: true, max: 50 },
  { name: 'stationName', label: '值班律师工作站', type: 'text', required: true, max: 60 },
  { name: 'suspectName', label: '犯罪嫌疑人/被告人', type: 'text', required: true, max: 50 },
  { name: 'gender', label: '性别', type: 'text', max: 4 },
  { name: 'birthDate', label: '出生日期', type: 'date' },
  { name: 'idNumber', label: '证件号码', type: 'text', max: 30 },
  { name: 'address', label: '住址', type: 'text', max: 120 },
  { name: 'cause', label: '涉嫌罪名', type: 'text', required: true, max: 60 },
  { name: 'caseNumber', label: '案号', type: 'text', max: 60 },
  { name: 'currentMeasure', label: '现强制措施', type: 'text', required: true, max: 60, hint: '如：2026年11月1日被刑事拘留，现羁押于某市看守所' },
];

const tail: FieldDef[] = [
  { name: 'reasons', label: '事实与理由', type: 'multiline', required: true, max: 5000 },
  { name: 'addressee', label: '致送机关', type: 'text', required: true, max: 60 },
  { name: 'date', label: '申请日期', type: 'date', required: true },
];

/** 取保候审申请书 (刑事诉讼法 Art. 67, 97). */
export const bailApplication: DocumentTemplate = {
  kind: 'bail_application',
  name: '取保候审申请书',
  description: '为犯罪嫌疑人、被告人申请取保候审',
  style: 'letter',
  legalBasis: '《中华人民共和国刑事诉讼法》第六十七条、第九十七条',
  signers: '申请人签名',
  sources: ['consultation'],
  fields: [...suspectFields, { name: 'guarantee', label: '保证方式', type: 'text', max: 100, hint: '保证人担保或者交纳保证金' }, ...tail],
  blocks: [
    { type: 'title', text: '取保候审申请书' },
    { type: 'line', text: '申请人：{{lawyerName}}，{{stationName}}值班律师' },
    { type: 'line', text: '犯罪嫌疑人/被告人：{{suspectName}}[[，{{gender}}]][[，{{birthDate}}出生]][[，证件号码{{idNumber}}]][[，住{{address}}]]' },
    { type: 'labelled', label: '涉嫌罪名', field: 'cause' },
    { type: 'labelled', label: '案号', field: 'caseNumber', optional: true },
    { type: 'labelled', label: '强制措施', field: 'currentMeasure' },
    { type: 'heading', text: '申请事项：' },
    { type: 'line', indent: true, text: '请求对犯罪嫌疑人/被告人{{suspectName}}取保候审。' },
    { type: 'labelled', label: '保证方式', field: 'guarantee', optional: true },
    { type: 'heading', text: '事实与理由：' },
    { type: 'prose', field: 'reasons' },
    { type: 'line', indent: true, text: '综上，根据《中华人民共和国刑事诉讼法》第六十七条、第九十七条的规定，特提出申请，请予批准。' },
    { type: 'line', indent: true, text: '此致' },
    { type: 'line', text: '{{addressee}}' },
    { type: 'signature', lines: ['申请人：{{lawyerName}}', '{{date}}'] },
  ],
};

/** 变更强制措施申请书 (刑事诉讼法 Art. 97). */
export const measureChangeApplication: DocumentTemplate = {
  kind: 'measure_change_application',
  name: '变更强制措施申请书',
  description: '为犯罪嫌疑人、被告人申请变更强制措施',
  style: 'letter',
  legalBasis: '《中华人民共和国刑事诉讼法》第九十七条',
  signers: '申请人签名',
  sources: ['consultation'],
  fields: [...suspectFields, { name: 'requestedMeasure', label: '申请变更为', type: 'text', required: true, max: 60, hint: '如：取保候审、监视居住' }, ...tail],
  blocks: [
    { type: 'title', text: '变更强制措施申请书' },
    { type: 'line', text: '申请人：{{lawyerName}}，{{stationName}}值班律师' },
    { type: 'line', text: '犯罪嫌疑人/被告人：{{suspectName}}[[，{{gender}}]][[，{{birthDate}}出生]][[，证件号码{{idNumber}}]][[，住{{address}}]]' },
    { type: 'labelled', label: '涉嫌罪名', field: 'cause' },
    { type: 'labelled', label: '案号', field: 'caseNumber', optional: true },
    { type: 'labelled', label: '现强制措施', field: 'currentMeasure' },
    { type: 'heading', text: '申请事项：' },
    { type: 'line', indent: true, text: '请求将犯罪嫌疑人/被告人{{suspectName}}的强制措施变更为{{requestedMeasure}}。' },
    { type: 'heading', text: '事实与理由：' },
    { type: 'prose', field: 'reasons' },
    { type: 'line', indent: true, text: '综上，根据《中华人民共和国刑事诉讼法》第九十七条的规定，特提出申请，请予准许。' },
    { type: 'line', indent: true, text: '此致' },
    { type: 'line', text: '{{addressee}}' },
    { type: 'signature', lines: ['申请人：{{lawyerName}}', '{{date}}'] },
  ],
};
