import dayjs from 'dayjs';
import { labelOf, type EnumEntry, type Enumerations } from '../../../../core/domain/enums';
import { REQUEST_KINDS, type ConsultationInput } from '../../../../core/consultations/schema';
import { formatYuanFen, numberToFen } from '../../../../core/money';
import { REQUEST_VIEW_FIELDS, type Withheld } from '../../../../core/access/recordViews';

/** One row of the record sheet: a label, and the text or the tags to show. */
export interface DetailRow {
  key: string;
  label: string;
  /** The record fields this row shows; the coverage test reads it. */
  fields: readonly (keyof ConsultationInput)[];
  text?: string;
  tags?: string[];
  /** Multi-line prose (pre-wrapped). */
  prose?: boolean;
  /** Left out of the request view the reader has (core/access/recordViews.ts): shown as 无权查看. */
  withheld?: boolean;
  span?: 1 | 2;
}

/**
 * Fields the sheet shows elsewhere or that are bookkeeping: the lawyer (by name, from the
 * roster), the shift, and who marked the transfer (shown with the transfer notice).
 */
export const SHOWN_ELSEWHERE: readonly (keyof ConsultationInput)[] = [
  'lawyerId',
  'shiftId',
  'transferredAt',
  'transferRecipient',
  'transferReceiver',
  'transferredBy',
];

const DASH = '—';
const time = (v?: string) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : DASH);
const yesNo = (v: boolean | undefined) => (v === undefined ? '未记录' : v ? '是' : '否');

/**
 * Every field that was entered, in the order of the form (issue 20 item 18). The always-
 * present rows come first; the rows of a fact recorded only in some contacts (criminal
 * procedure, legal-aid means, plea leniency) appear only when it was recorded.
 */
export function detailRows(r: ConsultationInput & Withheld, enums: Enumerations, lawyerName: string): DetailRow[] {
  const rows = allRows(r, enums, lawyerName);
  if (!r.withheld) return rows;
  const kept = new Set<string>(REQUEST_VIEW_FIELDS);
  return rows.map((row) =>
    row.fields.every((f) => kept.has(f))
      ? row
      : { key: row.key, label: row.label, fields: row.fields, text: '无权查看', withheld: true, ...(row.span ? { span: row.span } : {}) },
  );
}

function allRows(r: ConsultationInput, enums: Enumerations, lawyerName: string): DetailRow[] {
  const label = (list: readonly EnumEntry[], code?: string) => (code ? labelOf(list, code) : DASH);
  const labels = (list: readonly EnumEntry[], codes: readonly string[] | undefined) => (codes ?? []).map((c) => labelOf(list, c));
  const rows: DetailRow[] = [];
  const row = (key: string, lbl: string, fields: DetailRow['fields'], body: Pick<DetailRow, 'text' | 'tags' | 'prose'>, span?: 1 | 2) =>
    rows.push({ key, label: lbl, fields, ...body, ...(span ? { span } : {}) });

  row('time', '接待时间', ['time'], { text: time(r.time) });
  row('lawyer', '值班律师', ['lawyerId'], { text: lawyerName || DASH });
  row('place', '接待地点', ['place'], { text: label(enums.consultationPlaces, r.place) });
  row('clientRole', '来访人身份', ['clientRole'], { text: label(enums.clientRoles, r.clientRole) });
  row('clientName', '姓名', ['clientName'], { text: r.clientName });
  row('id', '证件', ['idType', 'idNumber'], { text: `${label(enums.idTypes, r.idType)} ${r.idNumber ?? ''}`.trim() });
  row('gender', '性别', ['gender'], { text: label(enums.genders, r.gender) });
  row('birthDate', '出生日期', ['birthDate'], { text: r.birthDate ?? DASH });
  row('ethnicity', '民族', ['ethnicity'], { text: label(enums.ethnicGroups, r.ethnicity) });
  row('phone', '联系电话', ['phone'], { text: r.phone ?? DASH });
  row('address', '住址', ['address'], { text: r.address ?? DASH }, 2);
  row(
    'specialGroups',
    '特殊群体',
    ['specialGroups'],
    (r.specialGroups ?? []).length ? { tags: labels(enums.specialGroups, r.specialGroups) } : { text: DASH },
    2,
  );
  if ((r.disabilities ?? []).length > 0) row('disabilities', '残疾类别', ['disabilities'], { text: labels(enums.disabilities, r.disabilities).join('、') }, 2);
  row('caseType', '案件类型', ['caseType'], { text: label(enums.caseTypes, r.caseType) });
  row('criminalStage', '诉讼阶段', ['criminalStage'], { text: label(enums.criminalStages, r.criminalStage) });
  row('caseNumber', '案号', ['caseNumber'], { text: r.caseNumber ?? DASH });
  row('cause', '案由/罪名', ['cause'], { text: r.cause ?? DASH });
  row('helpTypes', '帮助类型', ['helpTypes'], { text: (r.helpTypes ?? []).length ? labels(enums.helpTypes, r.helpTypes).join('、') : DASH }, 2);
  row('question', '咨询事项', ['question'], { text: r.question, prose: true }, 2);
  row('advice', '解答意见', ['advice'], { text: r.advice ?? DASH, prose: true }, 2);
  row('duration', '接待时长', ['durationMinutes'], { text: r.durationMinutes ? `${r.durationMinutes} 分钟` : DASH });
  row('followUp', '跟进', ['followUpNeeded', 'followUpNote'], { text: r.followUpNeeded ? (r.followUpNote ?? '需要跟进') : '无需跟进' });
  row('legalAidOutcome', '法律援助', ['legalAidOutcome'], { text: label(enums.legalAidOutcomes, r.legalAidOutcome) });
  row('refusalReason', '理由', ['refusalReason'], { text: r.refusalReason ?? DASH });
  if ((r.aidMatters ?? []).length > 0) row('aidMatters', '申请事项', ['aidMatters'], { text: labels(enums.legalAidMatters, r.aidMatters).join('、') }, 2);
  meansRows(r, row);
  lawRulesRows(r, enums, row);
  if (r.requestKind) {
    const kind = REQUEST_KINDS.find((k) => k.code === r.requestKind)?.label ?? r.requestKind;
    row('request', '在押人员申请', ['requestKind', 'receivedAt'], { text: `${kind}，收到于 ${time(r.receivedAt)}` }, 2);
  }
  if (r.answeredRequestId) row('answeredRequest', '接待的申请', ['answeredRequestId'], { text: '本次接待回应了看守所登记的约见申请' }, 2);
  if (r.answeredAt) row('answeredAt', '申请已接待', ['answeredAt', 'answeredBy'], { text: `${time(r.answeredAt)} 由值班律师接待` }, 2);
  return rows;
}

