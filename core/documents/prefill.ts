import type { Consultation } from '../consultations/schema';
import { PAYMENT_METHODS, type MediationInput } from '../mediations/schema';
import { labelOf, findEntry, type Enumerations } from '../domain/enums';
import { calendarDayOf } from '../domain/calendar';
import { fenToYuan, formatYuan, numberToFen } from '../money';
import { formatChineseDate } from './format';
import { elementPleadingFacts } from './elementPrefill';
import type { DocumentTemplate, DocumentValues, FieldValue } from './template';
import type { ShiftLog } from '../shifts/log';
import { paperFacts } from './prefillPapers';
import { perCapitaIncomeFen } from '../rules/meansTest';
import { mandatoryDefenceReasons } from '../rules/mandatoryDefence';
import { partyTitleForStage, workDoneForStage } from './criminalParty';
import { consultationExtras, custodyLabel } from './consultationExtras';
import { agreementCopies } from './templates/mediationAgreement';

/**
 * Pre-filling a document from what was logged: one dictionary of facts under the field
 * names templates use, then each template takes the names it declares. A template
 * that wants a new fact adds it here once, not per template.
 */
export interface PrefillContext {
  consultation?: Consultation;
  /** A mediation the lawyer joined: its facts take precedence over the consultation's. */
  mediation?: MediationInput;
  /** A shift's frozen log, for 值班日志. */
  shiftLog?: ShiftLog;
  station: { name: string; address?: string; code: string } | null;
  lawyerName?: string;
  /** YYYY-MM-DD: the document's date. */
  today: string;
  enums: Enumerations;
}

