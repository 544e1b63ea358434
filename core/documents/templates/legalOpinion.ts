import type { DocumentTemplate, DocumentValues } from '../template';
import { FILE_REVIEW_WORDS, partyTitleProblem } from '../criminalParty';

function checkOpinion(values: DocumentValues) {
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');
  const problems: { field: string; message: string }[] = [];
  const title = partyTitleProblem(text('partyTitle'));
  if (title) problems.push({ field: 'partyTitle', message: title });
  // A duty lawyer may not read the file before review for prosecution (值班律师工作办法 Art. 21).
  if (text('stage') === '侦查' && FILE_REVIEW_WORDS.test(text('workDone'))) {
    problems.push({ field: 'workDone', message: '侦查阶段值班律师不能查阅案卷材料，请删去“阅卷”等表述' });
  }
  return problems;
}

/**
 * 法律意见书: the duty lawyer's opinion on charge, sentence and procedure (刑事诉讼法 Art. 36:
 * 对案件处理提出意见; Art. 173: the procuratorate hears the duty lawyer's opinion, in a
 * plea-leniency case on the facts, charge, proposed leniency and procedure). What the lawyer
 * did before writing it depends on the stage, so it is a field pre-filled by stage, not
 * fixed wording.
 */
export const legalOpinion: DocumentTemplate = {
  kind: 'legal_opinion',
  name: '法律意见书',
  description: '就罪名认定、量刑建议、程序适用等向检察院或法院提出意见',
  style: 'letter',
  legalBasis: '《中华人民共和国刑事诉讼法》第三十六条、第一百七十三条；《法律援助值班律师工作办法》第六条',
  signers: '值班律师签名',
  sources: ['consultation'],
  fields: [
    { name: 'addressee', label: '致送机关', type: 'text', required: true, max: 60 },
    { name: 'lawyerName', label: '值班律师', type: 'text', required: true, max: 50 },
    { name: 'stationName', label: '值班律师工作站', type: 'text', required: true, max: 60 },
    { name: 'stage', label: '诉讼阶段', type: 'text', required: true, max: 10, hint: '侦查、审查起诉或审判' },
    { name: 'partyTitle', label: '称谓（按诉讼阶段）', type: 'text', required: true, max: 10, hint: '侦查、审查起诉阶段写“犯罪嫌疑人”；审判阶段写“被告人”' },
    { name: 'suspectName', label: '姓名', type: 'text', required: true, max: 50 },
    { name: 'cause', label: '涉嫌罪名', type: 'text', required: true, max: 60 },
    { name: 'caseNumber', label: '案号', type: 'text', max: 60 },
    {
      name: 'workDone',
      label: '已开展的工作',
      type: 'text',
      required: true,
      max: 120,
      hint: '按阶段如实填写：侦查阶段只能会见并向侦查机关了解罪名和案情，审查起诉阶段起可以查阅案卷材料',
    },
    { name: 'caseSummary', label: '案件基本情况', type: 'multiline', required: true, max: 5000 },
    { name: 'chargeOpinion', label: '对罪名及事实的意见', type: 'multiline', max: 5000 },
    { name: 'sentencingOpinion', label: '量刑意见', type: 'multiline', max: 5000 },
    { name: 'procedureOpinion', label: '程序适用意见', type: 'multiline', max: 3000 },
    { name: 'date', label: '日期', type: 'date', required: true },
  ],
  check: checkOpinion,
  blocks: [
    { type: 'title', text: '法律意见书' },
    { type: 'number' },
    { type: 'line', text: '{{addressee}}：' },
    {
      type: 'line',
      indent: true,
      text: '{{stationName}}值班律师{{lawyerName}}依法为{{partyTitle}}{{suspectName}}涉嫌{{cause}}一案提供法律帮助。现{{workDone}}，并听取其意见，提出如下法律意见：',
    },
    { type: 'labelled', label: '案号', field: 'caseNumber', optional: true },
    { type: 'heading', text: '一、案件基本情况' },
    { type: 'prose', field: 'caseSummary' },
    { type: 'heading', text: '二、对罪名及事实的意见' },
    { type: 'prose', field: 'chargeOpinion' },
    { type: 'heading', text: '三、量刑意见' },
    { type: 'prose', field: 'sentencingOpinion' },
    { type: 'heading', text: '四、程序适用意见' },
    { type: 'prose', field: 'procedureOpinion' },
    { type: 'line', indent: true, text: '以上意见，请予以考虑。' },
    { type: 'signature', lines: [{ sign: '值班律师{{lawyerName}}（签名）' }, '{{stationName}}', '{{date}}'] },
  ],
};
