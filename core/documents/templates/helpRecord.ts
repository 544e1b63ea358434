import type { DocumentTemplate } from '../template';

/**
 * 值班律师法律帮助记录表: the record of one contact, signed by the lawyer and by the person
 * helped (with a fingerprint, as detention centres require of detainees). It shows what a
 * duty lawyer must check each time: whether the person already has a defender (a duty
 * lawyer serves only those who have none, 值班律师工作办法 Art. 2), custody and the body
 * handling the case, and the Art. 25 flag (法律援助法 Art. 25: the handling body must have a
 * defender appointed). In a plea-leniency case it records the suspect's views and the
 * lawyer's on the facts, charge, proposed sentence and procedure (刑事诉讼法 Art. 173, 174;
 * 值班律师工作办法 Art. 6 para. 2).
 */
export const helpRecord: DocumentTemplate = {
  kind: 'help_record',
  name: '值班律师法律帮助记录表',
  description: '记录一次法律帮助的经过，由值班律师和受助人签字确认',
  style: 'form',
  legalBasis:
    '《中华人民共和国刑事诉讼法》第三十六条、第一百七十三条、第一百七十四条；《中华人民共和国法律援助法》第二十五条、第三十条；《法律援助值班律师工作办法》第六条',
  signers: '值班律师签名；受助人签名、捺指印并写明日期',
  sources: ['consultation'],
  fields: [
    { name: 'stationName', label: '工作站', type: 'text', required: true, max: 60 },
    { name: 'helpTime', label: '帮助时间', type: 'text', required: true, max: 30 },
    { name: 'lawyerName', label: '值班律师', type: 'text', required: true, max: 50 },
    { name: 'clientName', label: '受助人姓名', type: 'text', required: true, max: 50 },
    { name: 'gender', label: '性别', type: 'text', max: 4 },
    { name: 'birthDate', label: '出生日期', type: 'date' },
    { name: 'clientRole', label: '受助人身份', type: 'text', max: 20 },
    { name: 'idNumber', label: '证件号码', type: 'text', max: 30 },
    { name: 'phone', label: '联系电话', type: 'text', max: 20 },
    { name: 'address', label: '住址', type: 'text', max: 120 },
    { name: 'specialGroups', label: '特殊群体', type: 'text', max: 100 },
    { name: 'caseType', label: '案件类型', type: 'text', max: 20 },
    { name: 'stage', label: '诉讼阶段', type: 'text', max: 20 },
    { name: 'caseNumber', label: '案号', type: 'text', max: 60 },
    { name: 'cause', label: '案由/罪名', type: 'text', max: 60 },
    { name: 'handlingAuthority', label: '办案机关', type: 'text', max: 60 },
    { name: 'custodyStatus', label: '羁押状态', type: 'text', max: 20 },
    { name: 'hasDefenceCounsel', label: '是否已有辩护人', type: 'text', max: 30, hint: '如：没有辩护人；已委托辩护人' },
    { name: 'helpTypes', label: '帮助类型', type: 'text', required: true, max: 200 },
    { name: 'question', label: '咨询事项', type: 'multiline', required: true, max: 2000 },
    { name: 'advice', label: '解答意见', type: 'multiline', max: 4000 },
    { name: 'legalAidOutcome', label: '法律援助', type: 'text', max: 200 },
    { name: 'mandatoryDefence', label: '应当通知指派辩护（法律援助法第二十五条）', type: 'multiline', max: 500 },
    { name: 'pleaLeniency', label: '认罪认罚', type: 'text', max: 10, hint: '认罪认罚案件填“是”，并填写以下意见' },
    { name: 'sentencingProposal', label: '检察院量刑建议', type: 'multiline', max: 500 },
    { name: 'pleaViewFacts', label: '对指控事实的意见', type: 'multiline', max: 500 },
    { name: 'pleaViewCharge', label: '对罪名的意见', type: 'multiline', max: 500 },
    { name: 'pleaViewProposal', label: '对量刑建议的意见', type: 'multiline', max: 500 },
    { name: 'pleaViewProcedure', label: '对程序适用的意见', type: 'multiline', max: 500 },
    { name: 'lawyerOpinion', label: '值班律师意见', type: 'multiline', max: 1000 },
    { name: 'followUp', label: '后续事项', type: 'multiline', max: 500 },
  ],
  blocks: [
    { type: 'title', text: '值班律师法律帮助记录表' },
    { type: 'number' },
    { type: 'line', text: '工作站：{{stationName}}' },
    {
      type: 'table',
      columns: [1.45, 1.4, 1.05, 1.0, 1.05, 1.55],
      rows: [
        [{ label: '受助人姓名' }, { field: 'clientName' }, { label: '性别' }, { field: 'gender' }, { label: '出生日期' }, { field: 'birthDate' }],
        [{ label: '证件号码' }, { field: 'idNumber', span: 3 }, { label: '联系电话' }, { field: 'phone' }],
        [{ label: '受助人身份' }, { field: 'clientRole' }, { label: '特殊群体' }, { field: 'specialGroups', span: 3 }],
        [{ label: '住址' }, { field: 'address', span: 5 }],
        [{ label: '案件类型' }, { field: 'caseType' }, { label: '诉讼阶段' }, { field: 'stage' }, { label: '案号' }, { field: 'caseNumber' }],
        [{ label: '案由/罪名' }, { field: 'cause', span: 5 }],
        [{ label: '办案机关' }, { field: 'handlingAuthority', span: 5 }],
        [{ label: '羁押状态' }, { field: 'custodyStatus' }, { label: '辩护人' }, { field: 'hasDefenceCounsel', span: 3 }],
        [{ label: '帮助类型' }, { field: 'helpTypes', span: 5 }],
        [{ label: '咨询事项' }, { field: 'question', span: 5, minLines: 4 }],
        [{ label: '解答意见' }, { field: 'advice', span: 5, minLines: 6 }],
        [{ label: '法律援助' }, { field: 'legalAidOutcome', span: 5 }],
        [{ label: '后续事项' }, { field: 'followUp', span: 5 }],
      ],
    },
    { type: 'labelled', label: '应当通知指派辩护', field: 'mandatoryDefence', optional: true },
    { type: 'heading', text: '认罪认罚案件：', when: 'pleaLeniency' },
    { type: 'labelled', label: '检察院量刑建议', field: 'sentencingProposal', optional: true },
    { type: 'labelled', label: '受助人对指控事实的意见', field: 'pleaViewFacts', optional: true },
    { type: 'labelled', label: '受助人对罪名的意见', field: 'pleaViewCharge', optional: true },
    { type: 'labelled', label: '受助人对量刑建议的意见', field: 'pleaViewProposal', optional: true },
    { type: 'labelled', label: '受助人对程序适用的意见', field: 'pleaViewProcedure', optional: true },
    { type: 'labelled', label: '值班律师意见', field: 'lawyerOpinion', optional: true },
    {
      type: 'table',
      columns: [1.45, 1.4, 1.05, 1.0, 1.05, 1.55],
      rows: [
        [{ label: '值班律师' }, { field: 'lawyerName' }, { label: '帮助时间' }, { field: 'helpTime', span: 3 }],
        [{ label: '值班律师签名' }, { text: '', span: 5, minLines: 2 }],
        [{ label: '受助人确认' }, { text: '以上记录经本人核对，与事实相符。\n受助人（签名）：\n指印：\n日期：　　　　年　　月　　日', span: 5, minLines: 3 }],
      ],
    },
  ],
};