function timeText(rfc3339: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(rfc3339);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日${m[4]}时${m[5]}分` : rfc3339;
}

function personDescription(c: Consultation, enums: Enumerations): string {
  const parts = [c.clientName];
  if (c.gender) parts.push(labelOf(enums.genders, c.gender));
  if (c.birthDate) parts.push(`${formatChineseDate(c.birthDate)}出生`);
  if (c.ethnicity) parts.push(labelOf(enums.ethnicGroups, c.ethnicity));
  if (c.address) parts.push(`住${c.address}`);
  if (c.idNumber) parts.push(`证件号码${c.idNumber}`);
  if (c.phone) parts.push(`联系电话${c.phone}`);
  return parts.join('，');
}

/** 犯罪嫌疑人 or 被告人: by the stage on file, else by the role the person was logged under. */
function partyTitleOf(c: Consultation): string {
  const byStage = partyTitleForStage(c.criminalStage);
  if (byStage) return byStage;
  if (c.clientRole === 'suspect') return '犯罪嫌疑人';
  if (c.clientRole === 'defendant') return '被告人';
  return '';
}

/** Who applies under 刑事诉讼法 Art. 97, as the person who came is related to the accused. */
function applicantRelationOf(c: Consultation, title: string, accused: boolean): string {
  const who = title || '犯罪嫌疑人';
  if (accused) return `${who}本人`;
  if (c.clientRole === 'close_relative') return `${who}的近亲属`;
  if (c.clientRole === 'legal_representative') return `${who}的法定代理人`;
  return '';
}

/** The form of aid sought (法律援助法 Art. 22), from the case type and the person's role. */
function aidTypeOf(c: Consultation, enums: Enumerations, accused: boolean): string {
  const scope = findEntry(enums.caseTypes, c.caseType)?.scope;
  if (scope === 'criminal') return accused ? '刑事辩护' : '刑事诉讼代理';
  if (c.caseType === 'civil') return '民事诉讼代理';
  if (c.caseType === 'administrative') return '行政诉讼代理';
  return '非诉讼代理';
}

/**
 * Staff of the detention centre log a detainee's request without a lawyer (the centre
 * transfers it, Art. 39 para. 1); a request a lawyer took is transferred by the station
 * (para. 2). A station inside a centre is named after it, e.g. 某某看守所法律援助工作站.
 */
function transferUnitOf(c: Consultation, stationName: string): string {
  if (c.requestKind && !c.lawyerId) return /^(.*?看守所)/.exec(stationName)?.[1] ?? '';
  return stationName;
}

/** The Art. 25 flag as the help record prints it; '' when it does not apply. */
function mandatoryDefenceText(c: Consultation, enums: Enumerations): string {
  const extras = consultationExtras(c);
  if (extras.hasDefenceCounsel === true) return '';
  const reasons = mandatoryDefenceReasons(
    {
      clientRole: c.clientRole,
      caseType: c.caseType,
      birthDate: c.birthDate,
      on: c.time,
      disabilities: c.disabilities,
      mayFaceLifeOrDeath: c.mayFaceLifeOrDeath,
    },
    enums,
  );
  if (reasons.length === 0) return '';
  const notified = extras.defenderNotified
    ? `办案机关${extras.defenderNotifiedAt ? `已于${timeText(extras.defenderNotifiedAt)}` : '已'}通知法律援助机构指派辩护人。`
    : '';
  return (
    `${reasons.map((r) => r.text).join('；')}。没有委托辩护人的，人民法院、人民检察院、公安机关应当通知法律援助机构指派律师担任辩护人（《中华人民共和国法律援助法》第二十五条）。` +
    notified
  );
}

function consultationFacts(c: Consultation, enums: Enumerations, stationName: string, lawyerName: string): Record<string, FieldValue> {
  const labels = (list: readonly { code: string; label: string }[], codes: readonly string[]) => codes.map((x) => labelOf(list, x)).join('、');
  const outcome = labelOf(enums.legalAidOutcomes, c.legalAidOutcome) + (c.refusalReason ? `（${c.refusalReason}）` : '');
  const criminal = findEntry(enums.caseTypes, c.caseType)?.scope === 'criminal';
  const person = personDescription(c, enums);
  const accused = findEntry(enums.clientRoles, c.clientRole)?.accused === true;
  const title = criminal ? partyTitleOf(c) : '';
  const extras = consultationExtras(c);
  const plea = criminal && extras.pleaLeniency === true;
  const staffLogged = Boolean(c.requestKind && !c.lawyerId);
  const hasIncome = c.householdMonthlyIncome !== undefined && c.householdSize !== undefined && c.householdSize > 0;
  const facts: Record<string, FieldValue> = {
    helpTime: timeText(c.time),
    clientName: c.clientName,
    applicantName: c.clientName,
    // Only the accused himself is the subject of a bail or measure application; a relative
    // who came leaves the name for the lawyer to write.
    suspectName: accused ? c.clientName : '',
    partyTitle: title,
    applicantRelation: criminal ? applicantRelationOf(c, title, accused) : '',
    applicantContact: [c.address ? `住${c.address}` : '', c.phone ? `联系电话${c.phone}` : ''].filter(Boolean).join('，'),
    applicantRole: labelOf(enums.clientRoles, c.clientRole),
    aidType: aidTypeOf(c, enums, accused),
    workDone: criminal ? workDoneForStage(c.criminalStage, title) : '',
    handlingAuthority: extras.handlingAuthority ?? '',
    custodyStatus: custodyLabel(extras.custodyStatus, enums),
    hasDefenceCounsel: !criminal || extras.hasDefenceCounsel === undefined ? '' : extras.hasDefenceCounsel ? '已委托辩护人' : '没有辩护人',
    mandatoryDefence: mandatoryDefenceText(c, enums),
    pleaLeniency: plea ? '是' : '',
    sentencingProposal: plea ? (extras.sentencingProposal ?? '') : '',
    pleaViewFacts: plea ? (extras.pleaViewFacts ?? '') : '',
    pleaViewCharge: plea ? (extras.pleaViewCharge ?? '') : '',
    pleaViewProposal: plea ? (extras.pleaViewProposal ?? '') : '',
    pleaViewProcedure: plea ? (extras.pleaViewProcedure ?? '') : '',
    lawyerOpinion: plea ? (extras.lawyerOpinion ?? '') : '',
    member1Name: c.clientName,
    member1Relation: '本人',
    plaintiffName: c.clientName,
    respondentName: c.clientName,
    gender: c.gender ? labelOf(enums.genders, c.gender) : '',
    birthDate: c.birthDate ?? '',
    ethnicity: c.ethnicity ? labelOf(enums.ethnicGroups, c.ethnicity) : '',
    idNumber: c.idNumber ?? '',
    phone: c.phone ?? '',
    address: c.address ?? '',
    clientRole: labelOf(enums.clientRoles, c.clientRole),
    specialGroups: labels(enums.specialGroups, c.specialGroups),
    caseType: labelOf(enums.caseTypes, c.caseType),
    stage: c.criminalStage ? labelOf(enums.criminalStages, c.criminalStage) : '',
    caseNumber: c.caseNumber ?? '',
    cause: c.cause ?? '',
    helpTypes: labels(enums.helpTypes, c.helpTypes),
    question: c.question,
    advice: c.advice ?? '',
    legalAidOutcome: outcome,
    followUp: c.followUpNeeded ? (c.followUpNote ?? '需要跟进') : '',
    facts: c.question,
    caseSummary: c.question,
    matter: c.aidMatters.length > 0 ? labels(enums.legalAidMatters, c.aidMatters) : c.cause ? `${c.cause}案件的法律援助` : '',
    householdSize: c.householdSize !== undefined ? String(c.householdSize) : '',
    householdIncome: c.householdMonthlyIncome !== undefined ? fenToYuan(numberToFen(c.householdMonthlyIncome)) : '',
    // The figure the means test compared, rounded down to the fen (core/rules/meansTest.ts).
    incomePerPerson: hasIncome ? fenToYuan(perCapitaIncomeFen(c.householdMonthlyIncome!, c.householdSize!)) : '',
    receivedAt: c.receivedAt ? timeText(c.receivedAt) : timeText(c.time),
    transferredAt: c.transferredAt ? timeText(c.transferredAt) : '',
    transferUnit: transferUnitOf(c, stationName),
    contact: staffLogged ? '' : lawyerName,
    ...(extras.transferRecipient ? { legalAidCentre: extras.transferRecipient } : {}),
    plaintiff: person,
    respondent: person,
    attachments: c.requestKind === 'legal_aid_application' ? ['法律援助申请表', '经济困难状况个人诚信承诺书', '身份证明材料复印件'] : [],
    papersSubmitted: ['身份证明材料复印件', '经济困难状况个人诚信承诺书或者经济困难证明材料', '与所申请法律援助事项有关的案件材料'],
  };
  if (criminal) facts.currentMeasure = '';
  return facts;
}

const ROLE_LABELS: Record<string, string> = { applicant: '申请人', respondent: '被申请人', plaintiff: '原告', defendant: '被告', third_party: '第三人' };

function mediationFacts(m: MediationInput, enums: Enumerations): Record<string, FieldValue> {
  const method = m.paymentMethod ? (PAYMENT_METHODS.find((p) => p.code === m.paymentMethod)?.label ?? '') : '';
  const deadline = m.paymentDeadline ? `于${formatChineseDate(m.paymentDeadline)}前履行` : '';
  return {
    mediationType: labelOf(enums.mediationTypes, m.type),
    caseNumber: m.caseNumber ?? '',
    cause: m.cause ?? '',
    parties: m.parties.map((p) => `${ROLE_LABELS[p.role] ?? p.role}：${p.name}${p.representative ? `（代理人：${p.representative}）` : ''}`),
    terms: (m.terms ?? '')
      .split('\n')
      .map((t) => t.trim())
      .filter(Boolean),
    amountAgreed: m.amountAgreed ?? '',
    payment: [method, deadline].filter(Boolean).join('，'),
    place: m.place ?? '',
    date: m.date,
    copies: String(agreementCopies(m.parties.length)),
    ...Object.fromEntries(m.parties.map((p, i) => [`signatory${i + 1}`, `${ROLE_LABELS[p.role] ?? p.role}${p.name}`])),
  };
}

/** Mediations recorded in the shift but held on other days: named, and counted on their own dates. */
export function backfilledNote(dates: readonly string[] | undefined): string {
  if (!dates || dates.length === 0) return '';
  const days = [...new Set(dates)].map((d) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`);
  return `（另补录调解 ${dates.length} 件，调解日期为${days.join('、')}，计入该日期所在期间的统计）`;
}

