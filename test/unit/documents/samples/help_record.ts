import type { DocumentValues } from '../../../../core/documents/template';

/** A detainee seen at a detention-centre station, asking about legal aid and plea leniency. */
export const sample: DocumentValues = {
  stationName: '沈阳市第一看守所法律援助工作站',
  helpTime: '2026年11月24日09时30分',
  lawyerName: '刘明远',
  clientName: '王建国',
  gender: '男',
  birthDate: '1986-03-12',
  clientRole: '犯罪嫌疑人',
  idNumber: '210102198603120317',
  phone: '13840012345',
  address: '辽宁省沈阳市和平区南京北街2号3单元502室',
  specialGroups: '农民工',
  caseType: '刑事',
  stage: '审查起诉',
  caseNumber: '沈和检刑诉〔2026〕1123号',
  cause: '盗窃罪',
  helpTypes: '法律咨询、程序选择建议、申请变更强制措施',
  question:
    '本人于2026年11月1日因涉嫌盗窃被刑事拘留，现羁押于看守所。家属尚未委托律师。想了解能否申请法律援助、认罪认罚对量刑有何影响，以及能否申请取保候审。',
  advice:
    '一、告知其有权向法律援助机构申请法律援助，可由值班律师代为转交申请。\n二、解释认罪认罚从宽制度：如实供述、同意量刑建议并签署具结书的，可以依法从宽处理；是否认罪认罚由本人自愿决定。\n三、其系初犯，涉案金额较小，已退赃，可以申请取保候审，已协助起草申请书。',
  legalAidOutcome: '当场提出法律援助申请，已转交沈阳市和平区法律援助中心',
  followUp: '三日内跟进法律援助申请的受理情况；向检察院递交取保候审申请书。',
};
