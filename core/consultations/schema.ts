import { z } from 'zod';
import type { RecordBase } from '../records/base';
import { isRfc3339 } from '../time/rfc3339';
import { calendarDayOf, compareYmd, parseYmd } from '../domain/calendar';
import { findEntry, helpTypeFitsCase, labelOf, NO_ID, RESIDENT_ID, type EnumEntry, type Enumerations } from '../domain/enums';
import { checkIdByType, normalizeIdNumber } from '../validation/idNumber';
import { normalizeCaseNumber, parseCaseNumber } from '../validation/caseNumber';
import { normalizePhone, optionalPhoneField } from '../validation/phone';
import { charCount, cleanPersonName, cleanText, hasControlCharacters } from '../validation/text';
import { ageGroups, ageOn, MINOR_BELOW } from '../rules/age';
import { mandatoryDefenceReasons } from '../rules/mandatoryDefence';
import { pleaLeniencyFindings } from '../rules/pleaLeniency';
import { transferSourceOf } from './transferDeadline';
import { TRANSFER_MARK_LIMITS } from './transferMark';

/**
 * The consultation log (法律帮助登记): one record per contact. The input schema is what the
 * form parses; every issue carries a Chinese message and the path of the field to show it
 * at. Codes are checked against the enumerations in force (built-in plus the province's
 * additions), so the schema is built from them.
 */

/** A detainee's request received by detention-centre staff (Art. 39: transfer within 24 hours). */
export const REQUEST_KINDS = [
  { code: 'meet_lawyer', label: '约见值班律师' },
  { code: 'legal_aid_application', label: '申请法律援助' },
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number]['code'];

/** Free-text limits, in characters (code points). */
export const LIMITS = {
  clientName: 50,
  address: 120,
  cause: 60,
  question: 2000,
  advice: 4000,
  note: 500,
  idNumber: 30,
  authority: 60,
  proof: 200,
  plea: 1000,
} as const;

// --- field helpers ---------------------------------------------------------------------

/** Forms send '' or null for an emptied field: both mean "not given". */
function blankToUndefined(v: unknown): unknown {
  if (v === null) return undefined;
  if (typeof v === 'string' && v.trim() === '') return undefined;
  return v;
}

function textRules(label: string, max: number, multiline: boolean) {
  return (v: string, ctx: z.RefinementCtx) => {
    if (charCount(v) > max) ctx.addIssue({ code: 'custom', message: `${label}不能超过 ${max} 个字` });
    // Line breaks belong in prose, never in a one-line field; other control characters nowhere.
    const bad = multiline ? /(?![\t\n\r])[\p{Cc}\p{Cs}]/u.test(v) : hasControlCharacters(v);
    if (bad) ctx.addIssue({ code: 'custom', message: `${label}中含有无法显示的字符` });
  };
}

function requiredText(label: string, max: number, clean: (s: string) => string = cleanText, multiline = false) {
  return z.preprocess(
    (v) => (v === null ? undefined : v),
    z
      .string({ error: `请填写${label}` })
      .transform(clean)
      .superRefine((v, ctx) => {
        if (v === '') ctx.addIssue({ code: 'custom', message: `请填写${label}` });
        else textRules(label, max, multiline)(v, ctx);
      }),
  );
}

function optionalText(label: string, max: number, clean: (s: string) => string = cleanText, multiline = false) {
  return z.preprocess(
    blankToUndefined,
    z
      .string({ error: `${label}应为文字` })
      .transform(clean)
      .superRefine(textRules(label, max, multiline))
      .optional(),
  );
}

function oneOf(list: readonly EnumEntry[], label: string) {
  return z.string({ error: `请选择${label}` }).refine((v) => list.some((e) => e.code === v), `请从列表中选择${label}`);
}

function requiredCode(list: readonly EnumEntry[], label: string) {
  return z.preprocess((v) => (v === null || v === '' ? undefined : v), oneOf(list, label));
}

function optionalCode(list: readonly EnumEntry[], label: string) {
  return z.preprocess(blankToUndefined, oneOf(list, label).optional());
}

