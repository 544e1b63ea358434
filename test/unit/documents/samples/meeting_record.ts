import type { DocumentValues } from '../../../../core/documents/template';

/** A duty lawyer's first meeting with a detainee who asked for one. */
export const sample: DocumentValues = {
  meetingTime: '2026年11月24日09时30分至10时15分',
  meetingPlace: '沈阳市第一看守所律师会见室',
  lawyerName: '刘䶮',
  stationName: '沈阳市第一看守所法律援助工作站',
  recorder: '周某',
  detaineeName: '王𠮷',
  detaineeParticulars: '男，1980年1月1日出生，汉族，居民身份证号码21010219800101003X，住辽宁省沈阳市和平区南京北街2号',
  cause: '盗窃罪',
  caseNumber: '沈和检刑诉〔2026〕123号',
  handlingAuthority: '沈阳市和平区人民检察院',
  record: [
    '问：我是沈阳市第一看守所法律援助工作站值班律师刘䶮，依照《中华人民共和国法律援助法》和《法律援助值班律师工作办法》为你提供法律帮助。本次会见的内容将记录在案，你是否清楚？',
    '答：清楚。',
    '问：你有什么问题需要咨询？',
    '答：我被抓进来以后家里人联系不上，我想知道能不能申请法律援助，认罪认罚以后会怎么判。',
    '问：你可以申请法律援助，我可以帮你填写申请表并在二十四小时内转交法律援助中心。认罪认罚是指你自愿如实供述，承认指控的犯罪事实，愿意接受处罚，可以依法从宽处理。是否认罪认罚由你自己决定。你听明白了吗？',
    '答：听明白了，我要申请法律援助。',
    '问：你还有什么要补充的吗？',
    '答：没有了。',
  ].join('\n'),
};
