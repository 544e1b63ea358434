import type { DocumentValues } from '../../../../core/documents/template';

/** A tenant answers a landlord's claim for rent. */
export const sample: DocumentValues = {
  respondent: '周玉兰，女，1958年4月12日出生，汉族，住辽宁省沈阳市和平区三好街12号，联系电话13604001234。',
  respondentAgent: '',
  claimant: '吴某某，男，1970年1月5日出生，汉族，住辽宁省沈阳市皇姑区崇山中路8号。',
  claimantName: '吴某某',
  respondentName: '周玉兰',
  cause: '房屋租赁合同纠纷',
  caseNumber: '（2026）辽0102民初7890号',
  requests: ['请求驳回原告要求支付2026年7月至9月租金的诉讼请求；', '本案诉讼费用由原告承担。'],
  reasons: '答辩人已于2026年7月1日通过银行转账向原告支付2026年7月至9月租金共计4,500元，有转账记录为证。原告主张答辩人欠付租金，与事实不符。',
  evidence: ['银行转账记录一份，证明答辩人已支付租金。'],
  court: '沈阳市和平区人民法院',
  date: '2026-11-24',
};
