import type { DocumentValues } from '../../../../core/documents/template';

/** A wage dispute settled before a people's mediation committee, brought to court for confirmation. */
export const sample: DocumentValues = {
  applicants: [
    '赵𠮷，男，1985年6月12日出生，汉族，居民身份证号码210102198506120019，住辽宁省沈阳市和平区三好街8号，联系电话13812340000（委托代理人：王律师）',
    '沈阳某建筑劳务有限公司，住所地辽宁省沈阳市皇姑区黄河南大街100号，统一社会信用代码91210105MA0XXXXX1K，法定代表人赵某，联系电话024-86123456',
  ],
  cause: '劳务合同纠纷',
  facts: '申请人赵𠮷于2025年在申请人沈阳某建筑劳务有限公司承包的工地从事木工工作，双方因劳务报酬结算发生争议。',
  mediationOrg: '沈阳市和平区南湖街道人民调解委员会',
  mediationDate: '2026-11-20',
  terms: ['沈阳某建筑劳务有限公司于2026年12月20日前一次性向赵𠮷支付劳务报酬38,500元；', '赵𠮷放弃其他请求；', '双方就本纠纷再无其他争议。'],
  amountAgreed: '38500',
  payment: '一次性支付，于2026年12月20日前履行',
  court: '沈阳市和平区人民法院',
  attachments: ['调解协议书一份', '双方当事人身份证明、营业执照及法定代表人身份证明', '授权委托书一份'],
  applicationDate: '2026-11-24',
};
