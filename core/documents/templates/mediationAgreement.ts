import type { DocumentTemplate, DocumentValues, FieldDef, SignatureLine } from '../template';

/** Parties that can sign one agreement; more parties need a paper of their own making. */
export const AGREEMENT_SIGNATORIES = 6;

const signatoryFields: FieldDef[] = Array.from({ length: AGREEMENT_SIGNATORIES }, (_, i) => ({
  name: `signatory${i + 1}`,
  label: `签名的当事人${i + 1}`,
  type: 'text',
  // One line in the signature block: 身份 and name, as long as a company's full name.
  max: 30,
  ...(i === 0 ? { hint: '每方当事人一行，写明身份和姓名，如“申请人赵某”；每一方各有签名、盖章或按指印的位置' } : {}),
}));

// 人民调解法 Art. 29: a person signs or presses a fingerprint, a unit seals.
const signatoryLines: SignatureLine[] = Array.from({ length: AGREEMENT_SIGNATORIES }, (_, i) => ({
  sign: `{{signatory${i + 1}}}` + '（签名或盖章、指印）',
  fingerprint: true,
  optional: true,
}));

function items(v: DocumentValues[string] | undefined): string[] {
  return (Array.isArray(v) ? v : []).filter((s) => s.trim() !== '');
}

/** 一式N份: one copy for each party and one kept by the mediating body (人民调解法 Art. 29). */
export function agreementCopies(partyCount: number): number {
  return partyCount + 1;
}

function checkAgreement(values: DocumentValues) {
  const problems: { field: string; message: string }[] = [];
  const parties = items(values.parties).length;
  const copies = typeof values.copies === 'string' ? values.copies.trim() : '';
  if (copies !== String(agreementCopies(parties))) {
    problems.push({ field: 'copies', message: `共 ${parties} 方当事人，各执一份，调解组织留存一份，应为 ${agreementCopies(parties)} 份` });
  }
  const signing = Array.from({ length: AGREEMENT_SIGNATORIES }, (_, i) => values[`signatory${i + 1}`]).filter(
    (v) => typeof v === 'string' && v.trim() !== '',
  ).length;
  if (signing !== parties) {
    problems.push({ field: 'signatory1', message: `共 ${parties} 方当事人，应为每一方各留一行签名（现有 ${signing} 行）` });
  }
  return problems;
}

/**
 * Whether a 调解协议书 may be drafted for a mediation of this type: null when it may, else
 * the reason in Chinese. In-trial mediation ends in the court's own 调解书 (民事诉讼法
 * Art. 100: 调解达成协议，人民法院应当制作调解书), which the parties sign for; a paper
 * of the station's would be a second, unofficial record of the same settlement.
 */
export function mediationAgreementRefusal(mediationType: string): string | null {
  if (mediationType === 'in_litigation') {
    return '诉中调解达成协议的，由人民法院依法制作调解书（《中华人民共和国民事诉讼法》第一百条），工作站不另行起草调解协议书。';
  }
  return null;
}

/**
 * 调解协议书 (人民调解法 Art. 28–33; for court-annexed pre-litigation mediation also 民事诉讼法
 * Art. 205). Art. 29: it records the parties, the facts and what is disputed, what was
 * agreed and how and when it is performed; it takes effect when every party has signed,
 * sealed or pressed a fingerprint and the mediator has signed and the mediating body has
 * sealed it; each party keeps a copy and the body keeps one. Art. 33: the parties may
 * together apply to a court for judicial confirmation within 30 days of its taking effect.
 */
export const mediationAgreement: DocumentTemplate = {
  kind: 'mediation_agreement',
  name: '调解协议书',
  description: '记录值班律师参与的诉前调解、人民调解达成的协议（诉中调解由法院制作调解书）',
  // Set as a form (小四): a line to sign for each of up to six parties, the mediator, the lawyer
  // and the seal then stay on one page with the end of the agreement.
  style: 'form',
  legalBasis: '《中华人民共和国人民调解法》第二十八条至第三十三条；《中华人民共和国民事诉讼法》第二百零五条',
  signers: '各方当事人签名并捺指印；调解员签名；调解组织盖章；参与调解的值班律师署名',
  sources: ['mediation', 'consultation'],
  fields: [
    { name: 'mediationType', label: '调解类型', type: 'text', required: true, max: 20 },
    { name: 'mediationOrg', label: '调解组织', type: 'text', required: true, max: 60, hint: '如：沈阳市和平区人民法院诉讼服务中心人民调解委员会' },
    { name: 'caseNumber', label: '案号', type: 'text', max: 60 },
    { name: 'cause', label: '纠纷类型（案由）', type: 'text', required: true, max: 60 },
    { name: 'parties', label: '当事人', type: 'list', required: true, max: 300, hint: '每行一方：身份、姓名及基本情况，如“申请人：张三，男，……”' },
    { name: 'facts', label: '纠纷主要事实、争议事项', type: 'multiline', required: true, max: 5000 },
    { name: 'terms', label: '协议内容', type: 'list', required: true, max: 1000 },
    { name: 'amountAgreed', label: '协议金额（元）', type: 'money' },
    { name: 'payment', label: '履行方式和期限', type: 'text', max: 200 },
    { name: 'place', label: '调解地点', type: 'text', max: 100 },
    { name: 'copies', label: '份数', type: 'text', required: true, max: 3, hint: '当事人各执一份，调解组织留存一份' },
    ...signatoryFields,
    { name: 'mediatorName', label: '调解员', type: 'text', max: 30 },
    { name: 'lawyerName', label: '值班律师', type: 'text', required: true, max: 40 },
    { name: 'date', label: '日期', type: 'date', required: true },
  ],
  check: checkAgreement,
  blocks: [
    { type: 'title', text: '调解协议书' },
    { type: 'number' },
    { type: 'labelled', label: '调解组织', field: 'mediationOrg' },
    { type: 'labelled', label: '调解类型', field: 'mediationType' },
    { type: 'labelled', label: '案号', field: 'caseNumber', optional: true },
    { type: 'labelled', label: '纠纷类型', field: 'cause' },
    { type: 'labelled', label: '调解地点', field: 'place', optional: true },
    { type: 'heading', text: '当事人：' },
    { type: 'list', field: 'parties', numbering: 'arabic' },
    { type: 'heading', text: '纠纷主要事实、争议事项：' },
    { type: 'prose', field: 'facts' },
    { type: 'line', indent: true, text: '经调解，各方当事人自愿达成如下协议：' },
    { type: 'list', field: 'terms', numbering: 'chinese' },
    { type: 'labelled', label: '协议金额', field: 'amountAgreed', optional: true },
    { type: 'labelled', label: '履行方式和期限', field: 'payment', optional: true },
    {
      type: 'line',
      indent: true,
      text: '本协议自各方当事人签名、盖章或者按指印，调解员签名并加盖调解组织印章之日起生效，对各方当事人具有法律约束力，当事人应当按照约定履行。',
    },
    {
      type: 'line',
      indent: true,
      text: '各方当事人认为有必要的，可以自本协议生效之日起三十日内共同向人民法院申请司法确认（《中华人民共和国人民调解法》第三十三条、《中华人民共和国民事诉讼法》第二百零五条）。',
    },
    { type: 'line', indent: true, text: '本协议一式{{copies}}份，各方当事人各执一份，调解组织留存一份。' },
    {
      type: 'signature',
      lines: [...signatoryLines, { sign: '调解员{{mediatorName}}（签名）' }, '值班律师：{{lawyerName}}', '{{mediationOrg}}（盖章）', '{{date}}'],
    },
  ],
};
