import { elementComplaint, elementDefence, type CaseTypeSpec } from './common';
import { COMPLAINT_BASIS, CONTRACT_BASIS_HINT, DEFENCE_BASIS } from './basis';

/** 物业服务合同纠纷. */
const spec: CaseTypeSpec = {
  type: 'property',
  cause: '物业服务合同纠纷',
  claims: [
    { key: 'serviceFee', label: '物业费', kind: 'money', hint: '截至×年×月×日止尚欠物业费' },
    { key: 'lateFee', label: '违约金', kind: 'money', hint: '截至×年×月×日止欠逾期物业费的违约金；是否请求支付至实际清偿之日止' },
  ],
  totalLabel: '标的总额',
  jurisdiction: true,
  facts: [
    { key: 'contractSigning', label: '物业服务合同或前期物业服务合同签订情况', hint: '名称、编号、签订时间、地点等' },
    { key: 'contractParties', label: '签订主体', hint: '业主／建设单位：；物业服务人：' },
    { key: 'project', label: '物业项目情况', hint: '坐落位置；面积；所有权人' },
    { key: 'feeStandard', label: '约定的物业费标准' },
    { key: 'servicePeriod', label: '约定的物业服务期限', hint: '×年×月×日起至×年×月×日止' },
    { key: 'paymentTerms', label: '约定的物业费支付方式' },
    { key: 'lateFeeStandard', label: '约定的逾期支付物业费违约金标准' },
    { key: 'arrears', label: '被告欠付物业费数额及计算方式' },
    { key: 'lateFeeOwed', label: '被告应付违约金数额及计算方式' },
    { key: 'collection', label: '催缴情况' },
    { key: 'otherFacts', label: '其他需要说明的内容' },
  ],
  basisLabel: '请求依据',
  basisHint: CONTRACT_BASIS_HINT,
  complaintBasis: `《中华人民共和国民法典》第九百三十七条、第九百四十四条；${COMPLAINT_BASIS}`,
  defenceBasis: DEFENCE_BASIS,
};

export const elementComplaintProperty = elementComplaint(spec);
export const elementDefenceProperty = elementDefence(spec);
export { spec as propertySpec };
