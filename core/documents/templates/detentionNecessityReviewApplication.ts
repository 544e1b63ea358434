import type { DocumentTemplate } from '../template';

/**
 * 羁押必要性审查申请书 (刑事诉讼法 Art. 95). The applicant is the arrested person, his
 * legal representative or a close relative (Art. 97); the duty lawyer helps with it
 * (值班律师工作办法 Art. 6(三)) and appears as the one who drafted it, never as the
 * applicant. The paper names the person by the stage: 犯罪嫌疑人 before trial, 被告人 at trial.
 */
export const detentionNecessityReviewApplication: DocumentTemplate = {
  kind: 'detention_necessity_review_application',
  name: '羁押必要性审查申请书',
  description: '为被逮捕的犯罪嫌疑人、被告人或其近亲属代写申请人民检察院进行羁押必要性审查的申请书',
  style: 'letter',
  legalBasis:
    '《中华人民共和国刑事诉讼法》第九十五条、第九十七条；《人民检察院 公安机关羁押必要性审查、评估工作规定》（2023年）；《法律援助值班律师工作办法》第六条',
  signers: '申请人（犯罪嫌疑人、被告人或其法定代理人、近亲属）签名并捺指印；值班律师作为代书人签名',
  sources: ['consultation'],
  fields: [
    {
      name: 'applicant',
      label: '申请人',
      type: 'multiline',
      required: true,
      max: 500,
      hint: '犯罪嫌疑人、被告人本人或其法定代理人、近亲属：姓名、性别、出生日期、住址、联系电话',
    },
    { name: 'applicantRelation', label: '申请人身份', type: 'text', required: true, max: 40, hint: '如：犯罪嫌疑人本人；犯罪嫌疑人之父' },
    { name: 'accusedTitle', label: '称谓', type: 'text', required: true, max: 6, hint: '侦查、审查起诉阶段为“犯罪嫌疑人”，审判阶段为“被告人”' },
    { name: 'accusedName', label: '犯罪嫌疑人/被告人姓名', type: 'text', required: true, max: 50 },
    { name: 'accusedParticulars', label: '犯罪嫌疑人/被告人基本情况', type: 'text', required: true, max: 200, hint: '性别、出生日期、民族、证件号码、住址' },
    { name: 'cause', label: '涉嫌罪名', type: 'text', required: true, max: 60 },
    { name: 'caseNumber', label: '案号', type: 'text', max: 60 },
    { name: 'handlingAuthority', label: '办案机关', type: 'text', max: 60 },
    {
      name: 'detentionInfo',
      label: '逮捕和羁押情况',
      type: 'text',
      required: true,
      max: 200,
      hint: '如：2026年11月5日经某区人民检察院批准逮捕，现羁押于某市第一看守所',
    },
    { name: 'request', label: '申请事项', type: 'text', required: true, max: 200 },
    {
      name: 'reasons',
      label: '事实与理由',
      type: 'multiline',
      required: true,
      max: 5000,
      hint: '不需要继续羁押的理由：认罪认罚、退赃退赔、取得谅解、身体状况、可能判处的刑罚等',
    },
    { name: 'attachments', label: '相关证明材料', type: 'list', max: 200 },
    { name: 'procuratorate', label: '人民检察院', type: 'text', required: true, max: 60 },
    { name: 'lawyerName', label: '代书人（值班律师）', hint: '值班律师代为书写时填写', type: 'text', max: 50 },
    { name: 'date', label: '申请日期', type: 'date', required: true },
  ],
  blocks: [
    { type: 'title', text: '羁押必要性审查申请书' },
    { type: 'labelled', label: '申请人', field: 'applicant' },
    { type: 'labelled', label: '申请人身份', field: 'applicantRelation' },
    { type: 'line', text: '{{accusedTitle}}：{{accusedName}}，{{accusedParticulars}}' },
    { type: 'labelled', label: '涉嫌罪名', field: 'cause' },
    { type: 'labelled', label: '案号', field: 'caseNumber', optional: true },
    { type: 'labelled', label: '办案机关', field: 'handlingAuthority', optional: true },
    { type: 'labelled', label: '逮捕和羁押情况', field: 'detentionInfo' },
    { type: 'heading', text: '申请事项：' },
    { type: 'line', indent: true, text: '{{request}}' },
    { type: 'heading', text: '事实与理由：' },
    { type: 'prose', field: 'reasons' },
    {
      type: 'line',
      indent: true,
      text: '综上，{{accusedTitle}}{{accusedName}}已无继续羁押的必要。根据《中华人民共和国刑事诉讼法》第九十五条的规定，特申请贵院进行羁押必要性审查。',
    },
    { type: 'line', indent: true, text: '此致' },
    { type: 'line', text: '{{procuratorate}}' },
    { type: 'signature', lines: [{ sign: '申请人（签名并捺指印）', fingerprint: true }, '{{date}}'] },
    { type: 'line', text: '代书人：值班律师{{lawyerName}}', optional: true },
    { type: 'heading', text: '附：相关证明材料', when: 'attachments' },
    { type: 'list', field: 'attachments', numbering: 'arabic' },
  ],
};
