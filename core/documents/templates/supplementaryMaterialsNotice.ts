import type { DocumentTemplate } from '../template';

/**
 * 法律援助补充材料一次性告知书: when an application is incomplete, the legal-aid agency
 * tells the applicant at once everything that is missing, and what happens if it is not
 * supplied: the application is treated as withdrawn (法律援助法 Art. 43 para. 2). One
 * paper lists every item, so the applicant never has to come back twice; the time taken
 * to supply them does not count against the review period.
 */
export const supplementaryMaterialsNotice: DocumentTemplate = {
  kind: 'supplementary_materials_notice',
  name: '法律援助补充材料一次性告知书',
  description: '申请材料不齐全时，一次性告知申请人需要补充的全部材料、期限和逾期后果',
  style: 'letter',
  legalBasis: '《中华人民共和国法律援助法》第四十三条；《办理法律援助案件程序规定》（司法部令第148号）',
  signers: '法律援助机构（工作站）盖章，经办人签名；申请人签收并捺指印',
  sources: ['consultation'],
  fields: [
    { name: 'legalAidCentre', label: '法律援助机构', type: 'text', required: true, max: 60 },
    { name: 'applicantName', label: '申请人', type: 'text', required: true, max: 50 },
    { name: 'receivedAt', label: '收到申请时间', type: 'text', required: true, max: 30 },
    { name: 'matter', label: '申请事项', type: 'text', required: true, max: 100 },
    { name: 'missingItems', label: '需要补充的材料', type: 'list', required: true, max: 300, hint: '每行一项，写明材料名称及要求（原件、复印件、份数）' },
    { name: 'explanations', label: '需要作出说明的事项', type: 'list', max: 300 },
    { name: 'deadline', label: '补充期限', type: 'date', required: true },
    { name: 'submitTo', label: '提交地点或方式', type: 'text', max: 120 },
    { name: 'note', label: '其他告知事项', type: 'multiline', max: 2000 },
    { name: 'stationName', label: '经办工作站', type: 'text', max: 60 },
    { name: 'lawyerName', label: '经办人', type: 'text', max: 50 },
    { name: 'contactPhone', label: '联系电话', type: 'text', max: 20 },
    { name: 'date', label: '告知日期', type: 'date', required: true },
  ],
  blocks: [
    { type: 'title', text: '法律援助补充材料一次性告知书' },
    { type: 'number' },
    { type: 'line', text: '{{applicantName}}：' },
    {
      type: 'line',
      indent: true,
      text: '你于{{receivedAt}}提出的法律援助申请（申请事项：{{matter}}）收悉。经审查，你提交的申请材料不齐全。根据《中华人民共和国法律援助法》第四十三条的规定，现一次性告知如下：',
    },
    { type: 'heading', text: '一、需要补充的材料' },
    { type: 'list', field: 'missingItems', numbering: 'arabic' },
    { type: 'heading', text: '二、需要作出说明的事项', when: 'explanations' },
    { type: 'list', field: 'explanations', numbering: 'arabic' },
    { type: 'line', indent: true, text: '以上为你需要补充的全部材料和需要说明的全部事项。' },
    { type: 'line', indent: true, text: '请你于{{deadline}}前补充上述材料或者作出说明。' },
    { type: 'labelled', label: '提交地点或方式', field: 'submitTo', optional: true },
    {
      type: 'line',
      indent: true,
      bold: true,
      text: '逾期未按要求补充材料或者作出说明的，视为撤回申请。补充材料、作出说明所需的时间不计入审查期限。',
    },
    { type: 'prose', field: 'note' },
    { type: 'line', text: '经办：{{stationName}}　{{lawyerName}}', optional: true },
    { type: 'line', text: '联系电话：{{contactPhone}}', optional: true },
    { type: 'signature', lines: ['{{legalAidCentre}}', '（盖章）', '{{date}}'] },
    { type: 'signature', lines: ['本告知书已收到。', { sign: '申请人（签名并捺指印）', fingerprint: true }, '年　　月　　日'] },
  ],
};
