import dayjs, { type Dayjs } from 'dayjs';
import type { ConsultationDraft, ConsultationInput } from '../../../core/consultations/schema';
import { toRfc3339 } from '../../../core/time/rfc3339';

/** What the Ant Design form holds: dates as dayjs, everything else as in the draft. */
export type ConsultationFormValues = Omit<ConsultationDraft, 'time' | 'birthDate' | 'receivedAt' | 'transferredAt' | 'defenderNotifiedAt'> & {
  time?: Dayjs | null;
  birthDate?: Dayjs | null;
  receivedAt?: Dayjs | null;
  transferredAt?: Dayjs | null;
  defenderNotifiedAt?: Dayjs | null;
};

export function toDraft(values: ConsultationFormValues): ConsultationDraft {
  const { time, birthDate, receivedAt, transferredAt, defenderNotifiedAt, ...rest } = values;
  const draft: ConsultationDraft = { ...rest };
  if (time) draft.time = toRfc3339(time.toDate());
  if (birthDate) draft.birthDate = birthDate.format('YYYY-MM-DD');
  if (receivedAt) draft.receivedAt = toRfc3339(receivedAt.toDate());
  if (transferredAt) draft.transferredAt = toRfc3339(transferredAt.toDate());
  if (defenderNotifiedAt) draft.defenderNotifiedAt = toRfc3339(defenderNotifiedAt.toDate());
  return draft;
}

export function toFormValues(input: Partial<ConsultationInput>): ConsultationFormValues {
  const { time, birthDate, receivedAt, transferredAt, defenderNotifiedAt, ...rest } = input;
  return {
    ...rest,
    time: time ? dayjs(time) : null,
    birthDate: birthDate ? dayjs(birthDate) : null,
    receivedAt: receivedAt ? dayjs(receivedAt) : null,
    transferredAt: transferredAt ? dayjs(transferredAt) : null,
    defenderNotifiedAt: defenderNotifiedAt ? dayjs(defenderNotifiedAt) : null,
  };
}

/** The person and the case of an earlier record, to start a new contact with (not the help, nor the request). */
export function personAndCaseOf(record: Partial<ConsultationInput>): ConsultationFormValues {
  const keep = [
    'place',
    'clientRole',
    'clientName',
    'idType',
    'idNumber',
    'gender',
    'birthDate',
    'ethnicity',
    'phone',
    'address',
    'specialGroups',
    'disabilities',
    'caseType',
    'criminalStage',
    'caseNumber',
    'cause',
    'mayFaceLifeOrDeath',
    'hasDefenceCounsel',
    'custodyStatus',
    'handlingAuthority',
    'deathPenaltyReview',
    'trialInAbsentia',
  ] as const;
  const picked: Partial<ConsultationInput> = {};
  for (const key of keep) if (record[key] !== undefined) (picked as Record<string, unknown>)[key] = record[key];
  const { time: _t, receivedAt: _r, transferredAt: _f, defenderNotifiedAt: _n, ...values } = toFormValues(picked);
  return values;
}

/** Field labels, for messages and the edit history. */
export const FIELD_LABELS: Record<string, string> = {
  time: '接待时间',
  lawyerId: '值班律师',
  shiftId: '班次',
  place: '接待地点',
  clientRole: '来访人身份',
  clientName: '姓名',
  idType: '证件类型',
  idNumber: '证件号码',
  gender: '性别',
  birthDate: '出生日期',
  ethnicity: '民族',
  phone: '联系电话',
  address: '住址',
  specialGroups: '特殊群体',
  disabilities: '残疾类别',
  caseType: '案件类型',
  criminalStage: '诉讼阶段',
  caseNumber: '案号',
  cause: '案由/罪名',
  mayFaceLifeOrDeath: '可能判处无期徒刑、死刑',
  helpTypes: '帮助类型',
  question: '咨询事项',
  advice: '解答意见',
  durationMinutes: '接待时长',
  followUpNeeded: '需要跟进',
  followUpNote: '跟进事项',
  legalAidOutcome: '法律援助',
  refusalReason: '不予受理或拒绝的理由',
  aidMatters: '申请事项',
  noFixedIncome: '无固定生活来源',
  householdMonthlyIncome: '家庭月收入',
  householdSize: '家庭人口',
  requestKind: '在押人员申请',
  receivedAt: '收到申请时间',
  transferredAt: '转交时间',
  transferRecipient: '接收机构',
  transferReceiver: '接收人',
  transferredBy: '转交登记人',
  hasDefenceCounsel: '已委托辩护人',
  custodyStatus: '羁押状态',
  handlingAuthority: '办案机关',
  deathPenaltyReview: '死刑复核案件',
  trialInAbsentia: '缺席审判案件',
  defenderNotified: '办案机关已通知指派辩护人',
  defenderNotifiedAt: '通知时间',
  exemptionProof: '证明材料',
  otherExemptions: '其他免予审查情形',
  pleaLeniency: '认罪认罚',
  sentencingProposal: '量刑建议',
  pleaViewFacts: '对犯罪事实的意见',
  pleaViewCharge: '对罪名的意见',
  pleaViewProposal: '对量刑建议的意见',
  pleaViewProcedure: '对程序适用的意见',
  lawyerOpinion: '值班律师意见',
  pledgeSigned: '具结书已签署',
  pledgeWitnessed: '签署时值班律师在场',
  minorPleaObjection: '法定代理人或辩护人有异议',
  deleted: '删除状态',
  ownerId: '登记人',
};
