import type { Consultation } from '../consultations/schema';
import { PAYMENT_METHODS, type MediationInput } from '../mediations/schema';
import { labelOf, findEntry, type Enumerations } from '../domain/enums';
import { calendarDayOf } from '../domain/calendar';
import { formatChineseDate } from './format';
import { elementPleadingFacts } from './elementPrefill';
import type { DocumentTemplate, DocumentValues, FieldValue } from './template';
import type { ShiftLog } from '../shifts/log';

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

function consultationFacts(c: Consultation, enums: Enumerations): Record<string, FieldValue> {
  const labels = (list: readonly { code: string; label: string }[], codes: readonly string[]) => codes.map((x) => labelOf(list, x)).join('、');
  const outcome = labelOf(enums.legalAidOutcomes, c.legalAidOutcome) + (c.refusalReason ? `（${c.refusalReason}）` : '');
  const criminal = findEntry(enums.caseTypes, c.caseType)?.scope === 'criminal';
  const person = personDescription(c, enums);
  const facts: Record<string, FieldValue> = {
    helpTime: timeText(c.time),
    clientName: c.clientName,
    applicantName: c.clientName,
    suspectName: c.clientName,
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
    householdIncome: c.householdMonthlyIncome !== undefined ? c.householdMonthlyIncome.toFixed(2) : '',
    incomePerPerson:
      c.householdMonthlyIncome !== undefined && c.householdSize ? (c.householdMonthlyIncome / c.householdSize).toFixed(2) : '',
    receivedAt: c.receivedAt ? timeText(c.receivedAt) : timeText(c.time),
    plaintiff: person,
    respondent: person,
    attachments: c.requestKind === 'legal_aid_application' ? ['法律援助申请表', '经济困难状况个人诚信承诺书', '身份证明材料复印件'] : [],
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
  };
}

function shiftFacts(log: ShiftLog): Record<string, FieldValue> {
  const end = log.endedAt.slice(0, 10) === log.startedAt.slice(0, 10) ? log.endedAt.slice(11, 16).replace(':', '时') + '分' : timeText(log.endedAt);
  const counted = (lines: ShiftLog['helpTypes'], unit: string) => lines.map((l) => `${l.label}：${l.count} ${unit}`);
  return {
    shiftLawyers: log.lawyers.join('、'),
    shiftPlace: log.place,
    shiftPeriod: `${timeText(log.startedAt)}至${end}`,
    consultationCount: `${log.consultations} 人次`,
    helpTypeCounts: counted(log.helpTypes, '人次'),
    specialGroupCounts: counted(log.specialGroups, '人次'),
    documentCounts: counted(log.documents, '份'),
    mediationSummary:
      log.mediations.joined === 0
        ? '无'
        : `参与 ${log.mediations.joined} 件，达成 ${log.mediations.settled} 件` +
          (log.mediations.agreed !== '0.00' ? `，协议金额 ${log.mediations.agreed} 元` : '') +
          (log.mediations.recovered !== '0.00' ? `，挽回经济损失 ${log.mediations.recovered} 元` : ''),
    pendingTransfers: log.pendingTransfers.map(
      (p) => `${p.clientName}，${timeText(p.receivedAt)}收到，应于${timeText(p.dueAt)}前转交${p.overdue ? '（已超时）' : ''}`,
    ),
    handoverNotes: log.handoverNotes,
    date: log.endedAt.slice(0, 10),
  };
}

/** Values for every field of `template` that the record and the profile can supply. */
export function prefillDocument(template: DocumentTemplate, ctx: PrefillContext): DocumentValues {
  const facts: Record<string, FieldValue> = {
    stationName: ctx.station?.name ?? '',
    stationAddress: ctx.station?.address ?? '',
    lawyerName: ctx.lawyerName ?? '',
    date: ctx.today,
    copies: '1',
    ...(ctx.consultation ? consultationFacts(ctx.consultation, ctx.enums) : {}),
    ...(ctx.consultation ? elementPleadingFacts(ctx.consultation, ctx.enums) : {}),
    ...(ctx.mediation ? mediationFacts(ctx.mediation, ctx.enums) : {}),
    ...(ctx.shiftLog ? shiftFacts(ctx.shiftLog) : {}),
  };
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
