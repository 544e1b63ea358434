import { compareYmd, parseYmd } from '../../domain/calendar';
import type { MediationInput } from '../../mediations/schema';
import type { DocumentTemplate, DocumentValues } from '../template';

/**
 * Judicial confirmation is for an agreement reached before a mediation organisation. A
 * settlement in court (诉中调解) ends in the court's own 调解书, and with no agreement
 * there is nothing to confirm.
 */
export function judicialConfirmationApplies(m: Pick<MediationInput, 'type' | 'outcome'>): boolean {
  return m.type !== 'in_litigation' && m.outcome !== 'no_agreement';
}

/** Days after the agreement takes effect within which both parties must apply (人民调解法 Art. 33). */
export const JUDICIAL_CONFIRMATION_DAYS = 30;

function addDays(ymd: string, days: number): string {
  const d = parseYmd(ymd)!;
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return t.toISOString().slice(0, 10);
}

/** The application must be made within 30 days of the agreement taking effect. */
function checkTimeLimit(values: DocumentValues): { field: string; message: string }[] {
  const effective = values.mediationDate;
  const applied = values.applicationDate;
  if (typeof effective !== 'string' || typeof applied !== 'string' || !parseYmd(effective) || !parseYmd(applied)) return [];
  if (compareYmd(applied, effective) < 0) return [{ field: 'applicationDate', message: '申请日期不能早于调解协议生效日期' }];
  const last = addDays(effective, JUDICIAL_CONFIRMATION_DAYS);
  if (compareYmd(applied, last) > 0) {
    return [
      {
        field: 'applicationDate',
        message: `已超过调解协议生效之日起三十日的申请期限（最迟 ${last}，《人民调解法》第三十三条、《民事诉讼法》第二百零五条）；可就调解协议的履行或内容向人民法院提起诉讼`,
      },
    ];
  }
  return [];
}

/**
 * 人民调解协议司法确认申请书: both parties to an agreement reached before a lawfully
 * established mediation organisation ask the court, jointly and within 30 days, to
 * confirm it, so that it can be enforced (人民调解法 Art. 33; 民事诉讼法 2023 Arts. 205-206).
 * Not for a settlement reached in court, where the court issues its own 调解书.
 */
export const judicialConfirmationApplication: DocumentTemplate = {
  kind: 'judicial_confirmation_application',
  name: '人民调解协议司法确认申请书',
  description: '调解组织主持达成调解协议后，由双方当事人共同申请人民法院确认调解协议效力',
  style: 'letter',
  legalBasis:
    '《中华人民共和国人民调解法》第三十三条；《中华人民共和国民事诉讼法》（2023年修正）第二百零五条、第二百零六条；《最高人民法院关于人民调解协议司法确认程序的若干规定》',
  signers: '双方当事人共同签名（单位加盖公章）并捺指印',
  sources: ['mediation', 'consultation'],
  fields: [
    {
      name: 'applicants',
      label: '申请人',
      type: 'list',
      required: true,
      max: 300,
      hint: '每行一方：姓名或名称、性别、出生日期、住所、证件号码、联系电话；单位写法定代表人',
    },
    { name: 'cause', label: '纠纷类型（案由）', type: 'text', required: true, max: 60 },
    { name: 'facts', label: '纠纷主要事实', type: 'multiline', max: 5000 },
    { name: 'mediationOrg', label: '调解组织', type: 'text', required: true, max: 100, hint: '主持调解的人民调解委员会或者其他依法设立的调解组织' },
    { name: 'mediationDate', label: '调解协议生效日期', type: 'date', required: true },
    { name: 'terms', label: '调解协议内容', type: 'list', required: true, max: 1000 },
    { name: 'amountAgreed', label: '协议金额（元）', type: 'money' },
    { name: 'payment', label: '履行方式和期限', type: 'text', max: 200 },
    {
      name: 'court',
      label: '受理法院',
      type: 'text',
      required: true,
      max: 60,
      hint: '邀请调解的人民法院；或当事人住所地、标的物所在地、调解组织所在地的基层人民法院',
    },
    { name: 'attachments', label: '随附材料', type: 'list', max: 100 },
    { name: 'applicationDate', label: '申请日期', type: 'date', required: true },
  ],
  blocks: [
    { type: 'title', text: '人民调解协议司法确认申请书' },
    { type: 'heading', text: '申请人：' },
    { type: 'list', field: 'applicants', numbering: 'arabic' },
    { type: 'heading', text: '请求事项：' },
    { type: 'line', indent: true, text: '请求人民法院确认申请人之间于{{mediationDate}}经{{mediationOrg}}主持调解达成的调解协议有效。' },
    { type: 'heading', text: '事实和理由：' },
    {
      type: 'line',
      indent: true,
      text: '申请人之间因{{cause}}产生争议。',
    },
    { type: 'prose', field: 'facts' },
    {
      type: 'line',
      indent: true,
      text: '经{{mediationOrg}}主持调解，申请人于{{mediationDate}}自愿达成调解协议，协议自各方签名、盖章或者按指印，调解员签名并加盖调解组织印章之日起生效。协议主要内容如下：',
    },
    { type: 'list', field: 'terms', numbering: 'chinese' },
    { type: 'line', indent: true, text: '协议金额：人民币{{amountAgreed}}。', optional: true },
    { type: 'line', indent: true, text: '履行方式和期限：{{payment}}。', optional: true },
    {
      type: 'line',
      indent: true,
      text: '现根据《中华人民共和国人民调解法》第三十三条和《中华人民共和国民事诉讼法》第二百零五条的规定，申请人在调解协议生效之日起三十日内共同申请司法确认。',
    },
    { type: 'heading', text: '申请人承诺：' },
    {
      type: 'line',
      indent: true,
      text: '一、申请人出于解决纠纷的目的自愿达成调解协议，没有恶意串通、规避法律的行为；二、所提交的材料真实、合法；三、如因虚假调解协议损害他人合法权益的，愿意承担相应的民事责任和其他法律责任。',
    },
    { type: 'heading', text: '随附材料：', when: 'attachments' },
    { type: 'list', field: 'attachments', numbering: 'arabic' },
    { type: 'line', indent: true, text: '此致' },
    { type: 'line', text: '{{court}}' },
    {
      type: 'signature',
      lines: [{ sign: '申请人（签名或盖章并捺指印）', fingerprint: true }, { sign: '申请人（签名或盖章并捺指印）', fingerprint: true }, '{{applicationDate}}'],
    },
  ],
  check: checkTimeLimit,
};
