import { describe, expect, it } from 'vitest';
import { computeShiftLog } from '../../../core/shifts/log';
import { computeStatistics } from '../../../core/statistics/compute';
import { isOpenOvernight, shiftCovers, shiftEndSchema, shiftStartSchema } from '../../../core/shifts/schema';
import { DEFAULT_ENUMERATIONS } from '../../../core/domain/enums';
import { prefillDocument } from '../../../core/documents/prefill';
import { templateOf } from '../../../core/documents/templates/index';
import type { ConsultationFacts, DocumentFacts, MediationFacts } from '../../../core/statistics/facts';

const NOW = Date.parse('2026-11-24T18:00:00+08:00');
const shift = {
  id: 's1',
  lawyerId: 'la',
  place: 'court_service_centre',
  startedAt: '2026-11-24T08:30:00+08:00',
  endedAt: '2026-11-24T17:30:00+08:00',
  handoverNotes: '张某的起诉状待补充证据',
};

function contactFacts(id: string, over: Partial<ConsultationFacts> = {}): ConsultationFacts {
  return {
    id,
    time: '2026-11-24T09:00:00+08:00',
    lawyerId: 'la',
    shiftId: 's1',
    caseType: 'civil',
    helpTypes: ['legal_consultation'],
    specialGroups: [],
    legalAidOutcome: 'not_needed',
    ...over,
  };
}

describe('shift start and end', () => {
  it('asks for a lawyer, a known place and a time not in the future', () => {
    const schema = shiftStartSchema(DEFAULT_ENUMERATIONS, () => NOW);
    const bad = schema.safeParse({ lawyerId: '', place: 'moon', startedAt: '2026-11-24T19:00:00+08:00' });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(messages).toEqual({ lawyerId: '请选择值班律师', place: '请选择有效的值班地点', startedAt: '签到时间不能晚于现在' });
    expect(schema.safeParse({ lawyerId: 'la', place: 'court_service_centre', startedAt: '2026-11-24T08:30:00+08:00' }).success).toBe(true);
  });

  it('refuses a sign-out before the sign-in, and keeps the handover notes', () => {
    const schema = shiftEndSchema(shift.startedAt, () => NOW);
    expect(schema.safeParse({ endedAt: '2026-11-24T08:00:00+08:00' }).error?.issues[0]?.message).toBe('签退时间不能早于签到时间');
    expect(schema.parse({ endedAt: '2026-11-24T17:30:00+08:00', handoverNotes: ' 交接 ' })).toEqual({
      endedAt: '2026-11-24T17:30:00+08:00',
      handoverNotes: '交接',
    });
    expect(schema.parse({ endedAt: '2026-11-24T17:30:00+08:00', handoverNotes: '  ' }).handoverNotes).toBeUndefined();
  });

  it('flags a shift still open after the day it started, and not one that ended', () => {
    const open = { startedAt: '2026-11-23T20:00:00+08:00' };
    expect(isOpenOvernight(open, '2026-11-23')).toBe(false);
    expect(isOpenOvernight(open, '2026-11-24')).toBe(true);
    expect(isOpenOvernight({ ...open, endedAt: '2026-11-24T02:00:00+08:00' }, '2026-11-25')).toBe(false);
    expect(shiftCovers(shift, '2026-11-24T17:30:00+08:00')).toBe(true);
    expect(shiftCovers(shift, '2026-11-24T17:31:00+08:00')).toBe(false);
  });
});

