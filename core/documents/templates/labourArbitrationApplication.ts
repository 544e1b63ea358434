import type { DocumentTemplate } from '../template';
import { checkClaimsTotal, deriveClaimsTotal } from '../claims';

/**
 * 劳动人事争议仲裁申请书: where most wage claims of migrant workers start, since a labour
 * dispute goes to arbitration before any court (劳动争议调解仲裁法 Art. 5). The parts are
 * those Art. 28 and 办案规则 Art. 29 require: the worker's occupation and workplace, the
 * employer's name, address and legal representative, each claim with its facts and
 * reasons, and the evidence.
 */
export const labourArbitrationApplication: DocumentTemplate = {
  kind: 'labour_arbitration_application',
  name: '劳动人事争议仲裁申请书',
  description: '为劳动者代写向劳动人事争议仲裁委员会申请仲裁的申请书（追索劳动报酬、经济补偿等）',
  style: 'letter',
  legalBasis: '《中华人民共和国劳动争议调解仲裁法》第二十七条、第二十八条、第二十九条；《劳动人事争议仲裁办案规则》第二十九条',
  signers: '申请人签名并捺指印；值班律师作为代书人签名',
  sources: ['consultation'],
  fields: [
    { name: 'applicant', label: '申请人', type: 'multiline', required: true, max: 500, hint: '姓名、性别、出生日期、民族、身份证件号码、住所、联系电话' },
    { name: 'applicantOccupation', label: '申请人职业', type: 'text', max: 60, hint: '如：钢筋工、保洁员' },
    { name: 'applicantWorkplace', label: '申请人工作单位', type: 'text', max: 100, hint: '发生争议时的工作单位或工地' },
    { name: 'employerName', label: '被申请人（用人单位）名称', type: 'text', required: true, max: 100 },
    { name: 'employerCreditCode', label: '统一社会信用代码', type: 'text', max: 30 },
    { name: 'employerAddress', label: '被申请人住所', type: 'text', max: 120 },
    { name: 'employerRepresentative', label: '法定代表人或主要负责人', type: 'text', max: 50 },
    { name: 'employerRepresentativeTitle', label: '职务', type: 'text', max: 30 },
    { name: 'employerPhone', label: '被申请人联系电话', type: 'text', max: 30 },
    {
      name: 'claims',
      label: '仲裁请求',
      type: 'list',
      required: true,
      max: 500,
      hint: '每行一项；有金额的在末尾写明金额，如“裁决被申请人支付2025年8月至12月工资38,500元”',
    },
    { name: 'claimsTotal', label: '请求金额合计（元）', type: 'money', hint: '留空时按各项请求末尾的金额自动合计' },
    { name: 'facts', label: '事实和理由', type: 'multiline', required: true, max: 10000, hint: '入职时间、工作岗位、工资标准、欠薪期间和数额、讨要经过' },
    { name: 'evidence', label: '证据和证据来源，证人姓名和住所', type: 'list', max: 300 },
    { name: 'commission', label: '仲裁委员会', type: 'text', required: true, max: 60, hint: '劳动合同履行地或者用人单位所在地的劳动人事争议仲裁委员会' },
    { name: 'lawyerName', label: '代书人（值班律师）', hint: '值班律师代为书写时填写', type: 'text', max: 50 },
    { name: 'copies', label: '副本份数', type: 'text', max: 3, hint: '按被申请人人数提交副本' },
    { name: 'date', label: '申请日期', type: 'date', required: true },
  ],
  blocks: [
    { type: 'title', text: '劳动人事争议仲裁申请书' },
    { type: 'labelled', label: '申请人', field: 'applicant' },
    { type: 'labelled', label: '职业', field: 'applicantOccupation', optional: true },
    { type: 'labelled', label: '工作单位', field: 'applicantWorkplace', optional: true },
    { type: 'labelled', label: '被申请人', field: 'employerName' },
    { type: 'labelled', label: '统一社会信用代码', field: 'employerCreditCode', optional: true },
    { type: 'labelled', label: '住所', field: 'employerAddress', optional: true },
    { type: 'labelled', label: '法定代表人（主要负责人）', field: 'employerRepresentative', optional: true },
    { type: 'labelled', label: '职务', field: 'employerRepresentativeTitle', optional: true },
    { type: 'labelled', label: '联系电话', field: 'employerPhone', optional: true },
    { type: 'heading', text: '仲裁请求：' },
    { type: 'list', field: 'claims', numbering: 'arabic' },
    { type: 'line', indent: true, text: '以上请求金额合计人民币{{claimsTotal}}。', optional: true },
    { type: 'heading', text: '事实和理由：' },
    { type: 'prose', field: 'facts' },
    { type: 'heading', text: '证据和证据来源，证人姓名和住所：', when: 'evidence' },
    { type: 'list', field: 'evidence', numbering: 'arabic' },
    { type: 'line', indent: true, text: '此致' },
    { type: 'line', text: '{{commission}}' },
    { type: 'signature', lines: [{ sign: '申请人（签名并捺指印）', fingerprint: true }, '{{date}}'] },
    { type: 'line', text: '代书人：值班律师{{lawyerName}}', optional: true },
    { type: 'line', text: '附：本申请书副本{{copies}}份', optional: true },
  ],
  derive: deriveClaimsTotal('claims', 'claimsTotal'),
  check: checkClaimsTotal('claims', 'claimsTotal', '请求金额合计'),
};
