import { z } from 'zod';

/**
 * Enumerations as data. Codes are stable ASCII snake_case: they are stored in records,
 * exported in batches and counted in statistics, so a code never changes meaning once
 * shipped. Labels are what users read. A province adds entries in settings
 * (mergeEnumerations), never by a code change.
 */
export interface EnumEntry {
  code: string;
  label: string;
}

/** Which cases an entry applies to; 'civil' stands for civil, administrative and other non-criminal matters. */
export type CaseScope = 'criminal' | 'civil' | 'any';

export interface HelpTypeEntry extends EnumEntry {
  scope: CaseScope;
  /** Part of plea-leniency (认罪认罚) work; counted separately in statistics. */
  pleaLeniency?: boolean;
}

export interface CaseTypeEntry extends EnumEntry {
  /** Which help types fit this case type, and whether criminal fields (stage, Art. 25) apply. */
  scope: 'criminal' | 'civil';
}

export interface ClientRoleEntry extends EnumEntry {
  /** Suspect or defendant: the person Art. 25 mandatory defence is about. */
  accused?: boolean;
  /** A party only criminal proceedings know (victim, private prosecutor, incidental civil plaintiff). */
  criminalOnly?: boolean;
  /**
   * A party Art. 29 gives legal aid as an agent ad litem (诉讼代理人), subject to the means
   * test; in a criminal case only (a legal representative also appears in civil cases).
   */
  article29?: boolean;
}

export interface SpecialGroupEntry extends EnumEntry {
  /** Membership alone exempts from the means test (Art. 42); the text cites the article. */
  noMeansTest?: string;
  /** Exempt from the means test when without a fixed income (Art. 42(1)). */
  noMeansTestWithoutFixedIncome?: boolean;
}

export interface DisabilityEntry extends EnumEntry {
  /** Makes an appointed defence lawyer mandatory for a suspect or defendant (Art. 25); the text is the reason shown. */
  mandatoryDefence?: string;
  /** The suspect need not sign a plea statement (CPL Art. 174 para. 2 (1)); the text is the warning shown. */
  pledgeNotRequired?: string;
}

/**
 * Art. 42 (四) "法律、法规、规章规定的其他人员" and Art. 32 (五) "法律、法规、规章规定的其他情形":
 * grounds a province's own rules add to the exemptions from the means test. None is built in.
 */
export interface NoMeansTestGroundEntry extends EnumEntry {
  /** Which item of the Legal Aid Law the ground falls under. */
  item: 'art42_4' | 'art32_5';
  /** The law, regulation or rule that names it, e.g. '《某省法律援助条例》第十八条'. */
  basis: string;
}

export interface LegalAidOutcomeEntry extends EnumEntry {
  /** The record must say why (e.g. a refusal). */
  requiresReason?: boolean;
}

export interface LegalAidMatterEntry extends EnumEntry {
  /** Where the law lists the matter, e.g. '第三十一条第（五）项'. */
  article?: string;
  /** Applying for this matter is not subject to the means test; the text cites the article. */
  noMeansTest?: string;
  /** Exempt when the applicant is a migrant worker (Art. 42(3): wages, work injury). */
  noMeansTestForMigrantWorker?: boolean;
}

export interface EthnicGroupEntry extends EnumEntry {
  /** GB/T 3304 numeric code, used by provincial systems. */
  gbCode: string;
}

export interface Enumerations {
  helpTypes: HelpTypeEntry[];
  specialGroups: SpecialGroupEntry[];
  clientRoles: ClientRoleEntry[];
  criminalStages: EnumEntry[];
  caseTypes: CaseTypeEntry[];
  idTypes: EnumEntry[];
  genders: EnumEntry[];
  ethnicGroups: EthnicGroupEntry[];
  legalAidOutcomes: LegalAidOutcomeEntry[];
  legalAidMatters: LegalAidMatterEntry[];
  disabilities: DisabilityEntry[];
  /** 羁押 / 取保候审 / 监视居住 / 未被羁押, of a suspect or defendant. */
  custodyStatuses: EnumEntry[];
  noMeansTestGrounds: NoMeansTestGroundEntry[];
  consultationPlaces: EnumEntry[];
  mediationTypes: EnumEntry[];
  mediationOutcomes: EnumEntry[];
}

