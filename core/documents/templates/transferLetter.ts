import type { DocumentTemplate } from '../template';

/**
 * 法律援助申请转交函 (法律援助法 Art. 39): a detention centre or other body holding the person
 * must pass a detainee's application to the legal-aid centre within 24 hours, and so must a
 * duty lawyer through whom a suspect or defendant applies. The letter names who transfers
 * (the centre when its staff logged the request, the station when a lawyer transfers) and
 * both the day AND the hour of receipt and of transfer, so the paper itself shows that the
 * 24 hours were kept. The 回执 below the cut line comes back signed by the centre with the
 * hour it received the papers.
 */
export const transferLetter: DocumentTemplate = {
  kind: 'transfer_letter',
  name: '法律援助申请转交函',
  description: '将在押人员的法律援助申请在二十四小时内转交法律援助机构，附回执',
  // 小四 rather than the letters' 三号: the letter and its 回执 fit on one sheet with a typical case.
  style: 'form',
  legalBasis: '《中华人民共和国法律援助法》第三十八条、第三十九条；《法律援助值班律师工作办法》第六条',
  signers: '转交单位盖章、经办人签名；法律援助机构接收人在回执上签名、写明接收时间并盖章',
  sources: ['consultation'],
  fields: [
    { name: 'legalAidCentre', label: '法律援助机构', type: 'text', required: true, max: 60 },
    {
      name: 'transferUnit',
      label: '转交单位',
      type: 'text',
      required: true,
      max: 60,
      hint: '看守所工作人员登记的申请由看守所转交；经值班律师提出的由工作站转交',
    },
    { name: 'applicantName', label: '申请人', type: 'text', required: true, max: 50 },
    { name: 'partyTitle', label: '申请人身份', type: 'text', required: true, max: 10, hint: '犯罪嫌疑人、被告人、服刑人员等' },
    { name: 'gender', label: '性别', type: 'text', max: 4 },
    { name: 'birthDate', label: '出生日期', type: 'date' },
    { name: 'idNumber', label: '证件号码', type: 'text', max: 30 },
    { name: 'cause', label: '涉嫌罪名', type: 'text', required: true, max: 60 },
    { name: 'caseNumber', label: '案号', type: 'text', max: 60 },
    { name: 'receivedAt', label: '收到申请时间', type: 'text', required: true, max: 30, hint: '写到时、分，如：2026年11月23日16时10分' },
    { name: 'transferredAt', label: '转交时间', type: 'text', required: true, max: 30, hint: '写到时、分；应在收到申请后二十四小时内' },
    {
      name: 'circumstances',
      label: '需要说明的情况',
      type: 'multiline',
      max: 3000,
      hint: '如申请人属未成年人、残疾人，或可能判处无期徒刑、死刑等应当指派辩护的情形',
    },
    { name: 'attachments', label: '随附材料', type: 'list', max: 100 },
    { name: 'contact', label: '经办人', type: 'text', max: 50 },
    { name: 'contactPhone', label: '联系电话', type: 'text', max: 20 },
    { name: 'date', label: '转交日期', type: 'date', required: true },
  ],
  blocks: [
    { type: 'title', text: '法律援助申请转交函' },
    { type: 'number' },
    { type: 'line', text: '{{legalAidCentre}}：' },
    {
      type: 'line',
      indent: true,
      text: '{{partyTitle}}{{applicantName}}[[（{{gender}}）]][[，{{birthDate}}出生]][[，证件号码{{idNumber}}]]，涉嫌{{cause}}一案，{{transferUnit}}于{{receivedAt}}收到其提出的法律援助申请。根据《中华人民共和国法律援助法》第三十九条的规定，现于{{transferredAt}}将其法律援助申请及有关材料转交你机构，请依法审查并将处理结果告知申请人。',
    },
    { type: 'labelled', label: '案号', field: 'caseNumber', optional: true },
    { type: 'prose', field: 'circumstances' },
    { type: 'heading', text: '随附材料：', when: 'attachments' },
    { type: 'list', field: 'attachments', numbering: 'arabic' },
    { type: 'signature', lines: ['{{transferUnit}}（盖章）', { sign: '经办人{{contact}}（签名）' }, '[[联系电话：{{contactPhone}}]]', '{{date}}'] },
    { type: 'cut', text: '沿此线剪开' },
    { type: 'line', align: 'center', bold: true, text: '回　执' },
    { type: 'line', text: '{{transferUnit}}：' },
    { type: 'line', indent: true, text: '你单位{{docNumber}}转交函及{{partyTitle}}{{applicantName}}的法律援助申请材料已收到。' },
    // A box the centre fills by hand, so the slip proves the hour it was received (Art. 39).
    {
      type: 'table',
      columns: [1.1, 1],
      rows: [
        [{ text: '接收时间：　　　　年　　月　　日　　时　　分', span: 2 }],
        [
          { text: '接收人（签名）：', minLines: 2 },
          { text: '{{legalAidCentre}}\n（盖章）', minLines: 2 },
        ],
      ],
    },
  ],
};