function shiftFacts(log: ShiftLog): Record<string, FieldValue> {
  const end = log.endedAt.slice(0, 10) === log.startedAt.slice(0, 10) ? log.endedAt.slice(11, 16).replace(':', '时') + '分' : timeText(log.endedAt);
  const counted = (lines: ShiftLog['helpTypes'], unit: string) => lines.map((l) => `${l.label}：${l.count} ${unit}`);
  return {
    shiftLawyers: log.lawyers.join('、'),
    shiftPlace: log.place,
    shiftPeriod: `${timeText(log.startedAt)}至${end}`,
    consultationCount: log.answeredRequests
      ? `${log.consultations} 人次（其中接待在押人员约见申请 ${log.answeredRequests} 人次）`
      : `${log.consultations} 人次`,
    helpTypeCounts: counted(log.helpTypes, '人次'),
    specialGroupCounts: counted(log.specialGroups, '人次'),
    documentCounts: counted(log.documents, '份'),
    mediationSummary:
      (log.mediations.joined === 0
        ? '无'
        : `参与 ${log.mediations.joined} 件，达成 ${log.mediations.settled} 件` +
          (log.mediations.agreed !== '0.00' ? `，协议金额${formatYuan(log.mediations.agreed)}` : '') +
          (log.mediations.recovered !== '0.00' ? `，挽回经济损失${formatYuan(log.mediations.recovered)}` : '')) + backfilledNote(log.backfilledMediations),
    pendingTransfers: log.pendingTransfers.map(
      (p) => `${p.clientName}，${timeText(p.receivedAt)}收到，应于${timeText(p.dueAt)}前转交${p.overdue ? '（已超时）' : ''}`,
    ),
    openRequests: (log.openRequests ?? []).map((r) => `${r.clientName}，${timeText(r.receivedAt)}申请约见值班律师`),
    handoverNotes: log.handoverNotes,
    date: log.endedAt.slice(0, 10),
  };
}