export type EnumerationName = keyof Enumerations;

const HELP_TYPES: HelpTypeEntry[] = [
  { code: 'legal_consultation', label: '法律咨询', scope: 'any' },
  // Criminal duties: Art. 30 Legal Aid Law and the 2020 Measures.
  { code: 'procedure_advice', label: '程序选择建议', scope: 'criminal' },
  { code: 'change_compulsory_measures', label: '申请变更强制措施', scope: 'criminal' },
  { code: 'case_handling_opinion', label: '对案件处理提出意见', scope: 'criminal' },
  { code: 'help_apply_legal_aid', label: '帮助申请法律援助', scope: 'criminal' },
  { code: 'plea_explain', label: '释明认罪认罚的性质和法律规定', scope: 'criminal', pleaLeniency: true },
  { code: 'plea_opinion', label: '对罪名、量刑建议、程序适用提出意见', scope: 'criminal', pleaLeniency: true },
  { code: 'plea_signing_presence', label: '认罪认罚具结书签署在场', scope: 'criminal', pleaLeniency: true },
  { code: 'meeting', label: '会见', scope: 'criminal' },
  { code: 'file_review', label: '阅卷', scope: 'criminal' },
  // Civil and administrative work at court stations.
  { code: 'document_drafting', label: '代写法律文书', scope: 'civil' },
  { code: 'litigation_mediation', label: '参与诉讼调解', scope: 'civil' },
  { code: 'litigation_guidance', label: '诉中指导帮助', scope: 'civil' },
  { code: 'accept_legal_aid_application', label: '受理法律援助申请', scope: 'civil' },
];

const SPECIAL_GROUPS: SpecialGroupEntry[] = [
  { code: 'migrant_worker', label: '农民工' },
  { code: 'minor', label: '未成年人', noMeansTestWithoutFixedIncome: true },
  { code: 'woman', label: '妇女' },
  { code: 'disabled', label: '残疾人', noMeansTestWithoutFixedIncome: true },
  { code: 'elderly', label: '老年人', noMeansTestWithoutFixedIncome: true },
  { code: 'military_family', label: '军人军属' },
  { code: 'veteran', label: '退役军人' },
  {
    code: 'social_assistance',
    label: '低保/特困等社会救助对象',
    noMeansTest: '社会救助对象免予核查经济困难状况（《法律援助法》第四十二条第（二）项）',
  },
  {
    code: 'judicial_aid',
    label: '司法救助对象',
    noMeansTest: '司法救助对象免予核查经济困难状况（《法律援助法》第四十二条第（二）项）',
  },
  {
    code: 'entitled_group',
    label: '优抚对象',
    noMeansTest: '优抚对象免予核查经济困难状况（《法律援助法》第四十二条第（二）项）',
  },
  { code: 'domestic_violence_victim', label: '家庭暴力受害人' },
  { code: 'hero_martyr_relative', label: '英雄烈士近亲属' },
  { code: 'good_samaritan', label: '见义勇为人员' },
];

const CLIENT_ROLES: ClientRoleEntry[] = [
  { code: 'suspect', label: '犯罪嫌疑人', accused: true },
  { code: 'defendant', label: '被告人', accused: true },
  // Art. 29 Legal Aid Law: the victim's side of a criminal case applies for an agent ad litem.
  { code: 'victim', label: '被害人', criminalOnly: true, article29: true },
  { code: 'private_prosecutor', label: '自诉人', criminalOnly: true, article29: true },
  { code: 'civil_plaintiff_incidental', label: '附带民事诉讼原告人', criminalOnly: true, article29: true },
  { code: 'legal_representative', label: '法定代理人', article29: true },
  { code: 'close_relative', label: '近亲属' },
  // Art. 29 names the victim's close relatives beside his legal representative (a victim who
  // died or cannot act). Kept apart from 近亲属, the accused's relative (Art. 24, 40), which is
  // listed first, so that typing 近亲属 picks the common case.
  { code: 'victim_close_relative', label: '被害人近亲属', criminalOnly: true, article29: true },
  { code: 'party', label: '当事人' },
  { code: 'other_public', label: '其他群众' },
];

