import type { DocumentValues } from '../../../../core/documents/template';

export const sample: DocumentValues = {
  legalAidCentre: '沈阳市和平区法律援助中心',
  applicantName: '李秀英',
  idNumber: '210103197908210624',
  address: '辽宁省沈阳市皇姑区黄河南大街100号2单元301室',
  matter: '追索劳动报酬',
  householdSize: '3',
  householdIncome: '2400',
  incomePerPerson: '800',
  incomeSources: '本人打零工收入',
  hardship: '本人丈夫因病长期卧床，无劳动能力，每月医药费约八百元；儿子在读高中。家中无存款、无车辆，住房系租赁。',
  date: '2026-11-24',
};