function codeList(list: readonly EnumEntry[], label: string) {
  return z.preprocess(
    (v) => (v === null || v === undefined ? [] : v),
    z
      .array(z.unknown(), { error: `${label}选项无效` })
      // Problems are reported at the list, never at an element: the form has one field.
      .refine((items) => items.every((c) => typeof c === 'string'), `${label}选项无效`)
      // A checkbox group cannot produce duplicates, but an import can; keep the first.
      .transform((items) => [...new Set(items as string[])])
      .refine((codes) => codes.every((c) => list.some((e) => e.code === c)), `${label}中有不在列表中的选项`),
  );
}

function flag(label: string) {
  return z.preprocess((v) => (v === null || v === undefined ? false : v), z.boolean({ error: `${label}应为是或否` }));
}

/** A yes/no that older records do not have: absent reads as "not recorded". */
function optionalFlag(label: string) {
  return z.preprocess((v) => (v === null ? undefined : v), z.boolean({ error: `${label}应为是或否` }).optional());
}

/**
 * How far ahead of the computer's clock a time may be: a clock a few minutes off, or a
 * contact logged as it starts. Beyond that it is a typing slip (2062 for 2026, next month
 * for this one) that would count the contact in a period that has not happened.
 */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

const notAhead = (now: () => number) => (v: string | undefined) => v === undefined || !isRfc3339(v) || Date.parse(v) <= now() + FUTURE_TOLERANCE_MS;

function optionalTime(label: string, now: () => number) {
  return z.preprocess(
    blankToUndefined,
    z
      .string({ error: `${label}格式不正确` })
      .trim()
      .refine(isRfc3339, `${label}格式不正确`)
      .refine(notAhead(now), `${label}不能晚于当前时间`)
      .optional(),
  );
}

