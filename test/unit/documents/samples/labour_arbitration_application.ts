import type { DocumentValues } from '../../../../core/documents/template';

/** A migrant steel-fixer owed five months' wages by a labour subcontractor. */
export const sample: DocumentValues = {
  applicant: '王𠮷，男，1980年1月1日出生，汉族，居民身份证号码21010219800101003X，住辽宁省沈阳市和平区南京北街2号，联系电话13812345678。',
  applicantOccupation: '钢筋工',
  applicantWorkplace: '沈阳某某建筑劳务有限公司某某花园三期项目工地',
  employerName: '沈阳某某建筑劳务有限公司',
  employerCreditCode: '91210105MA0XXXXX1K',
  employerAddress: '辽宁省沈阳市皇姑区黄河南大街100号',
  employerRepresentative: '赵某',
  employerRepresentativeTitle: '执行董事',
  employerPhone: '024-86123456',
  claims: [
    '裁决被申请人支付申请人2025年8月至12月工资38,500元；',
    '裁决被申请人支付申请人未签订书面劳动合同的二倍工资差额19,250元；',
    '裁决被申请人支付申请人解除劳动关系经济补偿金7,700元（暂计至2025年12月31日）。',
  ],
  claimsTotal: '65450',
  facts:
    '申请人自2025年3月1日起在被申请人承包的某某花园三期项目工地从事钢筋绑扎工作，双方口头约定日工资350元，按月结算，被申请人未与申请人签订书面劳动合同。\n2025年12月工程主体完工后，被申请人以总包方尚未结算为由拒绝支付申请人2025年8月至12月的工资共计38,500元，并于2025年12月31日通知申请人不再用工。申请人多次讨要未果。\n根据《中华人民共和国劳动合同法》第三十条、第四十六条、第八十二条的规定，被申请人应当足额支付劳动报酬、二倍工资差额和经济补偿。为维护自身合法权益，特申请仲裁。',
  evidence: [
    '考勤记录一份（班组长张䶮登记），证明申请人出勤情况；',
    '被申请人出具的欠条一份，证明拖欠工资数额；',
    '证人李某某、赵某某（住沈阳市皇姑区），证明劳动关系。',
  ],
  commission: '沈阳市皇姑区劳动人事争议仲裁委员会',
  lawyerName: '刘䶮',
  copies: '1',
  date: '2026-01-15',
};
