import type { DocumentValues } from '../../../../core/documents/template';

/** A legal-aid recipient suing for wages asks to defer the court fee. */
export const sample: DocumentValues = {
  applicant: '王𠮷，男，1980年1月1日出生，汉族，居民身份证号码21010219800101003X，住辽宁省沈阳市和平区南京北街2号，联系电话13812345678。',
  reliefKind: '缓交',
  opponent: '沈阳某某建筑劳务有限公司',
  cause: '劳动争议',
  caseNumber: '',
  feeAmount: '381.50',
  ground: '申请人正在接受法律援助，属于《诉讼费用交纳办法》第四十七条第（三）项规定的情形',
  reasons:
    '申请人系进城务工人员，被拖欠工资38,500元，现无固定收入，家中有年迈父母需要赡养，两名子女在校读书，一时无力预交诉讼费用。沈阳市皇姑区法律援助中心已决定给予申请人法律援助。',
  attachments: ['法律援助中心指派律师函一份', '经济困难状况个人诚信承诺书一份'],
  court: '沈阳市皇姑区人民法院',
  lawyerName: '刘䶮',
  date: '2026-03-02',
};
