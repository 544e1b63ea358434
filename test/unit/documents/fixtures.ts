import type { DocumentTemplate, DocumentValues, FieldDef } from '../../../core/documents/template';

/** A 2,000-character 事实与理由 built from varied sentences (not one repeated phrase). */
export function longFacts(): string {
  const sentences = [
    '申请人王𠮷自2025年3月起在被申请人承包的某某花园三期工地从事钢筋绑扎工作，双方口头约定日工资为人民币350元，按月结算。',
    '工作期间申请人服从工地管理，按时出勤，考勤记录由班组长张䶮登记，现有工友李某某、赵某某可以证明。',
    '2025年12月工程主体完工后，被申请人以“总包方尚未结算”为由拒绝支付申请人2025年8月至12月的工资，共计38,500元。',
    '申请人多次到被申请人处讨要，被申请人均推诿拖延；2026年1月申请人向劳动保障监察大队投诉，被申请人出具了欠条（见证据2）。',
    '根据《保障农民工工资支付条例》第三十条的规定，分包单位拖欠农民工工资的，由施工总承包单位先行清偿，再依法进行追偿。',
    '申请人家中有年迈父母需要赡养，子女尚在读书，拖欠工资已严重影响其家庭基本生活；',
    '为维护自身合法权益，申请人依据《中华人民共和国民事诉讼法》第一百二十二条的规定，特向贵院提起诉讼，恳请依法支持申请人的诉讼请求。',
  ];
  let text = '';
  let i = 0;
  while ([...text].length < 2000) {
    text += sentences[i % sentences.length]!;
    if (i % 3 === 2) text += '\n';
    i++;
  }
  return [...text].slice(0, 2000).join('').replace(/\n$/, '。');
}

const TEXT: Record<string, string> = {
  stationName: '辽宁省某某市看守所法律援助工作站',
  lawyerName: '刘䶮',
  clientName: '王𠮷',
  applicantName: '王𠮷',
  suspectName: '王𠮷',
  plaintiffName: '王𠮷',
  respondentName: '王𠮷',
  claimantName: '沈阳某某建筑劳务有限公司',
  gender: '男',
  ethnicity: '满族',
  idNumber: '21010219800101003X',
  phone: '13812345678',
  address: '辽宁省沈阳市和平区南京北街2号',
  workplace: '某某花园三期工地',
  clientRole: '犯罪嫌疑人',
  specialGroups: '农民工、老年人',
  caseType: '刑事',
  stage: '审查起诉',
  caseNumber: '（2026）辽0102刑初123号',
  cause: '盗窃罪',
  helpTypes: '法律咨询、程序选择建议',
  legalAidOutcome: '当场申请法律援助',
  helpTime: '2026年11月24日09时30分',
  legalAidCentre: '沈阳市和平区法律援助中心',
  agentName: '王某某',
  agentRelation: '父子',
  opponent: '沈阳某某建筑劳务有限公司',
  matter: '刑事辩护',
  householdSize: '4',
  incomeSources: '务工收入',
  receivedAt: '2026年11月23日16时10分',
  contact: '周某',
  contactPhone: '024-12345678',
  currentMeasure: '2026年11月1日被刑事拘留，现羁押于沈阳市第一看守所',
  guarantee: '由其父王某某提供保证',
  requestedMeasure: '取保候审',
  addressee: '沈阳市和平区人民检察院',
  court: '沈阳市和平区人民法院',
  copies: '1',
  mediationType: '诉前调解',
  payment: '2026年12月31日前一次性银行转账支付',
  place: '和平区人民法院诉讼服务中心调解室',
  mediatorName: '陈某',
  reliefKind: '缓交',
  partyTitle: '犯罪嫌疑人',
  applicantRelation: '犯罪嫌疑人本人',
  applicantContact: '住辽宁省沈阳市和平区南京北街2号，联系电话13812345678',
  workDone: '经会见犯罪嫌疑人、查阅案卷材料',
  transferUnit: '辽宁省某某市看守所',
  transferredAt: '2026年11月24日09时50分',
  registeredResidence: '辽宁省沈阳市和平区',
  applicantRole: '犯罪嫌疑人',
  aidType: '刑事辩护',
  handlingAuthority: '沈阳市和平区人民检察院',
  custodyStatus: '羁押',
  hasDefenceCounsel: '没有辩护人',
  pleaLeniency: '是',
  mediationOrg: '沈阳市和平区人民法院诉讼服务中心人民调解委员会',
  signatory1: '申请人王𠮷',
  signatory2: '被申请人沈阳某某建筑劳务有限公司',
  guarantorName: '王某某',
  guarantorIdNumber: '210102195501010018',
  guarantorRelation: '父子',
  guarantorContact: '住辽宁省沈阳市和平区南京北街2号，联系电话13912345678',
};

/** Fields a realistic paper leaves empty: signature rows beyond the two parties of the fixture. */
const EMPTY = new Set(['signatory3', 'signatory4', 'signatory5', 'signatory6']);

