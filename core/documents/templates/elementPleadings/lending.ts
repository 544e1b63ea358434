import { elementComplaint, elementDefence, type CaseTypeSpec } from './common';
import { COMPLAINT_BASIS, CONTRACT_BASIS_HINT, DEFENCE_BASIS, SECURITY_FACTS } from './basis';

/** 民间借贷纠纷. */
const spec: CaseTypeSpec = {
  type: 'lending',
  cause: '民间借贷纠纷',
  claims: [
    { key: 'principal', label: '本金', kind: 'money', hint: '截至×年×月×日止尚欠本金（人民币；外币需特别注明）' },
    { key: 'interest', label: '利息', kind: 'money', hint: '截至×年×月×日止尚欠利息；计算方式；是否请求支付至实际清偿之日止' },
    { key: 'acceleration', label: '是否要求提前还款或解除合同', kind: 'choice', options: ['提前还款（加速到期）', '解除合同', '否'] },
    { key: 'security', label: '是否主张担保权利', kind: 'yesText', hint: '不主张的填“否”；主张的写明内容，如请求判令保证人承担连带保证责任' },
    { key: 'enforcementCosts', label: '是否主张实现债权的费用', kind: 'money', hint: '明细，如律师费、保全担保费' },
  ],
  totalLabel: '标的总额',
  jurisdiction: true,
  facts: [
    { key: 'contractSigning', label: '合同签订情况', hint: '名称、编号、签订时间、地点等' },
    { key: 'contractParties', label: '签订主体', hint: '出借人：；借款人：' },
    { key: 'loanAmount', label: '借款金额', hint: '约定：；实际提供：；提供方式：现金、转账或其他' },
    { key: 'loanTerm', label: '借款期限', hint: '是否到期；约定期限：×年×月×日起至×年×月×日止' },
    { key: 'interestRate', label: '借款利率', hint: '利率 %／年（季／月）（合同条款：第 条）' },
    { key: 'loanDelivery', label: '借款提供时间', hint: '×年×月×日，×元' },
    { key: 'repaymentMethod', label: '还款方式', hint: '到期一次性还本付息；按月（季、年）计息、到期一次性还本；其他' },
    { key: 'repayments', label: '还款情况', hint: '已还本金×元；已还利息×元，还息至×年×月×日' },
    { key: 'overdue', label: '是否存在逾期还款', hint: '是：逾期时间，至今已逾期；否' },
    ...SECURITY_FACTS,
    { key: 'otherFacts', label: '其他需要说明的内容' },
  ],
  basisLabel: '请求依据',
  basisHint: CONTRACT_BASIS_HINT,
  complaintBasis: COMPLAINT_BASIS,
  defenceBasis: DEFENCE_BASIS,
};

export const elementComplaintLending = elementComplaint(spec);
export const elementDefenceLending = elementDefence(spec);
export { spec as lendingSpec };
