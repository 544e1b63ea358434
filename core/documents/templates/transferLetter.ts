import type { DocumentTemplate } from '../template';

/** 法律援助申请转交函: a detainee's application forwarded within 24 hours (法律援助法 Art. 39). */
export const transferLetter: DocumentTemplate = {
  kind: 'transfer_letter',
  name: '法律援助申请转交函',
  description: '将在押人员的法律援助申请在二十四小时内转交法律援助机构',
  style: 'letter',
  legalBasis: '《中华人民共和国法律援助法》第三十九条',
  signers: '转交单位盖章',
  sources: ['consultation'],
  fields: [
    { name: 'legalAidCentre', label: '法律援助机构', type: 'text', required: true, max: 60 },
    { name: 'stationName', label: '转交单位', type: 'text', required: true, max: 60 },
    { name: 'applicantName', label: '申请人', type: 'text', required: true, max: 50 },
    { name: 'gender', label: '性别', type: 'text', max: 4 },
    { name: 'birthDate', label: '出生日期', type: 'date' },
    { name: 'idNumber', label: '证件号码', type: 'text', max: 30 },
    { name: 'cause', label: '涉嫌罪名', type: 'text', required: true, max: 60 },
    { name: 'caseNumber', label: '案号', type: 'text', max: 60 },
    { name: 'receivedAt', label: '收到申请时间', type: 'text', required: true, max: 30 },
    { name: 'circumstances', label: '需要说明的情况', type: 'multiline', max: 3000, hint: '如申请人属未成年人、残疾人，或可能判处无期徒刑、死刑等应当指派辩护的情形' },
    { name: 'attachments', label: '随附材料', type: 'list', max: 100 },
    { name: 'contact', label: '联系人', type: 'text', max: 50 },
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
      text: '在押人员{{applicantName}}[[（{{gender}}）]][[，{{birthDate}}出生]][[，证件号码{{idNumber}}]]，涉嫌{{cause}}一案，于{{receivedAt}}向本单位提出法律援助申请。根据《中华人民共和国法律援助法》第三十九条的规定，现将其法律援助申请及有关材料转交你机构，请依法审查并将处理结果告知。',
    },
    { type: 'labelled', label: '案号', field: 'caseNumber', optional: true },
    { type: 'prose', field: 'circumstances' },
    { type: 'heading', text: '随附材料：', when: 'attachments' },
    { type: 'list', field: 'attachments', numbering: 'arabic' },
    { type: 'line', text: '[[联系人：{{contact}}　]][[联系电话：{{contactPhone}}]]', optional: true },
    { type: 'signature', lines: ['{{stationName}}（盖章）', '{{date}}'] },
  ],
};