const MULTI: Record<string, string> = {
  question: '被羁押后家属未能联系，询问是否可以申请法律援助以及认罪认罚的后果。',
  advice: '告知其有权申请法律援助；解释认罪认罚从宽制度的适用条件和法律后果。\n建议如实供述，并就取保候审提出申请。',
  followUp: '三日内跟进法律援助申请受理情况。',
  hardship: '申请人系农民工，无固定收入，父母年迈多病，两名子女在校读书。',
  plaintiff: '王𠮷，男，1980年1月1日出生，满族，住辽宁省沈阳市和平区南京北街2号，证件号码21010219800101003X，联系电话13812345678。',
  plaintiffAgent: '刘䶮，辽宁省某某市看守所法律援助工作站值班律师。',
  defendant: '沈阳某某建筑劳务有限公司，住所地沈阳市皇姑区黄河南大街100号，法定代表人赵某。',
  respondent: '王𠮷，男，1980年1月1日出生，满族，住辽宁省沈阳市和平区南京北街2号。',
  respondentAgent: '刘䶮，值班律师。',
  claimant: '沈阳某某建筑劳务有限公司，住所地沈阳市皇姑区黄河南大街100号。',
  chargeOpinion: '现有证据不能证明犯罪嫌疑人具有非法占有目的，盗窃数额的认定存在疑问。',
  sentencingOpinion: '犯罪嫌疑人系初犯、偶犯，认罪认罚，已退赃并取得被害人谅解，建议从轻处罚并适用缓刑。',
  procedureOpinion: '建议适用速裁程序。',
  currentMeasure: '2026年11月1日因涉嫌盗窃罪被沈阳市公安局和平分局刑事拘留，2026年11月8日经沈阳市和平区人民检察院批准逮捕，现羁押于沈阳市第一看守所。',
  mandatoryDefence: '可能被判处无期徒刑、死刑的人（《法律援助法》第二十五条第一款第（四）项）。',
};

const LISTS: Record<string, string[]> = {
  attachments: ['法律援助申请表', '经济困难状况个人诚信承诺书', '身份证复印件'],
  papersSubmitted: ['身份证明材料复印件', '经济困难状况个人诚信承诺书', '欠条复印件'],
  claims: [
    '判令被告支付拖欠工资人民币38,500元；',
    '判令被告支付逾期付款利息（以38,500元为基数，自2026年1月1日起按LPR计算至实际给付之日止）；',
    '本案诉讼费用由被告承担。',
  ],
  evidence: ['欠条一份，证明被告拖欠工资的事实；', '考勤记录及工友证言，证明劳动关系。'],
  requests: ['请求驳回原告的全部诉讼请求；', '本案诉讼费用由原告承担。'],
  parties: ['申请人：王𠮷，男，1980年1月1日出生，住沈阳市和平区南京北街2号。', '被申请人：沈阳某某建筑劳务有限公司，法定代表人赵某。'],
  terms: ['被申请人于2026年12月31日前向申请人支付工资人民币38,500元；', '申请人放弃其他诉讼请求；', '双方就本纠纷再无其他争议。'],
};

const LONG_FIELDS = new Set(['facts', 'reasons', 'caseSummary']);

function valueFor(field: FieldDef): string | string[] {
  if (EMPTY.has(field.name)) return '';
  if (field.type === 'list') return LISTS[field.name] ?? [`${field.label}一`, `${field.label}二`];
  if (field.type === 'date') return field.name === 'birthDate' ? '1980-01-01' : '2026-11-24';
  if (field.type === 'money')
    return { householdIncome: '3600', incomePerPerson: '900', amountAgreed: '38500', claimsTotal: '38500', feeAmount: '900' }[field.name] ?? '1000';
  if (LONG_FIELDS.has(field.name)) return longFacts();
  if (field.type === 'multiline') return MULTI[field.name] ?? `${field.label}的具体内容。`;
  return TEXT[field.name] ?? `${field.label}内容`;
}

/** Realistic values for every field of a template, with rare characters and one 2,000-character text. */
export function realisticValues(template: DocumentTemplate): DocumentValues {
  const values: DocumentValues = {};
  for (const f of template.fields) {
    const v = valueFor(f);
    // The 2,000-character text goes in the template's main prose field.
    values[f.name] = f.type === 'multiline' && !LONG_FIELDS.has(f.name) && f.name === mainProse(template) ? longFacts() : v;
  }
  // 一式N份: each of the fixture's two parties and the mediating body.
  if (template.kind === 'mediation_agreement') values.copies = '3';
  return values;
}

/** Templates without facts/reasons carry the long text in their largest multiline field. */
function mainProse(template: DocumentTemplate): string | undefined {
  if (template.fields.some((f) => LONG_FIELDS.has(f.name))) return undefined;
  return [...template.fields].filter((f) => f.type === 'multiline').sort((a, b) => (b.max ?? 0) - (a.max ?? 0))[0]?.name;
}
