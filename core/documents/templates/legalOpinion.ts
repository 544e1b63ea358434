import type { DocumentTemplate } from '../template';

/** 法律意见书: the duty lawyer's opinion on charge, procedure and sentence (刑事诉讼法 Art. 36, 173). */
export const legalOpinion: DocumentTemplate = {
  kind: 'legal_opinion',
  name: '法律意见书',
  description: '就罪名认定、量刑建议、程序适用等向检察院或法院提出意见',
  style: 'letter',
  sources: ['consultation'],
  fields: [
    { name: 'addressee', label: '致送机关', type: 'text', required: true, max: 60 },
    { name: 'lawyerName', label: '值班律师', type: 'text', required: true, max: 50 },
    { name: 'stationName', label: '值班律师工作站', type: 'text', required: true, max: 60 },
    { name: 'suspectName', label: '犯罪嫌疑人/被告人', type: 'text', required: true, max: 50 },
    { name: 'cause', label: '涉嫌罪名', type: 'text', required: true, max: 60 },
    { name: 'caseNumber', label: '案号', type: 'text', max: 60 },
    { name: 'caseSummary', label: '案件基本情况', type: 'multiline', required: true, max: 5000 },
    { name: 'chargeOpinion', label: '对罪名及事实的意见', type: 'multiline', max: 5000 },
    { name: 'sentencingOpinion', label: '量刑意见', type: 'multiline', max: 5000 },
    { name: 'procedureOpinion', label: '程序适用意见', type: 'multiline', max: 3000 },
    { name: 'date', label: '日期', type: 'date', required: true },
  ],
  blocks: [
    { type: 'title', text: '法律意见书' },
    { type: 'number' },
    { type: 'line', text: '{{addressee}}：' },
    {
      type: 'line',
      indent: true,
      text: '{{stationName}}值班律师{{lawyerName}}依法为犯罪嫌疑人/被告人{{suspectName}}涉嫌{{cause}}一案提供法律帮助。经会见、阅卷并听取其意见，现提出如下法律意见：',
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
    { type: 'signature', lines: ['值班律师：{{lawyerName}}', '{{stationName}}', '{{date}}'] },
  ],
};