function optionalNumber(label: string, unit: string, min: number, max: number, integer: boolean) {
  let n = z.number({ error: `${label}应为数字` });
  if (integer) n = n.int(`${label}应为整数`);
  return z.preprocess(blankToUndefined, n.min(min, `${label}不能小于 ${min}${unit}`).max(max, `${label}不能超过 ${max}${unit}`).optional());
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

// --- schema ---------------------------------------------------------------------------

/**
 * The station's code lists are a required argument (issue 17 item 6): a list the province
 * extended in settings must be the one that parses, on the form and in every layer below
 * it, or a code the form accepted is refused on save.
 */
export function createConsultationInputSchema(enums: Enumerations, now: () => number = Date.now) {
  const shape = {
    /** RFC 3339 with offset. The form fills in "now"; the schema never does. */
    time: z.preprocess(
      (v) => (v === null || v === '' ? undefined : v),
      z.string({ error: '请填写接待时间' }).trim().refine(isRfc3339, '接待时间格式不正确').refine(notAhead(now), '接待时间不能晚于当前时间'),
    ),
    /** Absent only on a detainee's request that staff logged before any lawyer saw it. */
    lawyerId: z.preprocess((v) => (v === null || v === '' ? undefined : v), z.string({ error: '请选择值班律师' }).min(1, '请选择值班律师').optional()),
    shiftId: z.preprocess(blankToUndefined, z.string({ error: '班次无效' }).optional()),
    place: requiredCode(enums.consultationPlaces, '接待地点'),
    clientRole: requiredCode(enums.clientRoles, '来访人身份'),
    clientName: requiredText('姓名', LIMITS.clientName, cleanPersonName),
    idType: z.preprocess((v) => (v === null || v === undefined || v === '' ? NO_ID : v), oneOf(enums.idTypes, '证件类型')),
    idNumber: optionalText('证件号码', LIMITS.idNumber, normalizeIdNumber),
    gender: optionalCode(enums.genders, '性别'),
    birthDate: z.preprocess(
      blankToUndefined,
      z
        .string({ error: '出生日期格式不正确' })
        .trim()
        .refine((v) => parseYmd(v) !== null, '出生日期不是有效的日期（格式为 YYYY-MM-DD）')
        .optional(),
    ),
    ethnicity: optionalCode(enums.ethnicGroups, '民族'),
    phone: optionalPhoneField(),
    address: optionalText('住址', LIMITS.address),
    specialGroups: codeList(enums.specialGroups, '特殊群体'),
    caseType: requiredCode(enums.caseTypes, '案件类型'),
    criminalStage: optionalCode(enums.criminalStages, '诉讼阶段'),
    caseNumber: optionalText('案号', 60, normalizeCaseNumber),
    cause: optionalText('案由/罪名', LIMITS.cause),
    helpTypes: codeList(enums.helpTypes, '帮助类型'),
    question: requiredText('咨询事项', LIMITS.question, cleanText, true),
    advice: optionalText('解答意见', LIMITS.advice, cleanText, true),
    durationMinutes: optionalNumber('接待时长', ' 分钟', 1, 600, true),
    followUpNeeded: flag('是否需要跟进'),
    followUpNote: optionalText('跟进事项', LIMITS.note, cleanText, true),
    legalAidOutcome: z.preprocess((v) => (v === null || v === undefined || v === '' ? 'not_needed' : v), oneOf(enums.legalAidOutcomes, '法律援助处理结果')),
    refusalReason: optionalText('不予受理或拒绝的理由', LIMITS.note, cleanText, true),
    /** Matters of the legal-aid application (Art. 31/32), for the no-means-test rule. */
    aidMatters: codeList(enums.legalAidMatters, '申请事项'),
    noFixedIncome: flag('是否无固定生活来源'),
    disabilities: codeList(enums.disabilities, '残疾类别'),
    mayFaceLifeOrDeath: flag('是否可能判处无期徒刑、死刑'),
    householdMonthlyIncome: optionalNumber('家庭月收入', ' 元', 0, 10_000_000, false).refine(
      (v) => v === undefined || Math.abs(v * 100 - Math.round(v * 100)) < 1e-6,
      '家庭月收入最多保留两位小数',
    ),
    householdSize: optionalNumber('家庭人口', ' 人', 1, 50, true),
    ...lawRulesShape(enums, now),
    requestKind: z.preprocess(blankToUndefined, z.enum(['meet_lawyer', 'legal_aid_application'], { error: '请选择申请类型' }).optional()),
    receivedAt: optionalTime('收到申请时间', now),
    transferredAt: optionalTime('转交时间', now),
    // 标记已转交 (Art. 39): to whom it was handed, and the account that marked it.
    transferRecipient: optionalText('接收机构', TRANSFER_MARK_LIMITS.recipient),
    transferReceiver: optionalText('接收人', TRANSFER_MARK_LIMITS.receiver, cleanPersonName),
    transferredBy: z.preprocess(blankToUndefined, z.string({ error: '转交登记人无效' }).optional()),
    // A 约见值班律师 request and the lawyer's contact that answered it (issue 20 item 19):
    // the contact names the request, the request when and by which contact it was met.
    answeredRequestId: z.preprocess(blankToUndefined, z.string({ error: '所接待的申请无效' }).optional()),
    answeredAt: optionalTime('接待申请时间', now),
    answeredBy: z.preprocess(blankToUndefined, z.string({ error: '接待申请的登记无效' }).optional()),
  };

  return z.object(shape, { error: '登记内容无效' }).superRefine(
    (value, ctx) => crossFieldRules(value as unknown as Record<string, unknown>, ctx, enums),
    // Run even when some field failed, so that the form shows every problem at once; the
    // rules read fields defensively because a failed field holds what was typed.
    { when: (payload) => isObject(payload.value) },
  );
}

/**
 * Facts of Art. 25, Art. 42 and the plea-leniency workflow (issue 17), all optional so that
 * records stored before them still read. Kept in one block: other work appends its own
 * fields at the end of the shape.
 */
function lawRulesShape(enums: Enumerations, now: () => number) {
  return {
    /** 是否已委托辩护人: Art. 25 applies only to a person without one. */
    hasDefenceCounsel: optionalFlag('是否已委托辩护人'),
    custodyStatus: optionalCode(enums.custodyStatuses, '羁押状态'),
    handlingAuthority: optionalText('办案机关', LIMITS.authority),
    /** Art. 25 (五). */
    deathPenaltyReview: optionalFlag('是否死刑复核案件'),
    /** Art. 25 (六); CPL Art. 291–297. */
    trialInAbsentia: optionalFlag('是否缺席审判案件'),
    /** The handling authority notified the legal-aid agency to appoint a defender (Art. 25, 36). */
    defenderNotified: optionalFlag('办案机关是否已通知指派辩护人'),
    defenderNotifiedAt: optionalTime('通知指派辩护人的时间', now),
    /** Art. 42 "有材料证明". */
    exemptionProof: optionalText('证明材料', LIMITS.proof),
    /** Art. 42 (四) / Art. 32 (五) grounds the province lists in settings. */
    otherExemptions: codeList(enums.noMeansTestGrounds, '其他免予审查情形'),
    pleaLeniency: optionalFlag('是否认罪认罚'),
    sentencingProposal: optionalText('量刑建议', LIMITS.plea, cleanText, true),
    pleaViewFacts: optionalText('对犯罪事实的意见', LIMITS.plea, cleanText, true),
    pleaViewCharge: optionalText('对罪名的意见', LIMITS.plea, cleanText, true),
    pleaViewProposal: optionalText('对量刑建议的意见', LIMITS.plea, cleanText, true),
    pleaViewProcedure: optionalText('对程序适用的意见', LIMITS.plea, cleanText, true),
    lawyerOpinion: optionalText('值班律师意见', LIMITS.advice, cleanText, true),
    pledgeSigned: optionalFlag('是否签署具结书'),
    pledgeWitnessed: optionalFlag('签署具结书时值班律师是否在场'),
    /** CPL Art. 174 para. 2 (2). */
    minorPleaObjection: optionalFlag('法定代理人、辩护人是否有异议'),
  };
}

const ACCUSED_FIELDS = ['custodyStatus', 'deathPenaltyReview', 'pleaLeniency'] as const;
const PLEA_FIELDS = [
  'sentencingProposal',
  'pleaViewFacts',
  'pleaViewCharge',
  'pleaViewProposal',
  'pleaViewProcedure',
  'lawyerOpinion',
  'pledgeSigned',
  'pledgeWitnessed',
  'minorPleaObjection',
] as const;
const CRIMINAL_FIELDS = [
  'hasDefenceCounsel',
  'handlingAuthority',
  'trialInAbsentia',
  'defenderNotified',
  'defenderNotifiedAt',
  ...ACCUSED_FIELDS,
  ...PLEA_FIELDS,
] as const;
/** The stage a death-penalty review and a trial in absentia belong to. */
const TRIAL_STAGE = 'trial';
/** Asked of the accused and of a close relative, who may retain a defender for him (CPL Arts. 33, 293). */
const DEFENDER_FIELDS = ['hasDefenceCounsel', 'trialInAbsentia'] as const;

function lawRules(
  v: Record<string, unknown>,
  issue: (path: string, message: string) => void,
  enums: Enumerations,
  facts: { criminal: boolean; contactDay?: string | undefined; birthDate?: string | undefined },
): void {
  const stage = str(v.criminalStage);
  if (facts.criminal) {
    if (stage && stage !== TRIAL_STAGE) {
      if (v.deathPenaltyReview === true) issue('deathPenaltyReview', '死刑复核是审判阶段的程序，请将诉讼阶段选为“审判”');
      if (v.trialInAbsentia === true) issue('trialInAbsentia', '缺席审判是审判阶段的程序，请将诉讼阶段选为“审判”');
    }
  } else if (str(v.caseType)) {
    for (const field of CRIMINAL_FIELDS) {
      if (v[field] === true || (typeof v[field] === 'string' && v[field] !== '')) issue(field, '只有刑事案件需要填写此项');
    }
  }
  if (str(v.defenderNotifiedAt) && v.defenderNotified !== true) issue('defenderNotified', '已填写通知时间，请勾选“办案机关已通知”');

  const on = facts.contactDay ?? '9999-12-31';
  const birth = facts.birthDate && facts.contactDay && compareYmd(facts.birthDate, facts.contactDay) <= 0 ? facts.birthDate : undefined;
  const disabilities = strings(v.disabilities);
  const mandatoryDefence = mandatoryDefenceReasons(
    {
      clientRole: str(v.clientRole) ?? '',
      caseType: str(v.caseType) ?? '',
      birthDate: birth,
      on,
      disabilities,
      mayFaceLifeOrDeath: v.mayFaceLifeOrDeath === true,
      deathPenaltyReview: v.deathPenaltyReview === true,
      appliedForLegalAid: str(v.legalAidOutcome) === 'applied' || str(v.legalAidOutcome) === 'transferred',
      trialInAbsentia: v.trialInAbsentia === true,
      hasDefenceCounsel: v.hasDefenceCounsel === true,
    },
    enums,
  );
  const findings = pleaLeniencyFindings(
    {
      clientRole: str(v.clientRole) ?? '',
      caseType: str(v.caseType) ?? '',
      criminalStage: stage,
      pleaLeniency: v.pleaLeniency === true,
      sentencingProposal: str(v.sentencingProposal),
      pledgeSigned: v.pledgeSigned === true,
      pledgeWitnessed: v.pledgeWitnessed === true,
      minorPleaObjection: v.minorPleaObjection === true,
      disabilities,
      minor: birth !== undefined && ageOn(birth, on) < MINOR_BELOW,
      mandatoryDefence,
      legalAidOutcome: str(v.legalAidOutcome),
    },
    enums,
  );
  for (const f of findings) if (f.level === 'error') issue(f.field, f.message);
}

function crossFieldRules(v: Record<string, unknown>, ctx: z.RefinementCtx, enums: Enumerations): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const time = str(v.time);
  const contactDay = time && isRfc3339(time) ? calendarDayOf(time) : undefined;

  // Case type decides which other fields apply.
  const caseType = findEntry(enums.caseTypes, str(v.caseType) ?? '');
  const criminal = caseType?.scope === 'criminal';
  if (caseType) {
    if (criminal && !str(v.criminalStage)) issue('criminalStage', '请选择刑事诉讼阶段');
    if (!criminal && str(v.criminalStage)) issue('criminalStage', '只有刑事案件需要选择诉讼阶段');
    if (!criminal && v.mayFaceLifeOrDeath === true) issue('mayFaceLifeOrDeath', '只有刑事案件可以勾选“可能判处无期徒刑、死刑”');

    const misfits = strings(v.helpTypes)
      .map((c) => findEntry(enums.helpTypes, c))
      .filter((h) => h !== undefined && !helpTypeFitsCase(h, caseType));
    if (misfits.length > 0) {
      issue('helpTypes', `${misfits.map((h) => `“${h!.label}”`).join('')}不适用于${caseType.label}案件`);
    }
    const role = findEntry(enums.clientRoles, str(v.clientRole) ?? '');
    if ((role?.accused || role?.criminalOnly) && !criminal) {
      issue('clientRole', `“${role.label}”只用于刑事案件，请核对来访人身份或案件类型`);
    }
  }

  // Identity document.
  const idType = str(v.idType) ?? NO_ID;
  const idNumber = str(v.idNumber);
  let fromId: { birthDate: string; gender: 'male' | 'female' } | undefined;
  // Without a valid contact time (reported at its own field) the other checks still run.
  const structured = checkIdByType(idType, idNumber ?? '', contactDay ?? '9999-12-31');
  if (structured) {
    if (!idNumber) issue('idNumber', structured.ok ? '请填写证件号码' : structured.message);
    else if (structured.ok) fromId = structured;
    else issue('idNumber', structured.message.replace('晚于今天', '晚于接待日期'));
  } else if (idType === NO_ID) {
    if (idNumber) issue('idType', '已填写证件号码，请选择证件类型');
  } else if (idNumber && !/^[A-Z0-9-]{4,30}$/.test(idNumber)) {
    issue('idNumber', '证件号码只能包含字母、数字和连字符（4–30 位）');
  }

  // Birth date and gender must agree with the ID card (or permit) when there is one.
  const idDocument = idType === RESIDENT_ID ? '身份证' : '居住证';
  const birthDate = str(v.birthDate);
  const birthValid = birthDate !== undefined && parseYmd(birthDate) !== null;
  if (birthValid && contactDay && compareYmd(birthDate, contactDay) > 0) issue('birthDate', '出生日期晚于接待日期');
  else if (birthValid && birthDate < '1900-01-01') issue('birthDate', '出生日期早于 1900 年，请核对');
  else if (birthValid && fromId && birthDate !== fromId.birthDate) {
    issue('birthDate', `出生日期与${idDocument}号码不一致（号码中为 ${fromId.birthDate}）`);
  }
  const gender = str(v.gender);
  if (fromId && (gender === 'male' || gender === 'female') && gender !== fromId.gender) {
    issue('gender', `性别与${idDocument}号码不一致（号码显示为${fromId.gender === 'male' ? '男' : '女'}）`);
  }

  // Age-based groups follow from the birth date (or the ID card), so statistics by group
  // cannot disagree with the dates on file.
  const knownBirth = birthValid ? birthDate : fromId?.birthDate;
  if (knownBirth && contactDay && compareYmd(knownBirth, contactDay) <= 0) {
    const groups = strings(v.specialGroups);
    const byAge = ageGroups(knownBirth, contactDay);
    const label = (code: string) => labelOf(enums.specialGroups, code);
    const checks = [
      ['minor', '未满 18 周岁', '已满 18 周岁'],
      ['elderly', '已满 60 周岁', '未满 60 周岁'],
    ] as const;
    for (const [code, isText, isNotText] of checks) {
      const ticked = groups.includes(code);
      const due = byAge.includes(code);
      if (due && !ticked) issue('specialGroups', `按出生日期，来访人接待时${isText}，请勾选“${label(code)}”`);
      if (!due && ticked) issue('specialGroups', `按出生日期，来访人接待时${isNotText}，不属于“${label(code)}”`);
    }
  }

  lawRules(v, issue, enums, { criminal, contactDay, birthDate: knownBirth });

  // Case number: a court number's year cannot be after the year of the contact.
  const caseNumber = str(v.caseNumber);
  if (caseNumber) {
    const r = parseCaseNumber(caseNumber, contactDay ? Number(contactDay.slice(0, 4)) : undefined);
    if (r.kind === 'invalid') issue('caseNumber', r.message);
  }

  // Legal-aid outcome.
  const outcome = findEntry(enums.legalAidOutcomes, str(v.legalAidOutcome) ?? '');
  if (outcome?.requiresReason && !str(v.refusalReason)) issue('refusalReason', `请填写${outcome.label}的理由`);
  if (v.followUpNeeded === true && !str(v.followUpNote)) issue('followUpNote', '请填写需要跟进的事项');

  // Household income: both figures or neither.
  const hasIncome = v.householdMonthlyIncome !== undefined;
  const hasSize = v.householdSize !== undefined;
  if (hasIncome && !hasSize) issue('householdSize', '已填写家庭月收入，请填写家庭人口');
  if (hasSize && !hasIncome) issue('householdMonthlyIncome', '已填写家庭人口，请填写家庭月收入');

  // Detainee request (Art. 39). Staff log it before any lawyer has seen the detainee:
  // only then may the lawyer and the help given be missing.
  const requestKind = str(v.requestKind);
  if (!requestKind) {
    if (!str(v.lawyerId)) issue('lawyerId', '请选择值班律师');
    if ((v.helpTypes === undefined || Array.isArray(v.helpTypes)) && strings(v.helpTypes).length === 0) issue('helpTypes', '请至少选择一项帮助类型');
  }
  const receivedAt = str(v.receivedAt);
  const transferredAt = str(v.transferredAt);
  if (requestKind) {
    if (!receivedAt) issue('receivedAt', '请填写收到申请的时间');
  } else if (receivedAt) {
    issue('requestKind', '已填写收到申请时间，请选择申请类型');
  }
  if (transferredAt && requestKind === 'meet_lawyer') issue('transferredAt', '只有法律援助申请需要填写转交时间');
  // Art. 39 para. 2: a lawyer's own contact that takes an application runs the clock from the contact.
  if (transferredAt && !requestKind && str(v.legalAidOutcome) !== 'transferred') issue('transferredAt', '只有“转交申请”的登记需要填写转交时间');
  if (!requestKind && time && transferredAt && isRfc3339(time) && isRfc3339(transferredAt) && Date.parse(transferredAt) < Date.parse(time)) {
    issue('transferredAt', '转交时间早于接待时间');
  }
  if (receivedAt && transferredAt && isRfc3339(receivedAt) && isRfc3339(transferredAt) && Date.parse(transferredAt) < Date.parse(receivedAt)) {
    issue('transferredAt', '转交时间早于收到申请的时间');
  }
}

