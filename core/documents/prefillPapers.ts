import type { Consultation } from '../consultations/schema';
import type { MediationInput } from '../mediations/schema';
import { findEntry, type Enumerations } from '../domain/enums';
import { checkNoMeansTest } from '../rules/meansTest';
import type { FieldValue } from './template';

/**
 * Facts for the papers stations write every day (会见笔录, 羁押必要性审查申请书, 劳动仲裁
 * and 支付令 applications, 司法确认, fee relief, 附带民事起诉状, and the legal-aid desk's
 * receipt and one-time notice), under the field names those templates use. The facts
 * common to every kind (the client's description, case number, cause, dates) come from
 * prefill.ts and are passed in as `base`, so that a client is described one way only.
 */
export interface PaperPrefillInput {
  consultation?: Consultation;
  mediation?: MediationInput;
  station: { name: string } | null;
  lawyerName?: string;
  today: string;
  enums: Enumerations;
}

const ACCUSED_ROLES = new Set(['suspect', 'defendant']);

/** Fields other helpers add to the consultation (SHARED-NAMES.md), read defensively until they exist here. */
function optionalText(c: Consultation, key: string): string {
  const v = (c as unknown as Record<string, unknown>)[key];
  return typeof v === 'string' ? v.trim() : '';
}

function text(v: FieldValue | undefined): string {
  return typeof v === 'string' ? v : '';
}

/** 犯罪嫌疑人 before trial, 被告人 at trial (刑事诉讼法 uses the one the stage calls for). */
export function accusedTitle(c: Pick<Consultation, 'criminalStage' | 'clientRole'>): '犯罪嫌疑人' | '被告人' {
  return c.criminalStage === 'trial' || c.clientRole === 'defendant' ? '被告人' : '犯罪嫌疑人';
}

/** 2026年11月24日09时30分至10时15分, from the contact's time and duration. */
function meetingTime(c: Consultation, helpTime: string): string {
  if (!c.durationMinutes) return helpTime;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(c.time);
  if (!m) return helpTime;
  const startMinutes = Number(m[4]) * 60 + Number(m[5]);
  const end = startMinutes + c.durationMinutes;
  // A meeting that runs past midnight keeps its start date; the end shows the clock only.
  const hh = String(Math.floor(end / 60) % 24).padStart(2, '0');
  const mm = String(end % 60).padStart(2, '0');
  return `${helpTime}至${end >= 24 * 60 ? '次日' : ''}${hh}时${mm}分`;
}

/**
 * What an application for legal aid lacks, as far as the record shows: an identity
 * document, and proof of hardship unless the applicant is exempt from the means test
 * (法律援助法 Art. 41, 42). The lawyer adds what the record cannot know.
 */
export function missingApplicationMaterials(c: Consultation, enums: Enumerations): string[] {
  const items: string[] = [];
  if (!c.idNumber) items.push('申请人有效身份证明（居民身份证等）原件及复印件一份');
  const exempt = checkNoMeansTest({ specialGroups: c.specialGroups, matters: c.aidMatters, noFixedIncome: c.noFixedIncome }, enums).exempt;
  if (!exempt && (c.householdMonthlyIncome === undefined || c.householdSize === undefined)) {
    items.push('家庭经济状况说明：如实填写的经济困难状况个人诚信承诺书，或者有关部门出具的经济困难证明（《法律援助法》第四十一条）');
  }
  return items;
}

