import type { Block, DocumentTemplate, DocumentValues, FieldDef } from '../template';
import { partyTitleProblem } from '../criminalParty';

/*
 * 刑事诉讼法 Art. 97: 犯罪嫌疑人、被告人及其法定代理人、近亲属或者辩护人有权申请变更强制措施 …
 * 收到申请后，应当在三日以内作出决定. A duty lawyer is not a defender: he helps the person
 * apply (法律援助值班律师工作办法 Art. 6(三)：帮助犯罪嫌疑人、被告人申请变更强制措施; 刑事诉讼法
 * Art. 36), so the applicant is the accused, a close relative or the legal representative,
 * and the lawyer signs as the one who drafted the paper.
 */

const partyFields: FieldDef[] = [
  {
    name: 'applicantName',
    label: '申请人',
    type: 'text',
    required: true,
    max: 50,
    hint: '犯罪嫌疑人、被告人本人，或其法定代理人、近亲属（刑事诉讼法第九十七条）',
  },
  { name: 'applicantRelation', label: '申请人身份', type: 'text', required: true, max: 40, hint: '如：犯罪嫌疑人本人；犯罪嫌疑人之父；被告人的法定代理人' },
  { name: 'applicantContact', label: '申请人住址及联系电话', type: 'text', max: 150 },
  { name: 'partyTitle', label: '称谓（按诉讼阶段）', type: 'text', required: true, max: 10, hint: '侦查、审查起诉阶段写“犯罪嫌疑人”；审判阶段写“被告人”' },
  { name: 'suspectName', label: '姓名', type: 'text', required: true, max: 50 },
  { name: 'gender', label: '性别', type: 'text', max: 4 },
  { name: 'birthDate', label: '出生日期', type: 'date' },
  { name: 'idNumber', label: '证件号码', type: 'text', max: 30 },
  { name: 'address', label: '住址', type: 'text', max: 120 },
  { name: 'cause', label: '涉嫌罪名', type: 'text', required: true, max: 60 },
  { name: 'caseNumber', label: '案号', type: 'text', max: 60 },
  {
    name: 'currentMeasure',
    label: '已采取的强制措施',
    type: 'multiline',
    required: true,
    max: 400,
    hint: '按时间写明每一次强制措施，如：2026年11月1日因涉嫌盗窃罪被沈阳市公安局和平分局刑事拘留，2026年11月8日经沈阳市和平区人民检察院批准逮捕，现羁押于沈阳市第一看守所',
  },
];

const tail: FieldDef[] = [
  { name: 'reasons', label: '事实与理由', type: 'multiline', required: true, max: 5000 },
  { name: 'addressee', label: '致送机关', type: 'text', required: true, max: 60 },
  { name: 'lawyerName', label: '代书的值班律师', type: 'text', required: true, max: 50 },
  { name: 'stationName', label: '值班律师工作站', type: 'text', required: true, max: 60 },
  { name: 'date', label: '申请日期', type: 'date', required: true },
];

const guarantorFields: FieldDef[] = [
  { name: 'guarantee', label: '保证方式', type: 'text', max: 100, hint: '提出保证人或者交纳保证金（刑事诉讼法第六十八条）' },
  {
    name: 'guarantorName',
    label: '保证人姓名',
    type: 'text',
    max: 50,
    hint: '保证人应与本案无牵连、有能力履行保证义务、享有政治权利且人身自由未受限制、有固定住处和收入（刑事诉讼法第六十九条）',
  },
  { name: 'guarantorIdNumber', label: '保证人证件号码', type: 'text', max: 30 },
  { name: 'guarantorRelation', label: '保证人与申请对象的关系', type: 'text', max: 20, hint: '如：父子、同事' },
  { name: 'guarantorContact', label: '保证人住址及联系电话', type: 'text', max: 150 },
];

function checkParty(values: DocumentValues) {
  const title = typeof values.partyTitle === 'string' ? values.partyTitle : '';
  const problem = partyTitleProblem(title);
  return problem ? [{ field: 'partyTitle', message: problem }] : [];
}

