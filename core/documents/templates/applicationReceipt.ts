import type { DocumentTemplate } from '../template';

/**
 * 法律援助申请材料接收凭证: the written proof, handed to the applicant, of which papers
 * were received, how many, and when to the hour — the hour starts the review period of
 * Art. 43 and, for a detainee's application, the 24 hours of Art. 39.
 */
export const applicationReceipt: DocumentTemplate = {
  kind: 'application_receipt',
  name: '法律援助申请材料接收凭证',
  description: '收到法律援助申请材料时出具，列明材料名称和份数、接收时间和接收人',
  style: 'form',
  legalBasis: '《中华人民共和国法律援助法》第三十九条、第四十三条；《办理法律援助案件程序规定》（司法部令第148号）',
  signers: '接收人签名并写明日期，接收单位盖章；递交人签名并写明日期',
  sources: ['consultation'],
  fields: [
    { name: 'receivingUnit', label: '接收单位', type: 'text', required: true, max: 60 },
    { name: 'applicantName', label: '申请人', type: 'text', required: true, max: 50 },
    { name: 'idNumber', label: '证件号码', type: 'text', max: 30 },
    { name: 'phone', label: '联系电话', type: 'text', max: 20 },
    { name: 'submitter', label: '递交人', type: 'text', max: 50, hint: '由他人代为递交时填写' },
    { name: 'submitterRelation', label: '与申请人关系', type: 'text', max: 20 },
    { name: 'matter', label: '申请事项', type: 'text', required: true, max: 100 },
    { name: 'receivedAt', label: '接收时间', type: 'text', required: true, max: 30, hint: '写到时、分，如：2026年11月24日09时30分' },
    { name: 'receivedMaterials', label: '接收材料', type: 'list', required: true, max: 100, hint: '每行一项：材料名称及份数、原件或复印件' },
    { name: 'note', label: '备注', type: 'multiline', max: 2000, hint: '如：材料不齐全，已另行出具一次性告知书' },
    { name: 'receiver', label: '接收人', type: 'text', required: true, max: 50 },
  ],
  blocks: [
    { type: 'title', text: '法律援助申请材料接收凭证' },
    { type: 'number' },
    {
      type: 'table',
      columns: [1.3, 2.2, 1.3, 2.2],
      rows: [
        [{ label: '申请人' }, { field: 'applicantName' }, { label: '证件号码' }, { field: 'idNumber' }],
        [{ label: '联系电话' }, { field: 'phone' }, { label: '申请事项' }, { field: 'matter' }],
        [{ label: '递交人' }, { field: 'submitter' }, { label: '与申请人关系' }, { field: 'submitterRelation' }],
        [{ label: '接收时间' }, { field: 'receivedAt', span: 3 }],
        [{ label: '接收材料' }, { field: 'receivedMaterials', span: 3, minLines: 4 }],
        [{ label: '备注' }, { field: 'note', span: 3, minLines: 2 }],
        [{ label: '接收单位' }, { text: '{{receivingUnit}}\n（盖章）', span: 3, minLines: 2 }],
        // The name printed is who received; the rule under it is for his hand, the date for when he signed.
        [
          { label: '接收人' },
          { text: '{{receiver}}\n（签名）：\n____年__月__日', minLines: 3 },
          { label: '递交人' },
          { text: '\n（签名）：\n____年__月__日', minLines: 3 },
        ],
      ],
    },
    { type: 'line', text: '注：本凭证仅证明已收到上述材料，不表示已受理或者已决定给予法律援助。审查结果将另行书面告知。' },
  ],
};
