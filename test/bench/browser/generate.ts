// The bench's data: realistic, varied consultations from a fixed random sequence. Its own
// file because the seeded profile is reused while this (and the storage code) is unchanged.
import { idCheckCharacter } from '../../../core/validation/idNumber';
import { toRfc3339 } from '../../../core/time/rfc3339';
import { createConsultationInputSchema, type Consultation } from '../../../core/consultations/schema';
import { DEFAULT_ENUMERATIONS } from '../../../core/domain/enums';
import { deriveSpecialGroups } from '../../../core/consultations/derive';

const consultationInputSchema = createConsultationInputSchema(DEFAULT_ENUMERATIONS);

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红建国建华志强海燕文斌俊凤梅鑫宇浩然子轩欣怡梓涵一诺宇航思远嘉怡晨曦佳琪雨桐堃喆䶮𠮷';
const CAUSES = [
  '盗窃罪',
  '诈骗罪',
  '故意伤害罪',
  '危险驾驶罪',
  '寻衅滋事罪',
  '帮助信息网络犯罪活动罪',
  '掩饰、隐瞒犯罪所得罪',
  '开设赌场罪',
  '交通肇事罪',
  '非法拘禁罪',
];
const CIVIL = [
  '民间借贷纠纷',
  '劳务合同纠纷',
  '追索劳动报酬纠纷',
  '离婚纠纷',
  '机动车交通事故责任纠纷',
  '房屋租赁合同纠纷',
  '赡养纠纷',
  '抚养费纠纷',
  '工伤保险待遇纠纷',
  '物业服务合同纠纷',
];
const QUESTIONS = [
  '家属询问能否申请取保候审，需要准备哪些材料',
  '被告知涉嫌{c}，询问可能判处的刑罚和认罪认罚从宽的规定',
  '公司拖欠工资三个月，询问如何追讨以及是否需要先申请劳动仲裁',
  '对方借款到期不还，有借条和转账记录，询问如何起诉',
  '在工地受伤后包工头不承认劳动关系，询问工伤认定程序',
  '丈夫长期家暴，询问如何申请人身安全保护令和离婚',
  '儿子被刑事拘留，家属询问会见和委托辩护人的程序',
  '交通事故对方全责但拒绝赔偿，询问诉讼时效和赔偿项目',
  '检察院建议适用速裁程序，询问签署具结书的后果',
  '父母年迈子女不履行赡养义务，询问如何主张赡养费',
];
const ADVICE = [
  '告知取保候审的条件和申请程序，建议由近亲属向办案机关提出书面申请',
  '释明认罪认罚从宽制度的性质和法律规定，建议核实量刑建议后再签署具结书',
  '建议先向劳动人事争议仲裁委员会申请仲裁，保留考勤记录、工资条和聊天记录',
  '建议整理借条、转账凭证，向被告住所地人民法院提起民事诉讼',
  '告知工伤认定申请期限为一年，建议先申请确认劳动关系',
  '建议立即申请人身安全保护令，并保留报警记录、伤情照片和病历',
  '告知值班律师可提供法律帮助，建议申请法律援助指派辩护律师',
  '建议收集事故认定书和医疗费票据，在三年诉讼时效内起诉',
  '告知速裁程序的适用条件，对罪名和量刑建议提出意见',
  '建议先行调解，调解不成可向人民法院起诉要求支付赡养费',
];
const COURTS = ['辽0102', '辽0103', '辽0104', '辽0105', '辽01', '京0105', '沪0115', '粤0106'];

// mulberry32: 32-bit integer arithmetic throughout (Math.imul), so the sequence has its
// full period. The LCG this replaced multiplied in doubles, lost bits past 2^53 and
// repeated after ~10,000 draws: 100,000 "varied" records were ~400 contents, each ID
// number and case number stored ~250 times.
let rngState = 20261123;
function rand(): number {
  rngState = (rngState + 0x6d2b79f5) | 0;
  let t = rngState;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const chars = (s: string) => [...s];

function idNumber(birth: Date): string {
  const region = pick(['210102', '210103', '210104', '110105', '310115', '440106']);
  const ymd = birth.toISOString().slice(0, 10).replace(/-/g, '');
  const seq = String(Math.floor(rand() * 999)).padStart(3, '0');
  // Gender follows the sequence's parity; callers read it back from the number.
  const first = region + ymd + seq;
  return first + idCheckCharacter(first);
}

interface Person {
  name: string;
  birth: Date;
  idNumber?: string;
  phone: string;
}

/** Recent clients: about one contact in twelve is a person who came before (a repeat visitor). */
const recent: Person[] = [];

function person(): Person {
  if (recent.length > 0 && rand() < 0.08) return recent[Math.floor(rand() * recent.length)]!;
  const birth = new Date(Date.UTC(1950 + Math.floor(rand() * 55), Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)));
  const p: Person = {
    name: pick(chars(SURNAMES)) + pick(chars(GIVEN)) + (rand() < 0.6 ? pick(chars(GIVEN)) : ''),
    birth,
    phone: `1${pick(['38', '39', '58', '86', '35'])}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`,
  };
  if (rand() < 0.8) p.idNumber = idNumber(birth);
  recent.push(p);
  if (recent.length > 2000) recent.shift();
  return p;
}