export type ConsultationInput = z.output<ReturnType<typeof createConsultationInputSchema>>;

/** What a form holds before parsing: any field may be missing or emptied. */
export type ConsultationDraft = { [K in keyof ConsultationInput]?: ConsultationInput[K] | null };

export interface Consultation extends RecordBase, ConsultationInput {}

/**
 * Tidies a draft the way the schema will read it, for showing back in the form and for
 * saving: NFC and trimming of text, one stored form of case numbers, ID numbers (upper
 * case, no spaces) and phone numbers, no duplicate codes, and no values left behind in
 * fields the form hides (a stage after switching to a civil case, a refusal reason
 * after changing the outcome), which would otherwise fail validation invisibly.
 */
export function normalizeConsultationInput(draft: ConsultationDraft, enums: Enumerations): ConsultationDraft {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(draft)) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'string') {
      let s: string;
      switch (key) {
        case 'clientName':
          s = cleanPersonName(value);
          break;
        case 'idNumber':
          s = normalizeIdNumber(value);
          break;
        case 'caseNumber':
          s = normalizeCaseNumber(value.normalize('NFC'));
          break;
        case 'phone':
          s = normalizePhone(value);
          break;
        default:
          s = cleanText(value);
      }
      if (s !== '') out[key] = s;
    } else if (Array.isArray(value)) {
      out[key] = [...new Set(value)];
    } else {
      out[key] = value;
    }
  }

  const criminal = findEntry(enums.caseTypes, str(out.caseType) ?? '')?.scope === 'criminal';
  if (!criminal && str(out.caseType)) {
    delete out.criminalStage;
    if (out.mayFaceLifeOrDeath === true) out.mayFaceLifeOrDeath = false;
    for (const field of CRIMINAL_FIELDS) delete out[field];
  }
  if (str(out.clientRole) && !findEntry(enums.clientRoles, str(out.clientRole)!)?.accused) {
    for (const field of [...ACCUSED_FIELDS, ...PLEA_FIELDS]) delete out[field];
    if (out.clientRole !== 'close_relative') for (const field of DEFENDER_FIELDS) delete out[field];
  }
  if (out.pleaLeniency !== true) for (const field of PLEA_FIELDS) delete out[field];
  if (out.defenderNotified !== true) delete out.defenderNotifiedAt;
  if (!findEntry(enums.legalAidOutcomes, str(out.legalAidOutcome) ?? 'not_needed')?.requiresReason) {
    delete out.refusalReason;
  }
  if (out.followUpNeeded !== true) delete out.followUpNote;
  // Only a record that runs an Art. 39 clock keeps a transfer (and to whom, and by whom).
  if (!transferSourceOf({ requestKind: str(out.requestKind), legalAidOutcome: str(out.legalAidOutcome) ?? 'not_needed', clientRole: str(out.clientRole) }))
    for (const key of ['transferredAt', 'transferRecipient', 'transferReceiver', 'transferredBy']) delete out[key];
  if (out.requestKind === undefined) delete out.receivedAt;
  return out as ConsultationDraft;
}
