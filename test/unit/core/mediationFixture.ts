/** A settled pre-litigation wage mediation, as the form sends it; tests override what they need. */
export function mediationFixture(overrides: Record<string, unknown> = {}) {
  return {
    type: 'pre_litigation',
    caseNumber: '',
    cause: '劳务合同纠纷',
    parties: [
      { name: '赵𠮷', role: 'applicant', representative: '王律师' },
      { name: '沈阳某建筑劳务有限公司', role: 'respondent' },
    ],
    date: '2026-11-20',
    place: '和平区人民法院诉讼服务中心',
    lawyerIds: ['lawyer-a'],
    outcome: 'agreement',
    terms: '被申请人于2026年12月20日前一次性支付拖欠工资38,500元。',
    amountAgreed: '38,500',
    paymentMethod: 'lump_sum',
    paymentDeadline: '2026-12-20',
    amountRecovered: '38500.00',
    becameLegalAidCase: false,
    ...overrides,
  };
}