export function makeConsultation(
  i: number,
  start: number,
  span: number,
): Omit<Consultation, 'id' | 'rev' | 'createdAt' | 'updatedAt' | 'deleted'> & { ownerId: string } {
  const criminal = rand() < 0.6;
  const time = new Date(start + Math.floor((i / 100_000) * span) + Math.floor(rand() * 3_600_000));
  const who = person();
  const birthDate = who.birth.toISOString().slice(0, 10);
  const cause = criminal ? pick(CAUSES) : pick(CIVIL);
  const hasId = who.idNumber !== undefined;
  const q = pick(QUESTIONS).replace('{c}', cause);
  const groups = deriveSpecialGroups([...(rand() < 0.15 ? ['migrant_worker'] : []), ...(rand() < 0.3 ? ['woman'] : [])], { birthDate, contactTime: time });
  const c = {
    time: toRfc3339(time),
    lawyerId: `lawyer-${1 + (i % 12)}`,
    place: criminal ? 'detention_centre' : 'court_service_centre',
    clientRole: criminal ? pick(['suspect', 'defendant', 'close_relative']) : 'party',
    clientName: who.name,
    idType: hasId ? 'resident_id' : 'none',
    ...(hasId ? { idNumber: who.idNumber, birthDate } : { birthDate }),
    gender: 'male',
    phone: who.phone,
    address: `沈阳市${pick(['和平区', '沈河区', '皇姑区', '大东区', '铁西区'])}${pick(['南京南街', '中山路', '北陵大街', '黄河北大街'])}${1 + Math.floor(rand() * 300)}号`,
    specialGroups: groups,
    caseType: criminal ? 'criminal' : 'civil',
    ...(criminal ? { criminalStage: pick(['investigation', 'prosecution_review', 'trial']) } : {}),
    ...(rand() < 0.7 ? { caseNumber: `（${time.getUTCFullYear()}）${pick(COURTS)}${criminal ? '刑初' : '民初'}${1 + Math.floor(rand() * 9999)}号` } : {}),
    cause,
    helpTypes: criminal
      ? ['legal_consultation', pick(['procedure_advice', 'change_compulsory_measures', 'plea_explain', 'meeting'])]
      : ['legal_consultation', pick(['document_drafting', 'litigation_guidance', 'litigation_mediation'])],
    question: q,
    advice: pick(ADVICE),
    durationMinutes: 5 + Math.floor(rand() * 40),
    followUpNeeded: false,
    legalAidOutcome: rand() < 0.8 ? 'not_needed' : pick(['applied', 'transferred']),
    aidMatters: [],
    noFixedIncome: false,
    disabilities: [],
    mayFaceLifeOrDeath: false,
    ownerId: `lawyer-${1 + (i % 12)}`,
  };
  const out = c as Record<string, unknown>;
  const id = out.idNumber as string | undefined;
  out.gender = id ? (Number(id[16]) % 2 === 1 ? 'male' : 'female') : rand() < 0.5 ? 'male' : 'female';
  return out as never;
}

/**
 * Seeded records must be ones the form would accept, and as varied as a real log: nearly
 * every ID and case number its own (a generator that repeats itself makes every search
 * look up postings hundreds of times longer than a station's).
 */
export function checkGenerated(n: number): string[] {
  const problems: string[] = [];
  const idNumbers = new Set<string>();
  const caseNumbers = new Set<string>();
  let withId = 0;
  let withCase = 0;
  for (let i = 0; i < n; i++) {
    const { ownerId: _o, ...input } = makeConsultation(i, Date.parse('2025-12-01T00:00:00Z'), 360 * 86_400_000);
    const r = consultationInputSchema.safeParse(input);
    if (!r.success) problems.push(r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; '));
    if (input.idNumber) {
      withId++;
      idNumbers.add(input.idNumber);
    }
    if (input.caseNumber) {
      withCase++;
      caseNumbers.add(input.caseNumber);
    }
  }
  if (idNumbers.size < withId * 0.85) problems.push(`only ${idNumbers.size} distinct ID numbers in ${withId}`);
  if (caseNumbers.size < withCase * 0.95) problems.push(`only ${caseNumbers.size} distinct case numbers in ${withCase}`);
  return problems;
}