/** Values for every field of `template` that the record and the profile can supply. */
export function prefillDocument(template: DocumentTemplate, ctx: PrefillContext): DocumentValues {
  const base: Record<string, FieldValue> = {
    stationName: ctx.station?.name ?? '',
    stationAddress: ctx.station?.address ?? '',
    lawyerName: ctx.lawyerName ?? '',
    date: ctx.today,
    copies: '1',
    ...(ctx.consultation ? consultationFacts(ctx.consultation, ctx.enums, ctx.station?.name ?? '', ctx.lawyerName ?? '') : {}),
    ...(ctx.consultation ? elementPleadingFacts(ctx.consultation, ctx.enums) : {}),
    ...(ctx.mediation ? mediationFacts(ctx.mediation, ctx.enums) : {}),
    ...(ctx.shiftLog ? shiftFacts(ctx.shiftLog) : {}),
  };
  const facts = { ...base, ...paperFacts(ctx, base) };
  const values: DocumentValues = {};
  for (const field of template.fields) {
    const v = facts[field.name];
    if (v === undefined) continue;
    if (field.type === 'list') values[field.name] = Array.isArray(v) ? v : v ? [v] : [];
    else values[field.name] = Array.isArray(v) ? v.join('；') : v;
  }
  return values;
}

/** The calendar day of a contact, for documents dated the day they were drafted from it. */
export function dayOf(rfc3339: string): string {
  return calendarDayOf(rfc3339);
}
