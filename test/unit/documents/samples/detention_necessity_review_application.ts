import type { DocumentValues } from '../../../../core/documents/template';

/** A first offender under arrest for theft, who has pleaded guilty and repaid the victim. */
export const sample: DocumentValues = {
  applicant: '王某某，男，1955年3月2日出生，汉族，住辽宁省沈阳市和平区南京北街2号，联系电话13912345678。',
  applicantRelation: '犯罪嫌疑人王𠮷之父',
  accusedTitle: '犯罪嫌疑人',
  accusedName: '王𠮷',
  accusedParticulars: '男，1980年1月1日出生，汉族，居民身份证号码21010219800101003X，住辽宁省沈阳市和平区南京北街2号',
  cause: '盗窃罪',
  caseNumber: '沈和检刑诉〔2026〕123号',
  handlingAuthority: '沈阳市和平区人民检察院',
  detentionInfo: '2026年11月1日被刑事拘留，2026年11月8日经沈阳市和平区人民检察院批准逮捕，现羁押于沈阳市第一看守所',
  request: '请求贵院对犯罪嫌疑人王𠮷进行羁押必要性审查，依法决定予以释放或者变更强制措施。',
  reasons:
    '一、犯罪嫌疑人王𠮷系初犯、偶犯，到案后如实供述，自愿认罪认罚，案件事实已基本查清，证据已收集固定。\n二、犯罪嫌疑人已全额退赔被害人损失6,800元，并取得被害人书面谅解。\n三、犯罪嫌疑人可能判处的刑罚较轻，有固定住所，其父愿意担任保证人，采取取保候审不致发生社会危险性。',
  attachments: ['被害人谅解书一份', '退赔款收条一份', '保证人身份证复印件一份'],
  procuratorate: '沈阳市和平区人民检察院',
  lawyerName: '刘䶮',
  date: '2026-11-24',
};