const CRIMINAL_STAGES: EnumEntry[] = [
  { code: 'investigation', label: '侦查' },
  { code: 'prosecution_review', label: '审查起诉' },
  { code: 'trial', label: '审判' },
];

const CASE_TYPES: CaseTypeEntry[] = [
  { code: 'criminal', label: '刑事', scope: 'criminal' },
  { code: 'civil', label: '民事', scope: 'civil' },
  { code: 'administrative', label: '行政', scope: 'civil' },
  // Non-litigation matters get the civil-side help (drafting, accepting an application),
  // not meetings or file review, which only exist in criminal proceedings.
  { code: 'other', label: '其他/非诉', scope: 'civil' },
];

const ID_TYPES: EnumEntry[] = [
  { code: 'resident_id', label: '居民身份证' },
  { code: 'hk_macao_permit', label: '港澳居民来往内地通行证' },
  { code: 'taiwan_permit', label: '台湾居民来往大陆通行证' },
  { code: 'hk_macao_residence_permit', label: '港澳居民居住证' },
  { code: 'taiwan_residence_permit', label: '台湾居民居住证' },
  { code: 'foreign_permanent_resident', label: '外国人永久居留身份证' },
  { code: 'passport', label: '护照' },
  { code: 'none', label: '无/不详' },
];

export const RESIDENT_ID = 'resident_id';
export const HK_MACAO_RESIDENCE_PERMIT = 'hk_macao_residence_permit';
export const TAIWAN_RESIDENCE_PERMIT = 'taiwan_residence_permit';
export const NO_ID = 'none';

const GENDERS: EnumEntry[] = [
  { code: 'male', label: '男' },
  { code: 'female', label: '女' },
  { code: 'unknown', label: '不详' },
];

/** GB/T 3304 order; Han first as on every Chinese form. */
const ETHNIC_GROUPS: EthnicGroupEntry[] = [
  ['01', 'han', '汉族'],
  ['02', 'mongol', '蒙古族'],
  ['03', 'hui', '回族'],
  ['04', 'zang', '藏族'],
  ['05', 'uyghur', '维吾尔族'],
  ['06', 'miao', '苗族'],
  ['07', 'yi', '彝族'],
  ['08', 'zhuang', '壮族'],
  ['09', 'buyei', '布依族'],
  ['10', 'chosen', '朝鲜族'],
  ['11', 'manchu', '满族'],
  ['12', 'dong', '侗族'],
  ['13', 'yao', '瑶族'],
  ['14', 'bai', '白族'],
  ['15', 'tujia', '土家族'],
  ['16', 'hani', '哈尼族'],
  ['17', 'kazak', '哈萨克族'],
  ['18', 'dai', '傣族'],
  ['19', 'li', '黎族'],
  ['20', 'lisu', '傈僳族'],
  ['21', 'va', '佤族'],
  ['22', 'she', '畲族'],
  ['23', 'gaoshan', '高山族'],
  ['24', 'lahu', '拉祜族'],
  ['25', 'sui', '水族'],
  ['26', 'dongxiang', '东乡族'],
  ['27', 'naxi', '纳西族'],
  ['28', 'jingpo', '景颇族'],
  ['29', 'kirgiz', '柯尔克孜族'],
  ['30', 'tu', '土族'],
  ['31', 'daur', '达斡尔族'],
  ['32', 'mulao', '仫佬族'],
  ['33', 'qiang', '羌族'],
  ['34', 'blang', '布朗族'],
  ['35', 'salar', '撒拉族'],
  ['36', 'maonan', '毛南族'],
  ['37', 'gelao', '仡佬族'],
  ['38', 'xibe', '锡伯族'],
  ['39', 'achang', '阿昌族'],
  ['40', 'pumi', '普米族'],
  ['41', 'tajik', '塔吉克族'],
  ['42', 'nu', '怒族'],
  ['43', 'uzbek', '乌孜别克族'],
  ['44', 'russ', '俄罗斯族'],
  ['45', 'ewenki', '鄂温克族'],
  ['46', 'deang', '德昂族'],
  ['47', 'bonan', '保安族'],
  ['48', 'yugur', '裕固族'],
  ['49', 'gin', '京族'],
  ['50', 'tatar', '塔塔尔族'],
  ['51', 'derung', '独龙族'],
  ['52', 'oroqen', '鄂伦春族'],
  ['53', 'hezhen', '赫哲族'],
  ['54', 'monba', '门巴族'],
  ['55', 'lhoba', '珞巴族'],
  ['56', 'jino', '基诺族'],
  ['97', 'other', '其他'],
  ['98', 'foreign_origin', '外国血统'],
].map(([gbCode, code, label]) => ({ gbCode: gbCode!, code: code!, label: label! }));