describe('shift log (值班日志)', () => {
  // Hand count for shift s1: three contacts (one by another lawyer), help types
  // consultation x3 and document drafting x1, groups 农民工 x2 and 妇女 x1; one contact of
  // another shift is ignored; one complaint drafted; two mediations, one settled with
  // 38,500.00 agreed and 12,000.50 recovered; one pending transfer, received 25 hours before
  // the end, so overdue.
  const consultations = [
    contactFacts('c1', { specialGroups: ['migrant_worker'] }),
    contactFacts('c2', { helpTypes: ['legal_consultation', 'document_drafting'], specialGroups: ['migrant_worker', 'woman'] }),
    contactFacts('c3', { lawyerId: 'lb' }),
    contactFacts('c4', { shiftId: 'other', specialGroups: ['minor'] }),
    // A detainee's request staff logged against this shift's lawyer: not a contact of the shift.
    contactFacts('c5', { helpTypes: [], specialGroups: ['minor'] }),
  ];
  const documents: DocumentFacts[] = [
    { id: 'd1', kind: 'civil_complaint', createdAt: '2026-11-24T10:00:00+08:00', lawyerId: 'la', shiftId: 's1', specialGroups: [] },
  ];
  const mediations: MediationFacts[] = [
    {
      id: 'm1',
      date: '2026-11-24',
      lawyerIds: ['la', 'lc'],
      shiftId: 's1',
      type: 'pre_litigation',
      outcome: 'agreement',
      agreedFen: 3_850_000,
      recoveredFen: 1_200_050,
      becameLegalAidCase: false,
      specialGroups: [],
    },
    {
      id: 'm2',
      date: '2026-11-24',
      lawyerIds: ['la'],
      shiftId: 's1',
      type: 'in_litigation',
      outcome: 'no_agreement',
      agreedFen: 0,
      recoveredFen: 0,
      becameLegalAidCase: true,
      specialGroups: [],
    },
    // Recorded in this shift, held the month before: counted in October's statistics, not here.
    {
      id: 'm3',
      date: '2026-10-31',
      lawyerIds: ['la'],
      shiftId: 's1',
      type: 'pre_litigation',
      outcome: 'agreement',
      agreedFen: 100_000,
      recoveredFen: 0,
      becameLegalAidCase: false,
      specialGroups: [],
    },
  ];
  const names: Record<string, string> = { la: '张律师', lb: '李律师', lc: '陈律师' };
  const log = computeShiftLog({
    shift,
    consultations,
    documents,
    mediations,
    pendingTransfers: [{ clientName: '刘某', receivedAt: '2026-11-23T16:30:00+08:00' }],
    openRequests: [
      { clientName: '赵某', receivedAt: '2026-11-24T15:10:00+08:00' },
      { clientName: '钱某', receivedAt: '2026-11-24T09:05:00+08:00' },
    ],
    answeredRequests: 1,
    lawyerName: (id) => names[id] ?? id,
    documentLabel: (k) => (k === 'civil_complaint' ? '民事起诉状' : k),
    enums: DEFAULT_ENUMERATIONS,
  });

  it("counts the shift's own records by help type, group, document kind and mediation", () => {
    expect(log.lawyers).toEqual(['张律师', '李律师', '陈律师']);
    expect(log.consultations).toBe(3);
    expect(log.helpTypes.map((l) => [l.code, l.count])).toEqual([
      ['legal_consultation', 3],
      ['document_drafting', 1],
    ]);
    expect(log.specialGroups.map((l) => [l.code, l.count])).toEqual([
      ['migrant_worker', 2],
      ['woman', 1],
    ]);
    expect(log.documents).toEqual([{ code: 'civil_complaint', label: '民事起诉状', count: 1 }]);
    expect(log.mediations).toEqual({ joined: 2, settled: 1, agreed: '38500.00', recovered: '12000.50' });
    expect(log.pendingTransfers).toEqual([{ clientName: '刘某', receivedAt: '2026-11-23T16:30:00+08:00', dueAt: '2026-11-24T16:30:00+08:00', overdue: true }]);
  });

  it('counts a mediation on its own date, as the statistics do, and names one recorded late apart', () => {
    expect(log.mediations.joined).toBe(2);
    expect(log.backfilledMediations).toEqual(['2026-10-31']);
    const stats = computeStatistics({
      period: { from: '2026-11-01', to: '2026-11-30' },
      consultations: [],
      mediations,
      documents: [],
      lawyers: [],
      enums: DEFAULT_ENUMERATIONS,
      now: Date.parse('2026-11-25T00:00:00+08:00'),
    });
    expect(stats.total.mediations.joined).toBe(log.mediations.joined);
  });

  it('hands the 约见 requests no lawyer met to the next shift, oldest first, and counts those met', () => {
    expect(log.openRequests).toEqual([
      { clientName: '钱某', receivedAt: '2026-11-24T09:05:00+08:00' },
      { clientName: '赵某', receivedAt: '2026-11-24T15:10:00+08:00' },
    ]);
    expect(log.answeredRequests).toBe(1);
  });

  it('fills the 值班日志 template', () => {
    const values = prefillDocument(templateOf('shift_log')!, {
      shiftLog: log,
      station: { name: '和平区法院工作站', code: 'S1' },
      today: '2026-11-25',
      enums: DEFAULT_ENUMERATIONS,
    });
    expect(values).toMatchObject({
      stationName: '和平区法院工作站',
      shiftLawyers: '张律师、李律师、陈律师',
      shiftPeriod: '2026年11月24日08时30分至17时30分',
      consultationCount: '3 人次（其中接待在押人员约见申请 1 人次）',
      documentCounts: ['民事起诉状：1 份'],
      mediationSummary: '参与 2 件，达成 1 件，协议金额38,500.00元，挽回经济损失12,000.50元（另补录调解 1 件，调解日期为10月31日，计入该日期所在期间的统计）',
      pendingTransfers: ['刘某，2026年11月23日16时30分收到，应于2026年11月24日16时30分前转交（已超时）'],
      openRequests: ['钱某，2026年11月24日09时05分申请约见值班律师', '赵某，2026年11月24日15时10分申请约见值班律师'],
      handoverNotes: '张某的起诉状待补充证据',
      date: '2026-11-24',
    });
    expect(values.helpTypeCounts).toEqual(['法律咨询：3 人次', '代写法律文书：1 人次']);
  });
});
