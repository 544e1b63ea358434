import { elementComplaint, elementDefence, type CaseTypeSpec } from './common';
import { COMPLAINT_BASIS, DEFENCE_BASIS, LAW_BASIS_HINT } from './basis';

/** 机动车交通事故责任纠纷: personal injury items 1–10, property loss 11, other costs 12. */
const spec: CaseTypeSpec = {
  type: 'traffic',
  cause: '机动车交通事故责任纠纷',
  claims: [
    { key: 'medical', label: '医疗费', kind: 'money', hint: '×年×月×日至×年×月×日期间在××医院住院（门诊）治疗；医疗费发票、清单、病历资料有无' },
    { key: 'nursing', label: '护理费', kind: 'money', hint: '住院护理天数及标准，或护理人员误工费' },
    { key: 'nutrition', label: '营养费', kind: 'money' },
    { key: 'hospitalMeals', label: '住院伙食补助费', kind: 'money', hint: '住院天数×标准' },
    { key: 'lostEarnings', label: '误工费', kind: 'money', hint: '误工期间、收入状况及计算方式' },
    { key: 'transport', label: '交通费', kind: 'money', hint: '交通费凭证有无' },
    { key: 'disability', label: '残疾赔偿金（含被扶养人生活费）', kind: 'money', hint: '伤残等级、计算标准、年限及被扶养人生活费' },
    { key: 'disabilityAids', label: '残疾辅助器具费', kind: 'money' },
    { key: 'death', label: '死亡赔偿金（含被扶养人生活费）、丧葬费', kind: 'money' },
    { key: 'mentalDistress', label: '精神损害抚慰金', kind: 'money' },
    { key: 'propertyLoss', label: '财产损失', kind: 'money', hint: '车辆维修费、施救费、物品损失等' },
    { key: 'otherCosts', label: '其他费用', kind: 'money', hint: '如鉴定费，写明项目' },
  ],
  totalLabel: '标的总额',
  jurisdiction: false,
  appraisal: true,
  facts: [
    { key: 'accident', label: '交通事故发生情况', hint: '时间、地点、经过，涉事车辆及驾驶人' },
    { key: 'liability', label: '交通事故责任认定', hint: '认定机关、事故认定书编号及各方责任' },
    { key: 'insurance', label: '机动车投保情况', hint: '交强险、商业三者险的保险公司、保险期间、保险金额' },
  ],
  basisLabel: '请求依据',
  basisHint: LAW_BASIS_HINT,
  complaintBasis: `《中华人民共和国道路交通安全法》第七十六条；《中华人民共和国民法典》第一千二百零八条、第一千二百一十三条；${COMPLAINT_BASIS}`,
  defenceBasis: DEFENCE_BASIS,
};

export const elementComplaintTraffic = elementComplaint(spec);
export const elementDefenceTraffic = elementDefence(spec);
export { spec as trafficSpec };