const LEGAL_AID_OUTCOMES: LegalAidOutcomeEntry[] = [
  { code: 'not_needed', label: '无需申请' },
  { code: 'applied', label: '当场申请' },
  { code: 'transferred', label: '转交申请' },
  { code: 'refused', label: '不予受理或拒绝', requiresReason: true },
];

/** Matters of Art. 31 (civil and administrative legal aid) and Art. 32 (no means test). */
const LEGAL_AID_MATTERS: LegalAidMatterEntry[] = [
  { code: 'state_compensation', label: '请求国家赔偿', article: '第三十一条第（一）项' },
  { code: 'social_insurance_assistance', label: '请求社会保险待遇或者社会救助', article: '第三十一条第（二）项' },
  { code: 'pension', label: '请求发给抚恤金', article: '第三十一条第（三）项' },
  { code: 'support_maintenance', label: '请求给付赡养费、抚养费、扶养费', article: '第三十一条第（四）项' },
  { code: 'labour_relation', label: '请求确认劳动关系', article: '第三十一条第（五）项' },
  { code: 'unpaid_wages', label: '请求支付劳动报酬', article: '第三十一条第（五）项', noMeansTestForMigrantWorker: true },
  { code: 'capacity_declaration', label: '请求认定无民事行为能力或者限制民事行为能力', article: '第三十一条第（六）项' },
  { code: 'work_injury', label: '请求工伤事故人身损害赔偿', article: '第三十一条第（七）项', noMeansTestForMigrantWorker: true },
  {
    code: 'accident_injury',
    label: '请求交通事故、食品药品安全事故、医疗事故人身损害赔偿',
    article: '第三十一条第（七）项',
  },
  { code: 'environmental_damage', label: '请求环境污染、生态破坏损害赔偿', article: '第三十一条第（八）项' },
  {
    code: 'hero_martyr_personality',
    label: '英雄烈士近亲属维护英雄烈士的人格权益',
    article: '第三十二条第（一）项',
    noMeansTest: '英雄烈士近亲属为维护英雄烈士的人格权益申请法律援助，不受经济困难条件限制（《法律援助法》第三十二条第（一）项）',
  },
  {
    code: 'good_samaritan_rights',
    label: '因见义勇为行为主张相关民事权益',
    article: '第三十二条第（二）项',
    noMeansTest: '因见义勇为行为主张相关民事权益，不受经济困难条件限制（《法律援助法》第三十二条第（二）项）',
  },
  {
    code: 'retrial_acquittal_compensation',
    label: '再审改判无罪请求国家赔偿',
    article: '第三十二条第（三）项',
    noMeansTest: '再审改判无罪请求国家赔偿，不受经济困难条件限制（《法律援助法》第三十二条第（三）项）',
  },
  {
    code: 'abuse_violence_victim',
    label: '遭受虐待、遗弃或者家庭暴力的受害人主张相关权益',
    article: '第三十二条第（四）项',
    noMeansTest: '遭受虐待、遗弃或者家庭暴力的受害人主张相关权益，不受经济困难条件限制（《法律援助法》第三十二条第（四）项）',
  },
  { code: 'other_matter', label: '法律、法规、规章规定的其他情形', article: '第三十一条第（九）项' },
];

const PLEDGE_NOT_REQUIRED_BLIND_DEAF_MUTE = '盲、聋、哑人认罪认罚的，不需要签署认罪认罚具结书（《刑事诉讼法》第一百七十四条第二款第（一）项）';

