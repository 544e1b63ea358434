import type { DocumentTemplate, DocumentValues } from '../template';

/** The three kinds of 司法救助 for court fees (诉讼费用交纳办法 Art. 44). */
export const FEE_RELIEF_KINDS = ['缓交', '减交', '免交'] as const;

function checkReliefKind(values: DocumentValues): { field: string; message: string }[] {
  const kind = values.reliefKind;
  if (typeof kind !== 'string' || kind === '' || (FEE_RELIEF_KINDS as readonly string[]).includes(kind)) return [];
  return [{ field: 'reliefKind', message: '申请种类应为“缓交”“减交”或“免交”之一（《诉讼费用交纳办法》第四十四条）' }];
}

/**
 * 缓交/减交/免交诉讼费用申请书: a legal-aid recipient asks the court to defer, reduce or
 * waive the court fees. The court must consider it for an aid recipient (法律援助法 Art.
 * 53); being under legal aid is itself a ground for deferral (诉讼费用交纳办法 Art. 47(三)),
 * waiver covers natural persons only (Art. 44), and the application goes in with the
 * complaint or appeal, with proof of hardship (Art. 48).
 */
export const litigationFeeReliefApplication: DocumentTemplate = {
  kind: 'litigation_fee_relief_application',
  name: '缓交/减交/免交诉讼费用申请书',
  description: '为受援人等经济困难的当事人申请缓交、减交或者免交诉讼费用（司法救助）',
  style: 'letter',
  legalBasis: '《中华人民共和国民事诉讼法》第一百二十一条第二款；《诉讼费用交纳办法》第四十四条至第五十一条；《中华人民共和国法律援助法》第五十三条',
  signers: '申请人签名并捺指印；值班律师作为代书人签名',
  sources: ['consultation'],
  fields: [
    { name: 'applicant', label: '申请人', type: 'multiline', required: true, max: 500, hint: '姓名、性别、出生日期、民族、身份证件号码、住所、联系电话' },
    { name: 'reliefKind', label: '申请种类', type: 'text', required: true, max: 2, hint: '填写“缓交”“减交”或“免交”；免交只适用于自然人' },
    { name: 'opponent', label: '对方当事人', type: 'text', required: true, max: 100 },
    { name: 'cause', label: '案由', type: 'text', required: true, max: 60 },
    { name: 'caseNumber', label: '案号', type: 'text', max: 60 },
    { name: 'feeAmount', label: '应交诉讼费用（元）', type: 'money' },
    {
      name: 'ground',
      label: '所依据的情形',
      type: 'text',
      required: true,
      max: 200,
      hint: '如：申请人正在接受法律援助（《诉讼费用交纳办法》第四十七条第（三）项）',
    },
    { name: 'reasons', label: '事实与理由', type: 'multiline', required: true, max: 5000, hint: '家庭经济状况、收入来源、困难原因' },
    { name: 'attachments', label: '证明材料', type: 'list', max: 200, hint: '如法律援助公函、最低生活保障证、经济困难证明' },
    { name: 'court', label: '受诉法院', type: 'text', required: true, max: 60 },
    { name: 'lawyerName', label: '代书人（值班律师）', hint: '值班律师代为书写时填写', type: 'text', max: 50 },
    { name: 'date', label: '申请日期', type: 'date', required: true },
  ],
  blocks: [
    // The court calls fee relief 司法救助 (办法 Art. 44); the line under the title names the kind chosen.
    { type: 'title', text: '司法救助申请书' },
    { type: 'line', align: 'center', bold: true, text: '（申请{{reliefKind}}诉讼费用）' },
    { type: 'labelled', label: '申请人', field: 'applicant' },
    { type: 'heading', text: '申请事项：' },
    { type: 'line', indent: true, text: '申请人与{{opponent}}{{cause}}一案，请求贵院准予申请人{{reliefKind}}本案诉讼费用。' },
    { type: 'labelled', label: '案号', field: 'caseNumber', optional: true },
    { type: 'line', indent: true, text: '本案应交诉讼费用人民币{{feeAmount}}。', optional: true },
    { type: 'heading', text: '事实与理由：' },
    { type: 'line', indent: true, text: '{{ground}}。' },
    { type: 'prose', field: 'reasons' },
    {
      type: 'line',
      indent: true,
      text: '根据《中华人民共和国民事诉讼法》第一百二十一条第二款、《诉讼费用交纳办法》第四十四条、第四十八条及《中华人民共和国法律援助法》第五十三条的规定，特申请{{reliefKind}}诉讼费用，请予批准。',
    },
    { type: 'line', indent: true, text: '此致' },
    { type: 'line', text: '{{court}}' },
    { type: 'signature', lines: [{ sign: '申请人（签名并捺指印）', fingerprint: true }, '{{date}}'] },
    { type: 'line', text: '代书人：值班律师{{lawyerName}}', optional: true },
    { type: 'heading', text: '附：证明材料', when: 'attachments' },
    { type: 'list', field: 'attachments', numbering: 'arabic' },
  ],
  check: checkReliefKind,
};
