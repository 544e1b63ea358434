import type { DocumentTemplate } from '../template';
import { checkClaimsTotal, deriveClaimsTotal } from '../claims';

/**
 * 支付令申请书 (督促程序, 民事诉讼法 2023 Arts. 225-228): for a debt of money that is due,
 * fixed and undisputed, e.g. wages the employer has acknowledged in writing (劳动合同法
 * Art. 30). The conditions of Art. 225 are stated in the paper, because a court turns
 * the application down without them: no other dispute between the parties, and a debtor
 * the order can be served on.
 */
export const paymentOrderApplication: DocumentTemplate = {
  kind: 'payment_order_application',
  name: '支付令申请书',
  description: '为债权人代写申请人民法院向债务人发出支付令的申请书（欠薪、欠款数额明确且无争议）',
  style: 'letter',
  legalBasis: '《中华人民共和国民事诉讼法》（2023年修正）第二百二十五条至第二百二十八条；《中华人民共和国劳动合同法》第三十条',
  signers: '申请人签名并捺指印（单位加盖公章）；值班律师作为代书人签名',
  sources: ['consultation'],
  fields: [
    {
      name: 'applicant',
      label: '申请人（债权人）',
      type: 'multiline',
      required: true,
      max: 500,
      hint: '姓名、性别、出生日期、民族、身份证件号码、住所、联系电话',
    },
    {
      name: 'debtor',
      label: '被申请人（债务人）',
      type: 'multiline',
      required: true,
      max: 500,
      hint: '单位写名称、住所、统一社会信用代码、法定代表人；自然人写姓名、住所等',
    },
    { name: 'debtorServiceAddress', label: '被申请人送达地址', type: 'text', required: true, max: 120, hint: '支付令须能送达债务人，不适用公告送达' },
    { name: 'claims', label: '请求事项', type: 'list', required: true, max: 500, hint: '每行一项，末尾写明金额，如“督促被申请人给付拖欠工资38,500元”' },
    { name: 'claimsTotal', label: '请求给付金额合计（元）', type: 'money', hint: '留空时按各项请求末尾的金额自动合计' },
    { name: 'facts', label: '事实和理由', type: 'multiline', required: true, max: 10000, hint: '债权的发生、数额、到期时间及催讨经过' },
    { name: 'evidence', label: '证据', type: 'list', max: 300, hint: '如欠条、工资结算单、对账单' },
    { name: 'court', label: '受理法院', type: 'text', required: true, max: 60, hint: '债务人住所地的基层人民法院' },
    { name: 'lawyerName', label: '代书人（值班律师）', hint: '值班律师代为书写时填写', type: 'text', max: 50 },
    { name: 'copies', label: '副本份数', type: 'text', max: 3 },
    { name: 'date', label: '申请日期', type: 'date', required: true },
  ],
  blocks: [
    { type: 'title', text: '支付令申请书' },
    { type: 'labelled', label: '申请人', field: 'applicant' },
    { type: 'labelled', label: '被申请人', field: 'debtor' },
    { type: 'labelled', label: '被申请人送达地址', field: 'debtorServiceAddress' },
    { type: 'heading', text: '请求事项：' },
    { type: 'list', field: 'claims', numbering: 'arabic' },
    { type: 'line', indent: true, text: '以上请求给付金额合计人民币{{claimsTotal}}。', optional: true },
    { type: 'heading', text: '事实和理由：' },
    { type: 'prose', field: 'facts' },
    {
      type: 'line',
      indent: true,
      text: '上述债务已到期且数额确定。申请人与被申请人之间没有其他债务纠纷，申请人对被申请人不负对待给付义务；被申请人在中华人民共和国境内且下落明确，支付令能够送达被申请人。申请人未就本债务向人民法院申请诉前保全。',
    },
    { type: 'heading', text: '证据：', when: 'evidence' },
    { type: 'list', field: 'evidence', numbering: 'arabic' },
    {
      type: 'line',
      indent: true,
      text: '为此，根据《中华人民共和国民事诉讼法》第二百二十五条的规定，请求贵院向被申请人发出支付令，督促其在法定期间内清偿上述债务。',
    },
    { type: 'line', indent: true, text: '此致' },
    { type: 'line', text: '{{court}}' },
    { type: 'signature', lines: [{ sign: '申请人（签名捺印或者盖章）', fingerprint: true }, '{{date}}'] },
    { type: 'line', text: '代书人：值班律师{{lawyerName}}', optional: true },
    { type: 'line', text: '附：本申请书副本{{copies}}份', optional: true },
  ],
  derive: deriveClaimsTotal('claims', 'claimsTotal'),
  check: checkClaimsTotal('claims', 'claimsTotal', '请求给付金额合计'),
};