const head = (title: string): Block[] => [
  { type: 'title', text: title },
  { type: 'line', text: '申请人：{{applicantName}}，{{applicantRelation}}' },
  { type: 'line', text: '住址及联系电话：{{applicantContact}}', optional: true },
  { type: 'line', text: '{{partyTitle}}：{{suspectName}}[[，{{gender}}]][[，{{birthDate}}出生]][[，证件号码{{idNumber}}]][[，住{{address}}]]' },
  { type: 'labelled', label: '涉嫌罪名', field: 'cause' },
  { type: 'labelled', label: '案号', field: 'caseNumber', optional: true },
  { type: 'labelled', label: '已采取的强制措施', field: 'currentMeasure' },
];

const closing: Block[] = [
  { type: 'line', indent: true, text: '此致' },
  { type: 'line', text: '{{addressee}}' },
  { type: 'signature', lines: [{ sign: '申请人（签名、捺指印）', fingerprint: true }, '代书人：{{stationName}}值班律师{{lawyerName}}', '{{date}}'] },
];

/** 取保候审申请书 (刑事诉讼法 Art. 67, 68, 69, 97). */
export const bailApplication: DocumentTemplate = {
  kind: 'bail_application',
  name: '取保候审申请书',
  description: '犯罪嫌疑人、被告人或其近亲属、法定代理人申请取保候审，值班律师代书',
  style: 'letter',
  legalBasis: '《中华人民共和国刑事诉讼法》第六十七条、第六十八条、第六十九条、第九十七条；《法律援助值班律师工作办法》第六条',
  signers: '申请人（犯罪嫌疑人、被告人或其近亲属、法定代理人）签名并捺指印；代书的值班律师署名',
  sources: ['consultation'],
  fields: [...partyFields, ...guarantorFields, ...tail],
  check: checkParty,
  blocks: [
    ...head('取保候审申请书'),
    { type: 'heading', text: '申请事项：' },
    { type: 'line', indent: true, text: '请求对{{partyTitle}}{{suspectName}}取保候审。' },
    { type: 'labelled', label: '保证方式', field: 'guarantee', optional: true },
    { type: 'line', text: '保证人：{{guarantorName}}', optional: true },
    { type: 'line', text: '保证人证件号码：{{guarantorIdNumber}}', optional: true },
    { type: 'line', text: '保证人与{{partyTitle}}的关系：{{guarantorRelation}}', optional: true },
    { type: 'line', text: '保证人住址及联系电话：{{guarantorContact}}', optional: true },
    { type: 'heading', text: '事实与理由：' },
    { type: 'prose', field: 'reasons' },
    {
      type: 'line',
      indent: true,
      text: '综上，根据《中华人民共和国刑事诉讼法》第六十七条、第九十七条的规定，特提出申请，请依法在三日以内作出决定；不同意的，请告知申请人并说明理由。',
    },
    ...closing,
  ],
};

/** 变更强制措施申请书 (刑事诉讼法 Art. 97). */
export const measureChangeApplication: DocumentTemplate = {
  kind: 'measure_change_application',
  name: '变更强制措施申请书',
  description: '犯罪嫌疑人、被告人或其近亲属、法定代理人申请变更强制措施，值班律师代书',
  style: 'letter',
  legalBasis: '《中华人民共和国刑事诉讼法》第九十七条；《法律援助值班律师工作办法》第六条',
  signers: '申请人（犯罪嫌疑人、被告人或其近亲属、法定代理人）签名并捺指印；代书的值班律师署名',
  sources: ['consultation'],
  fields: [...partyFields, { name: 'requestedMeasure', label: '申请变更为', type: 'text', required: true, max: 60, hint: '如：取保候审、监视居住' }, ...tail],
  check: checkParty,
  blocks: [
    ...head('变更强制措施申请书'),
    { type: 'heading', text: '申请事项：' },
    { type: 'line', indent: true, text: '请求将{{partyTitle}}{{suspectName}}的强制措施变更为{{requestedMeasure}}。' },
    { type: 'heading', text: '事实与理由：' },
    { type: 'prose', field: 'reasons' },
    {
      type: 'line',
      indent: true,
      text: '综上，根据《中华人民共和国刑事诉讼法》第九十七条的规定，特提出申请，请依法在三日以内作出决定；不同意变更的，请告知申请人并说明理由。',
    },
    ...closing,
  ],
};
