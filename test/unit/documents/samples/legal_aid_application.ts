import type { DocumentValues } from '../../../../core/documents/template';

/** A migrant worker applying for aid in a wage claim. */
export const sample: DocumentValues = {
  legalAidCentre: '沈阳市和平区法律援助中心',
  applicantName: '李秀英',
  gender: '女',
  birthDate: '1979-08-21',
  ethnicity: '汉族',
  idNumber: '210103197908210624',
  phone: '13998765432',
  address: '辽宁省沈阳市皇姑区黄河南大街100号2单元301室',
  workplace: '沈阳某某建筑劳务有限公司',
  specialGroups: '农民工、妇女',
  agentName: '',
  agentRelation: '',
  caseNumber: '',
  cause: '劳动报酬争议',
  stage: '仲裁前',
  opponent: '沈阳某某建筑劳务有限公司',
  matter: '劳动争议仲裁代理',
  facts:
    '申请人自2025年3月起在对方承包的某某花园三期工地从事钢筋绑扎工作，约定日工资350元，按月结算。2025年8月至12月的工资共计38,500元至今未付，对方出具了欠条。申请人多次讨要未果，无力自行委托律师，特申请法律援助。',
  householdSize: '3',
  householdIncome: '2400',
  incomePerPerson: '800',
  hardship: '申请人丈夫因病长期卧床，无劳动能力；儿子在读高中。家庭仅靠申请人打零工维持生活，另有医疗欠款约两万元。',
  date: '2026-11-24',
};
