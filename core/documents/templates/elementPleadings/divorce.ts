import { elementComplaint, elementDefence, type CaseTypeSpec } from './common';
import { COMPLAINT_BASIS, DEFENCE_BASIS, LAW_BASIS_HINT } from './basis';

/** 离婚纠纷. Most claims are not money; the compensation is the one counted in the total. */
const spec: CaseTypeSpec = {
  type: 'divorce',
  cause: '离婚纠纷',
  claims: [
    { key: 'dissolution', label: '解除婚姻关系', kind: 'text', hint: '具体主张，如：判令原告与被告离婚' },
    {
      key: 'commonProperty',
      label: '夫妻共同财产',
      kind: 'text',
      hint: '无财产的填“无财产”；有财产的逐项写明房屋、汽车、存款等明细及归属（原告、被告或其他）',
    },
    { key: 'commonDebts', label: '夫妻共同债务', kind: 'text', hint: '无债务的填“无债务”；有债务的逐项写明债务及承担主体' },
    { key: 'custody', label: '子女直接抚养', kind: 'text', hint: '无此问题的填“无此问题”；有的写明子女及归属（原告或被告）' },
    { key: 'childSupport', label: '子女抚养费', kind: 'text', hint: '承担主体（原告或被告）、金额及明细、支付方式' },
    { key: 'visitation', label: '探望权', kind: 'text', hint: '行使主体（原告或被告）及行使方式' },
    {
      key: 'compensation',
      label: '离婚损害赔偿／离婚经济补偿／离婚经济帮助',
      kind: 'money',
      hint: '写明是离婚损害赔偿、离婚经济补偿还是离婚经济帮助，及其依据',
      objection: '对离婚损害赔偿／离婚经济补偿／离婚经济帮助有无异议',
    },
  ],
  totalLabel: '金钱给付请求合计',
  jurisdiction: false,
  facts: [
    { key: 'marriage', label: '婚姻关系基本情况', hint: '结婚时间；生育子女情况；双方生活情况；离婚事由；之前有无提起过离婚诉讼' },
    { key: 'propertyFacts', label: '夫妻共同财产情况' },
    { key: 'debtFacts', label: '夫妻共同债务情况' },
    { key: 'custodyFacts', label: '子女直接抚养情况', hint: '子女应归原告或者被告直接抚养的事由' },
    { key: 'supportFacts', label: '子女抚养费情况', hint: '原告或者被告应支付抚养费及相应金额、支付方式的事由' },
    { key: 'visitationFacts', label: '子女探望权情况', hint: '不直接抚养子女一方应否享有探望权以及具体行使方式的事由' },
    { key: 'compensationFacts', label: '赔偿／补偿／经济帮助相关情况', hint: '符合离婚损害赔偿、离婚经济补偿或离婚经济帮助的相关事实等' },
    { key: 'otherFacts', label: '其他' },
  ],
  basisLabel: '请求依据',
  basisHint: LAW_BASIS_HINT,
  complaintBasis: `《中华人民共和国民法典》第一千零七十九条；${COMPLAINT_BASIS}`,
  defenceBasis: DEFENCE_BASIS,
};

export const elementComplaintDivorce = elementComplaint(spec);
export const elementDefenceDivorce = elementDefence(spec);
export { spec as divorceSpec };