const DISABILITIES: DisabilityEntry[] = [
  {
    code: 'visual',
    label: '视力残疾',
    mandatoryDefence: '视力残疾人（《法律援助法》第二十五条第一款第（二）项）',
    pledgeNotRequired: PLEDGE_NOT_REQUIRED_BLIND_DEAF_MUTE,
  },
  {
    code: 'hearing',
    label: '听力残疾',
    mandatoryDefence: '听力残疾人（《法律援助法》第二十五条第一款第（二）项）',
    pledgeNotRequired: PLEDGE_NOT_REQUIRED_BLIND_DEAF_MUTE,
  },
  {
    code: 'speech',
    label: '言语残疾',
    mandatoryDefence: '言语残疾人（《法律援助法》第二十五条第一款第（二）项）',
    pledgeNotRequired: PLEDGE_NOT_REQUIRED_BLIND_DEAF_MUTE,
  },
  {
    code: 'cannot_fully_recognise_conduct',
    label: '智力或精神残疾（不能完全辨认自己行为）',
    mandatoryDefence: '不能完全辨认自己行为的人（《法律援助法》第二十五条第一款第（三）项）',
    pledgeNotRequired: '尚未完全丧失辨认或者控制自己行为能力的精神病人认罪认罚的，不需要签署认罪认罚具结书（《刑事诉讼法》第一百七十四条第二款第（一）项）',
  },
  { code: 'physical', label: '肢体残疾' },
];

const CUSTODY_STATUSES: EnumEntry[] = [
  { code: 'detained', label: '羁押' },
  { code: 'bail', label: '取保候审' },
  { code: 'residential_surveillance', label: '监视居住' },
  { code: 'not_detained', label: '未被羁押' },
];

const CONSULTATION_PLACES: EnumEntry[] = [
  { code: 'court_service_centre', label: '法院诉讼服务中心' },
  { code: 'detention_centre', label: '看守所' },
  { code: 'procuratorate', label: '检察院' },
  { code: 'police_case_centre', label: '公安执法办案中心' },
  { code: 'legal_aid_centre', label: '法律援助中心' },
  { code: 'phone', label: '电话咨询' },
  { code: 'online', label: '网络咨询' },
  { code: 'other', label: '其他' },
];

const MEDIATION_TYPES: EnumEntry[] = [
  { code: 'pre_litigation', label: '诉前调解' },
  { code: 'in_litigation', label: '诉中调解' },
  { code: 'people_mediation', label: '人民调解' },
  { code: 'aid_mediation_link', label: '援调对接' },
];

const MEDIATION_OUTCOMES: EnumEntry[] = [
  { code: 'agreement', label: '达成协议' },
  { code: 'partial_agreement', label: '部分达成' },
  { code: 'no_agreement', label: '未达成' },
];

function deepFreeze<T>(lists: T): T {
  for (const list of Object.values(lists as object) as object[][]) {
    for (const entry of list) Object.freeze(entry);
    Object.freeze(list);
  }
  return Object.freeze(lists);
}

/** Built-in lists. Frozen: settings extend a copy, never these. */
export const DEFAULT_ENUMERATIONS: Readonly<Enumerations> = deepFreeze<Enumerations>({
  helpTypes: HELP_TYPES,
  specialGroups: SPECIAL_GROUPS,
  clientRoles: CLIENT_ROLES,
  criminalStages: CRIMINAL_STAGES,
  caseTypes: CASE_TYPES,
  idTypes: ID_TYPES,
  genders: GENDERS,
  ethnicGroups: ETHNIC_GROUPS,
  legalAidOutcomes: LEGAL_AID_OUTCOMES,
  legalAidMatters: LEGAL_AID_MATTERS,
  disabilities: DISABILITIES,
  custodyStatuses: CUSTODY_STATUSES,
  // Empty until a province names its own (settings).
  noMeansTestGrounds: [],
  consultationPlaces: CONSULTATION_PLACES,
  mediationTypes: MEDIATION_TYPES,
  mediationOutcomes: MEDIATION_OUTCOMES,
});

export type EnumerationExtensions = { [K in EnumerationName]?: Enumerations[K] };