type AddRow = (key: string, lbl: string, fields: DetailRow['fields'], body: Pick<DetailRow, 'text' | 'tags' | 'prose'>, span?: 1 | 2) => void;

/** The means test's facts (法律援助法 第三十四条、第四十二条), when any was recorded. */
function meansRows(r: ConsultationInput, row: AddRow): void {
  if (r.householdMonthlyIncome !== undefined)
    row('income', '家庭月收入', ['householdMonthlyIncome'], { text: formatYuanFen(numberToFen(r.householdMonthlyIncome)) });
  if (r.householdSize !== undefined) row('householdSize', '家庭人口', ['householdSize'], { text: `${r.householdSize} 人` });
  if (r.noFixedIncome) row('noFixedIncome', '无固定生活来源', ['noFixedIncome'], { text: '是' });
  if (r.mayFaceLifeOrDeath) row('mayFaceLifeOrDeath', '可能判处无期徒刑、死刑', ['mayFaceLifeOrDeath'], { text: '是' });
}

/** Art. 25, Art. 42 and plea-leniency facts (issue 17): only what was recorded. */
function lawRulesRows(r: ConsultationInput, enums: Enumerations, row: AddRow): void {
  if (r.hasDefenceCounsel !== undefined) row('hasDefenceCounsel', '已委托辩护人', ['hasDefenceCounsel'], { text: yesNo(r.hasDefenceCounsel) });
  if (r.custodyStatus) row('custodyStatus', '羁押状态', ['custodyStatus'], { text: labelOf(enums.custodyStatuses, r.custodyStatus) });
  if (r.handlingAuthority) row('handlingAuthority', '办案机关', ['handlingAuthority'], { text: r.handlingAuthority });
  const procedures = [r.deathPenaltyReview && '死刑复核案件', r.trialInAbsentia && '缺席审判案件'].filter(Boolean);
  if (r.deathPenaltyReview !== undefined || r.trialInAbsentia !== undefined) {
    row('procedure', '特别程序', ['deathPenaltyReview', 'trialInAbsentia'], {
      text: procedures.length > 0 ? procedures.join('、') : '非死刑复核、缺席审判案件',
    });
  }
  if (r.defenderNotified !== undefined) {
    const at = r.defenderNotifiedAt ? `，${time(r.defenderNotifiedAt)}` : '';
    row('defenderNotified', '通知指派辩护人', ['defenderNotified', 'defenderNotifiedAt'], { text: r.defenderNotified ? `办案机关已通知${at}` : '尚未通知' });
  }
  if (r.exemptionProof) row('exemptionProof', '证明材料', ['exemptionProof'], { text: r.exemptionProof });
  if ((r.otherExemptions ?? []).length > 0) {
    row('otherExemptions', '其他免予审查情形', ['otherExemptions'], {
      text: (r.otherExemptions ?? []).map((c) => labelOf(enums.noMeansTestGrounds, c)).join('、'),
    });
  }
  if (r.pleaLeniency === undefined) return;
  const pledge = r.pleaLeniency
    ? `是；具结书${r.pledgeSigned ? '已签署' : '未签署'}${r.pledgeSigned ? `，值班律师${r.pledgeWitnessed ? '在场' : '未在场'}` : ''}`
    : '否';
  row('pleaLeniency', '认罪认罚', ['pleaLeniency', 'pledgeSigned', 'pledgeWitnessed'], { text: pledge }, 2);
  if (r.minorPleaObjection) row('minorPleaObjection', '异议', ['minorPleaObjection'], { text: '法定代理人或辩护人对认罪认罚有异议' }, 2);
  const texts: [keyof ConsultationInput & string, string][] = [
    ['sentencingProposal', '量刑建议'],
    ['pleaViewFacts', '对犯罪事实的意见'],
    ['pleaViewCharge', '对罪名的意见'],
    ['pleaViewProposal', '对量刑建议的意见'],
    ['pleaViewProcedure', '对程序适用的意见'],
    ['lawyerOpinion', '值班律师意见'],
  ];
  for (const [key, lbl] of texts) {
    const value = r[key];
    if (typeof value === 'string' && value) row(key, lbl, [key], { text: value, prose: true }, 2);
  }
}