function consultationPaperFacts(c: Consultation, input: PaperPrefillInput, base: Record<string, FieldValue>): Record<string, FieldValue> {
  const { enums } = input;
  const person = text(base.plaintiff);
  const particulars = person.startsWith(c.clientName) ? person.slice(c.clientName.length).replace(/^，/, '') : person;
  const accused = ACCUSED_ROLES.has(c.clientRole);
  const title = accusedTitle(c);
  const authority = optionalText(c, 'handlingAuthority');
  const stationName = input.station?.name ?? '';
  const stage = c.criminalStage;
  const releaseBy = stage === 'prosecution_review' ? '依法决定予以释放或者变更强制措施' : '依法建议办案机关予以释放或者变更强制措施';
  const aided = c.legalAidOutcome === 'applied' || c.legalAidOutcome === 'transferred';
  const support = c.aidMatters.some((m) => m === 'support_maintenance' || m === 'pension');

  const facts: Record<string, FieldValue> = {
    applicant: person,
    // A joint application for judicial confirmation: the client is one of the applicants.
    applicants: person ? [person] : [],
    // 会见笔录
    meetingTime: meetingTime(c, text(base.helpTime)),
    meetingPlace: stationName,
    detaineeName: accused ? c.clientName : '',
    detaineeParticulars: accused ? particulars : '',
    handlingAuthority: authority,
    record: [
      `问：我是${stationName}值班律师${input.lawyerName ?? ''}，依照《中华人民共和国法律援助法》和《法律援助值班律师工作办法》为你提供法律帮助。本次会见的内容将记录在案，你是否清楚？`,
      '答：',
      '问：你有什么问题需要咨询？',
      `答：${c.question}`,
    ].join('\n'),
    // 羁押必要性审查申请书
    accusedTitle: title,
    accusedName: accused ? c.clientName : '',
    accusedParticulars: accused ? particulars : '',
    applicantRelation: accused ? `${title}本人` : c.clientRole === 'close_relative' ? `${title}的近亲属` : '',
    request: accused ? `请求贵院对${title}${c.clientName}进行羁押必要性审查，${releaseBy}。` : '',
    procuratorate: authority.endsWith('人民检察院') ? authority : '',
    // 缓交/减交/免交诉讼费用申请书
    reliefKind: support ? '免交' : aided ? '缓交' : '',
    ground: support
      ? '申请人追索赡养费、扶养费、抚育费或者抚恤金，属于《诉讼费用交纳办法》第四十五条第（二）项规定的情形'
      : aided
        ? '申请人正在接受法律援助，属于《诉讼费用交纳办法》第四十七条第（三）项规定的情形'
        : '',
    // The legal-aid desk's receipt and notice.
    receivingUnit: stationName,
    receiver: input.lawyerName ?? '',
    receivedMaterials: Array.isArray(base.attachments) ? base.attachments.map((a) => `${a}一份`) : [],
    missingItems: c.requestKind === 'legal_aid_application' || aided ? missingApplicationMaterials(c, enums) : [],
  };
  if (findEntry(enums.caseTypes, c.caseType)?.scope !== 'criminal') {
    for (const key of ['accusedTitle', 'applicantRelation', 'request', 'detaineeName']) facts[key] = '';
  }
  return facts;
}

/** A court named in the place of a pre-litigation mediation: the court that invited it hears the application. */
function invitingCourt(place: string | undefined): string {
  const m = /^(.*?人民法院)/.exec(place ?? '');
  return m ? m[1]! : '';
}

function mediationPaperFacts(m: MediationInput): Record<string, FieldValue> {
  const representative = (p: MediationInput['parties'][number]) => (p.representative ? `（委托代理人：${p.representative}）` : '');
  return {
    // In a joint application for confirmation every party is an applicant, whatever its side in the dispute.
    applicants: m.parties.map((p) => `${p.name}${representative(p)}`),
    mediationDate: m.date,
    // A place that is itself a mediation body (…人民调解委员会, …调解中心); a room in a court is not.
    mediationOrg: /(调解委员会|调解中心|调解工作室)$/.test(m.place ?? '') ? m.place! : '',
    court: m.type === 'pre_litigation' ? invitingCourt(m.place) : '',
    attachments: ['调解协议书', '双方当事人身份证明', '与调解协议相关的财产权利证明等材料'],
  };
}

export function paperFacts(input: PaperPrefillInput, base: Record<string, FieldValue>): Record<string, FieldValue> {
  return {
    applicationDate: input.today,
    ...(input.consultation ? consultationPaperFacts(input.consultation, input, base) : {}),
    ...(input.mediation ? mediationPaperFacts(input.mediation) : {}),
  };
}
