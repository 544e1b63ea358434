import { elementComplaint, elementDefence, type CaseTypeSpec } from './common';
import { COMPLAINT_BASIS, CONTRACT_BASIS_HINT, DEFENCE_BASIS, SECURITY_FACTS } from './basis';

/** 买卖合同纠纷. */
const spec: CaseTypeSpec = {
  type: 'sales',
  cause: '买卖合同纠纷',
  claims: [
    { key: 'price', label: '给付价款', kind: 'money', hint: '人民币；外币需特别注明' },
    {
      key: 'lateInterest',
      label: '迟延给付价款的利息（违约金）',
      kind: 'money',
      hint: '截至×年×月×日止的利息、违约金；计算方式；是否请求支付至实际清偿之日止',
    },
    { key: 'damages', label: '赔偿因卖方违约所受的损失', kind: 'money', hint: '违约类型（迟延履行、不履行或其他）、具体情形、损失计算依据' },
    { key: 'defects', label: '是否对标的物的瑕疵承担责任', kind: 'yesText', hint: '不主张的填“否”；主张的写明修理、重作、更换、退货或减少价款、报酬' },
    { key: 'performance', label: '要求继续履行或者解除合同', kind: 'choice', options: ['继续履行', '判令解除合同', '确认合同已解除', '否'] },
    { key: 'security', label: '是否主张担保权利', kind: 'yesText', hint: '不主张的填“否”；主张的写明内容' },
    { key: 'enforcementCosts', label: '是否主张实现债权的费用', kind: 'money', hint: '费用明细，如律师费' },
  ],
  totalLabel: '标的总额',
  jurisdiction: true,
  facts: [
    { key: 'contractSigning', label: '合同的签订情况', hint: '名称、编号、签订时间、地点' },
    { key: 'contractParties', label: '合同主体', hint: '出卖人（卖方）：；买受人（买方）：' },
    { key: 'goods', label: '买卖标的物情况', hint: '标的物名称、规格、质量、数量等' },
    { key: 'priceTerms', label: '合同约定的价格及支付方式', hint: '单价、总价；现金、转账、票据或其他；一次性或分期及分期方式' },
    { key: 'deliveryTerms', label: '合同约定的交货时间、地点、方式、风险承担、安装、调试、验收' },
    { key: 'qualityTerms', label: '合同约定的质量标准及检验方式、质量异议期限' },
    { key: 'penaltyTerms', label: '合同约定的违约金（定金）', hint: '违约金、定金、迟延履行违约金及合同条款' },
    { key: 'performanceFacts', label: '价款支付及标的物交付情况' },
    { key: 'delay', label: '是否存在迟延履行', hint: '是：迟延时间，逾期付款或逾期交货；否' },
    { key: 'demand', label: '是否催促过履行', hint: '是：×年×月×日通过何种方式催促；否' },
    { key: 'qualityDispute', label: '买卖合同标的物有无质量争议' },
    { key: 'nonconformity', label: '标的物质量规格或履行方式是否存在不符合约定的情况' },
    { key: 'qualityNegotiation', label: '是否曾就标的物质量问题进行协商' },
    { key: 'terminationNotice', label: '是否通知解除合同' },
    { key: 'amountsDue', label: '被告应当支付的利息、违约金、赔偿金', hint: '利息、违约金、赔偿金各×元，共计×元；计算方式' },
    ...SECURITY_FACTS,
    { key: 'otherFacts', label: '其他需要说明的内容' },
  ],
  basisLabel: '请求承担责任的依据',
  basisHint: CONTRACT_BASIS_HINT,
  complaintBasis: COMPLAINT_BASIS,
  defenceBasis: DEFENCE_BASIS,
};

export const elementComplaintSales = elementComplaint(spec);
export const elementDefenceSales = elementDefence(spec);
export { spec as salesSpec };
