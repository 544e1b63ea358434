import type { DocumentValues } from '../../../../core/documents/template';

/** A victim of an intentional injury claims medical costs and lost wages in the criminal trial. */
export const sample: DocumentValues = {
  plaintiff: '李某某，女，1975年8月20日出生，汉族，居民身份证号码210102197508200028，住辽宁省沈阳市和平区十一纬路5号，联系电话13700001111。',
  plaintiffAgent: '',
  defendant: '张䶮，男，1990年2月14日出生，汉族，居民身份证号码210103199002140011，住辽宁省沈阳市沈河区青年大街20号，现羁押于沈阳市第一看守所。',
  accusedName: '张䶮',
  cause: '故意伤害罪',
  caseNumber: '（2026）辽0102刑初456号',
  claims: [
    '判令被告人赔偿原告人医疗费12,600元；',
    '判令被告人赔偿原告人误工费9,000元；',
    '判令被告人赔偿原告人护理费3,200元；',
    '判令被告人赔偿原告人交通费360.50元。',
  ],
  claimsTotal: '',
  facts:
    '2026年6月3日晚，被告人张䶮在沈阳市和平区某烧烤店因琐事与原告人发生争执，持啤酒瓶击打原告人头部，致原告人头皮裂伤、左前臂骨折，经鉴定为轻伤二级。原告人住院治疗21天，支出医疗费12,600元，误工三个月。',
  evidence: ['住院病历及医疗费票据，证明医疗费支出；', '单位出具的误工证明及工资流水，证明误工损失；', '护理人员身份证明及交通费票据。'],
  court: '沈阳市和平区人民法院',
  lawyerName: '刘䶮',
  copies: '1',
  date: '2026-09-10',
};