/**
 * Adds a province's entries to the base lists. An extension may only add codes: an entry
 * whose code already exists is ignored, so a setting can neither drop nor relabel a
 * built-in code (records and statistics written elsewhere keep their meaning), and the
 * first of two duplicate extension entries wins.
 */
export function mergeEnumerations(base: Readonly<Enumerations>, extensions: EnumerationExtensions): Enumerations {
  const merged = {} as Record<EnumerationName, EnumEntry[]>;
  for (const name of Object.keys(base) as EnumerationName[]) {
    const list: EnumEntry[] = [...base[name]];
    const seen = new Set(list.map((e) => e.code));
    for (const entry of extensions[name] ?? []) {
      if (seen.has(entry.code)) continue;
      seen.add(entry.code);
      list.push({ ...entry });
    }
    merged[name] = list;
  }
  return merged as unknown as Enumerations;
}

/** The label of a code; an unknown code (e.g. from another province's batch) is shown as is. */
export function labelOf(list: readonly EnumEntry[], code: string): string {
  return list.find((e) => e.code === code)?.label ?? code;
}

export function findEntry<E extends EnumEntry>(list: readonly E[], code: string): E | undefined {
  return list.find((e) => e.code === code);
}

/** Whether a help type may be logged for a case type ('any' help fits every case). */
export function helpTypeFitsCase(helpType: HelpTypeEntry, caseType: CaseTypeEntry): boolean {
  return helpType.scope === 'any' || helpType.scope === caseType.scope;
}

// Extensions come from a settings file a person edited: validate before merging.
const codeSchema = z.string({ error: '编码应为文字' }).regex(/^[a-z][a-z0-9_]{0,39}$/, '编码只能包含小写字母、数字和下划线，并以字母开头（不超过 40 个字符）');
const labelSchema = z.string({ error: '名称应为文字' }).trim().min(1, '请填写名称').max(60, '名称不能超过 60 个字');
const entrySchema = z.object({ code: codeSchema, label: labelSchema });
const articleText = z.string().trim().min(1).max(200).optional();

export const enumerationExtensionsSchema = z
  .object({
    helpTypes: z.array(
      entrySchema.extend({
        scope: z.enum(['criminal', 'civil', 'any'], { error: '适用范围应为 criminal、civil 或 any' }),
        pleaLeniency: z.boolean().optional(),
      }),
    ),
    specialGroups: z.array(entrySchema.extend({ noMeansTest: articleText, noMeansTestWithoutFixedIncome: z.boolean().optional() })),
    clientRoles: z.array(entrySchema.extend({ accused: z.boolean().optional(), criminalOnly: z.boolean().optional(), article29: z.boolean().optional() })),
    criminalStages: z.array(entrySchema),
    caseTypes: z.array(entrySchema.extend({ scope: z.enum(['criminal', 'civil'], { error: '案件范围应为 criminal 或 civil' }) })),
    idTypes: z.array(entrySchema),
    genders: z.array(entrySchema),
    ethnicGroups: z.array(entrySchema.extend({ gbCode: z.string().regex(/^\d{2}$/, '民族代码应为 2 位数字') })),
    legalAidOutcomes: z.array(entrySchema.extend({ requiresReason: z.boolean().optional() })),
    legalAidMatters: z.array(
      entrySchema.extend({
        article: articleText,
        noMeansTest: articleText,
        noMeansTestForMigrantWorker: z.boolean().optional(),
      }),
    ),
    disabilities: z.array(entrySchema.extend({ mandatoryDefence: articleText, pledgeNotRequired: articleText })),
    custodyStatuses: z.array(entrySchema),
    noMeansTestGrounds: z.array(
      entrySchema.extend({
        item: z.enum(['art42_4', 'art32_5'], { error: '依据应为 art42_4（第四十二条第（四）项）或 art32_5（第三十二条第（五）项）' }),
        basis: z.string({ error: '请填写规定该情形的法律、法规或规章' }).trim().min(1, '请填写规定该情形的法律、法规或规章').max(200),
      }),
    ),
    consultationPlaces: z.array(entrySchema),
    mediationTypes: z.array(entrySchema),
    mediationOutcomes: z.array(entrySchema),
  })
  .partial();
