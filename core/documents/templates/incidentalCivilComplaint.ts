import type { DocumentTemplate } from '../template';
import { checkClaimsTotal, deriveClaimsTotal } from '../claims';

/**
 * 刑事附带民事起诉状: a victim (or, after his death or incapacity, his legal
 * representative or close relatives) claims the material loss the crime caused, in the
 * criminal proceedings, before the first-instance judgment (刑事诉讼法 Arts. 101-104).
 * Compensation for mental harm is not accepted in it (最高法刑诉解释 Art. 175).
 */
export const incidentalCivilComplaint: DocumentTemplate = {
  kind: 'incidental_civil_complaint',
  name: '刑事附带民事起诉状',
  description: '为被害人或其法定代理人、近亲属代写在刑事诉讼中提起附带民事诉讼的起诉状',
  style: 'letter',
  legalBasis:
    '《中华人民共和国刑事诉讼法》第一百零一条至第一百零四条；《最高人民法院关于适用〈中华人民共和国刑事诉讼法〉的解释》第一百七十五条、第一百九十二条',
  signers: '附带民事诉讼原告人签名并捺指印；值班律师作为代书人签名',
  sources: ['consultation'],
  fields: [
    {
      name: 'plaintiff',
      label: '附带民事诉讼原告人',
      type: 'multiline',
      required: true,
      max: 500,
      hint: '被害人本人；被害人死亡或丧失行为能力的，其法定代理人、近亲属',
    },
    { name: 'plaintiffAgent', label: '委托诉讼代理人', type: 'multiline', max: 300 },
    { name: 'defendant', label: '附带民事诉讼被告人', type: 'multiline', required: true, max: 500, hint: '刑事被告人及依法应当承担赔偿责任的其他单位和个人' },
    { name: 'accusedName', label: '刑事被告人姓名', type: 'text', required: true, max: 50 },
    { name: 'cause', label: '罪名', type: 'text', required: true, max: 60 },
    { name: 'caseNumber', label: '刑事案号', type: 'text', max: 60 },
    {
      name: 'claims',
      label: '诉讼请求',
      type: 'list',
      required: true,
      max: 500,
      hint: '物质损失逐项写明金额，如“判令被告人赔偿医疗费12,600元”；精神损害赔偿一般不予受理',
    },
    { name: 'claimsTotal', label: '请求金额合计（元）', type: 'money', hint: '留空时按各项请求末尾的金额自动合计' },
    { name: 'facts', label: '事实与理由', type: 'multiline', required: true, max: 10000 },
    { name: 'evidence', label: '证据和证据来源，证人姓名和住所', type: 'list', max: 300 },
    { name: 'court', label: '人民法院', type: 'text', required: true, max: 60 },
    { name: 'lawyerName', label: '代书人（值班律师）', hint: '值班律师代为书写时填写', type: 'text', max: 50 },
    { name: 'copies', label: '副本份数', type: 'text', max: 3 },
    { name: 'date', label: '日期', type: 'date', required: true },
  ],
  blocks: [
    { type: 'title', text: '刑事附带民事起诉状' },
    { type: 'labelled', label: '附带民事诉讼原告人', field: 'plaintiff' },
    { type: 'labelled', label: '委托诉讼代理人', field: 'plaintiffAgent', optional: true },
    { type: 'labelled', label: '附带民事诉讼被告人', field: 'defendant' },
    { type: 'heading', text: '诉讼请求：' },
    { type: 'list', field: 'claims', numbering: 'arabic' },
    { type: 'line', indent: true, text: '以上请求金额合计人民币{{claimsTotal}}。', optional: true },
    { type: 'heading', text: '事实与理由：' },
    { type: 'line', indent: true, text: '原告人因被告人{{accusedName}}涉嫌{{cause}}一案，提起附带民事诉讼。' },
    { type: 'labelled', label: '刑事案号', field: 'caseNumber', optional: true },
    { type: 'prose', field: 'facts' },
    {
      type: 'line',
      indent: true,
      text: '被告人的犯罪行为给原告人造成了上述物质损失。根据《中华人民共和国刑事诉讼法》第一百零一条的规定，原告人在刑事诉讼过程中提起附带民事诉讼，请求依法判如所请。',
    },
    { type: 'heading', text: '证据和证据来源，证人姓名和住所：', when: 'evidence' },
    { type: 'list', field: 'evidence', numbering: 'arabic' },
    { type: 'line', indent: true, text: '此致' },
    { type: 'line', text: '{{court}}' },
    { type: 'signature', lines: [{ sign: '具状人（签名并捺指印）', fingerprint: true }, '{{date}}'] },
    { type: 'line', text: '代书人：值班律师{{lawyerName}}', optional: true },
    { type: 'line', text: '附：本起诉状副本{{copies}}份', optional: true },
  ],
  derive: deriveClaimsTotal('claims', 'claimsTotal'),
  check: checkClaimsTotal('claims', 'claimsTotal', '请求金额合计'),
};
