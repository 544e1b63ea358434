import type { DocumentValues } from '../../../../core/documents/template';

/** A migrant worker's wage claim after the arbitration award went against him in part. */
export const sample: DocumentValues = {
  plaintiffs: [
    '张建军，男，1982年6月14日出生，汉族，无固定工作单位，职务：钢筋工，联系电话：13904001122，住所地（户籍所在地）：辽宁省铁岭市昌图县亮中桥镇新立村3组，经常居住地：沈阳市铁西区兴华南街58号，证件类型：居民身份证，证件号码：211224198206140417',
  ],
  plaintiffAgent: '刘明，辽宁某某律师事务所，律师，联系电话：13898001234，代理权限：特别授权（法律援助）',
  serviceAddress: '沈阳市铁西区兴华南街58号2单元301室',
  serviceRecipient: '张建军',
  servicePhone: '13904001122',
  eService: '是',
  eServiceWay: '短信：13904001122',
  defendants: [
    '沈阳某某建筑劳务有限公司，住所地：沈阳市皇姑区黄河南大街100号，法定代表人：赵国华，职务：执行董事，联系电话：024-86120000，统一社会信用代码：91210105MA0XXXXX1A，类型：有限责任公司，民营',
    '沈阳某某建设集团有限公司，住所地：沈阳市和平区南京南街1号，法定代表人：孙立新，职务：董事长，联系电话：024-23450000，统一社会信用代码：91210102MA0XXXXX2B，类型：有限责任公司，民营',
  ],
  thirdParties: [],
  wageAmount: '38500',
  wageDetail: '2025年8月1日至2025年12月31日工资，每月7,700元，共5个月',
  doubleWageAmount: '53900',
  doubleWageDetail: '2025年4月1日至2025年10月31日未签订书面劳动合同，每月另付一倍工资7,700元，共7个月（《中华人民共和国劳动合同法》第八十二条）',
  overtimeAmount: '',
  overtimeDetail: '',
  annualLeaveAmount: '',
  annualLeaveDetail: '',
  socialInsuranceAmount: '',
  socialInsuranceDetail: '',
  severanceAmount: '7700',
  severanceDetail:
    '因被告拖欠工资，原告于2026年1月5日以书面通知解除劳动合同；工作10个月，按1个月工资7,700元计算（《中华人民共和国劳动合同法》第三十八条、第四十六条、第四十七条）',
  unlawfulDismissalAmount: '',
  unlawfulDismissalDetail: '',
  costsClaimed: '是',
  otherClaims: '判令被告沈阳某某建设集团有限公司对上述款项承担清偿责任',
  preservedBeforeSuit: '否',
  preservationCourt: '',
  preservationDate: '',
  preservationCaseNumber: '',
  applyPreservation: '是',
  facts:
    '原告自2025年3月1日起在被告沈阳某某建筑劳务有限公司承包的某某花园三期工地从事钢筋绑扎工作，月工资7,700元，双方未签订书面劳动合同。该工程的施工总承包单位为被告沈阳某某建设集团有限公司。\n被告自2025年8月起拖欠原告工资，原告多次讨要未果，于2026年1月5日书面通知解除劳动合同，并向沈阳市皇姑区劳动人事争议仲裁委员会申请仲裁。仲裁委员会裁决被告支付工资38,500元，驳回其他请求。原告对裁决不服，依法提起诉讼。',
  contractSigning: '双方未签订书面劳动合同；原告持有工地出入证、考勤表及工资支付记录',
  contractPerformance:
    '原告2025年3月1日入职，岗位为钢筋工，工作地点为某某花园三期工地，约定月工资7,700元，按月现金或转账支付；被告未为原告办理社会保险；2025年8月起工资未发放',
  termination: '因被告未及时足额支付劳动报酬，原告于2026年1月5日书面通知被告解除劳动合同',
  workInjury: '无',
  arbitration:
    '2026年1月12日申请仲裁，请求支付工资、二倍工资及经济补偿；2026年3月2日沈阳市皇姑区劳动人事争议仲裁委员会作出皇劳人仲字〔2026〕第118号裁决书，裁决支付工资38,500元，驳回其他请求；原告于2026年3月6日收到裁决书',
  otherCircumstances: '原告系农民工',
  claimBasis: '《中华人民共和国劳动合同法》第十条、第三十条、第三十八条、第四十六条、第四十七条、第八十二条；《保障农民工工资支付条例》第三十条',
  evidence: [
    '工地出入证、考勤表，证明劳动关系及出勤情况',
    '微信转账记录及工资表，证明工资标准',
    '解除劳动合同通知书及快递单，证明解除事由及时间',
    '皇劳人仲字〔2026〕第118号仲裁裁决书及送达回证，证明仲裁前置程序及起诉期限',
  ],
  mediationKnown: '了解',
  mediationBenefitsKnown: '了解',
  mediationFirst: '是',
  court: '沈阳市皇姑区人民法院',
  signer: '张建军',
  date: '2026-03-16',
};
