import { describe, expect, it } from 'vitest';
import { computeStatistics } from '../../../core/statistics/compute';
import { statisticsTables } from '../../../core/statistics/tables';
import { DEFAULT_ENUMERATIONS } from '../../../core/domain/enums';
import { documentLabel, requests, statisticsInput as input } from './statisticsFixture';

describe('statistics of a period', () => {
  const r = computeStatistics(input);

  it('counts the station-wide figures', () => {
    expect(r.total.consultations).toBe(5);
    expect(r.total.helpTypes).toEqual({ legal_consultation: 5, plea_signing_presence: 1, document_drafting: 1 });
    expect(r.total.pleaWitnessed).toBe(1);
    expect(r.total.legalAid).toEqual({ applied: 1, transferred: 2, refused: 1, overdueTransfers: 2 });
    expect(r.total.documents).toEqual({ legal_aid_application: 1, civil_complaint: 2 });
    expect(r.total.documentsTotal).toBe(3);
    expect(r.total.mediations).toEqual({ joined: 2, settled: 1, agreedFen: 3_850_000, recoveredFen: 1_200_050, becameLegalAid: 1 });
  });

  it('counts plea-leniency cases, and a statement witnessed once whether the help type or the plea box records it', () => {
    const plea = computeStatistics({
      ...input,
      consultations: [
        ...input.consultations,
        {
          id: 'p1',
          time: '2026-11-10T09:00:00+08:00',
          lawyerId: 'la',
          caseType: 'criminal',
          helpTypes: ['legal_consultation'],
          specialGroups: [],
          legalAidOutcome: 'not_needed',
          pleaLeniency: true,
          pledgeWitnessed: true,
        },
        {
          id: 'p2',
          time: '2026-11-10T10:00:00+08:00',
          lawyerId: 'la',
          caseType: 'criminal',
          helpTypes: ['plea_signing_presence'],
          specialGroups: [],
          legalAidOutcome: 'not_needed',
          pleaLeniency: true,
          pledgeWitnessed: true,
        },
      ],
    });
    // c1 (help type only) + p1 (box only) + p2 (both, once).
    expect(plea.total).toMatchObject({ pleaLeniencyCases: 2, pleaWitnessed: 3 });
    const summary = statisticsTables(plea, DEFAULT_ENUMERATIONS, documentLabel)[0]!;
    expect(summary.rows).toContainEqual(['认罪认罚案件', 2]);
  });

  it('splits by lawyer: a mediation counts for each lawyer who took part', () => {
    const [zhang, li] = r.byLawyer;
    expect([zhang!.label, li!.label]).toEqual(['张律师', '李律师']);
    expect(zhang!.figures.consultations).toBe(3);
    expect(zhang!.figures.legalAid).toEqual({ applied: 1, transferred: 1, refused: 1, overdueTransfers: 1 });
    expect(zhang!.figures.mediations.joined).toBe(1);
    expect(li!.figures.consultations).toBe(2);
    expect(li!.figures.mediations).toEqual({ joined: 2, settled: 1, agreedFen: 3_850_000, recoveredFen: 1_200_050, becameLegalAid: 1 });
    expect(li!.figures.documentsTotal).toBe(2);
  });

  it('splits by special group (several groups count once each) and by case type', () => {
    const group = Object.fromEntries(r.bySpecialGroup.map((s) => [s.label, s.figures]));
    expect(Object.keys(group)).toEqual(['农民工', '未成年人', '残疾人', '无特殊群体', '减：同属多个特殊群体，重复计入']);
    expect(group['未成年人']!.consultations).toBe(2);
    expect(group['残疾人']!.consultations).toBe(1);
    expect(group['农民工']!.mediations.agreedFen).toBe(3_850_000);
    expect(group['农民工']!.documentsTotal).toBe(1);
    expect(group['无特殊群体']!).toMatchObject({ consultations: 2, documentsTotal: 1, mediations: { joined: 1 } });
    const type = Object.fromEntries(r.byCaseType.map((s) => [s.label, s.figures]));
    expect(Object.keys(type)).toEqual(['刑事', '民事', '未关联登记']);
    expect(type['刑事']!.consultations).toBe(4);
    expect(type['民事']!).toMatchObject({ consultations: 1, documentsTotal: 1, mediations: { joined: 1, settled: 1 } });
    expect(type['未关联登记']!).toMatchObject({ consultations: 0, documentsTotal: 1, mediations: { joined: 1, settled: 0 } });
  });

  it("gives the trend by day and one lawyer's own figures", () => {
    expect(r.trend).toEqual([
      { day: '2026-11-02', consultations: 2, mediations: 0, documents: 1 },
      { day: '2026-11-15', consultations: 1, mediations: 1, documents: 2 },
      { day: '2026-11-16', consultations: 0, mediations: 1, documents: 0 },
      { day: '2026-11-20', consultations: 1, mediations: 0, documents: 0 },
      { day: '2026-11-29', consultations: 1, mediations: 0, documents: 0 },
    ]);
    const own = computeStatistics({ ...input, lawyerId: 'la' });
    expect(own.total).toMatchObject({ consultations: 3, documentsTotal: 1, mediations: { joined: 1, settled: 1 } });
    expect(own.byLawyer.map((s) => s.key)).toEqual(['la']);
  });

  it('the tables shown, exported and printed carry the same totals', () => {
    const tables = statisticsTables(r, DEFAULT_ENUMERATIONS, documentLabel);
    const summary = Object.fromEntries(tables[0]!.rows.map(([k, v]) => [k, v]));
    expect(summary).toMatchObject({
      咨询人次: 5,
      具结书签署在场: 1,
      超时转交: 2,
      '代写文书（份）': 3,
      '协议金额（元）': '38,500.00',
      '挽回经济损失（元）': '12,000.50',
      调解转为法律援助案件: 1,
    });
    const byLawyer = tables.find((t) => t.title === '按值班律师')!;
    expect(byLawyer.rows.at(-1)).toEqual(['合计', 5, 0, 1, 1, 2, 2, 3, 2, 1, '38,500.00', '12,000.50']);
    const help = tables.find((t) => t.title === '按帮助类型')!;
    expect(help.columns.slice(0, 4)).toEqual(['帮助类型', '合计', '刑事', '民事']);
    expect(help.rows[0]!.slice(0, 4)).toEqual(['法律咨询', 5, 4, 1]);
    expect(tables.find((t) => t.title === '按文书种类')!.rows).toEqual([
      ['法律援助申请表', 1, 1, 0],
      ['民事起诉状', 2, 0, 2],
    ]);
  });

  it('counts a detainee request no lawyer has handled by its transfer only, not as a contact', () => {
    const withRequests = computeStatistics({ ...input, consultations: [...input.consultations, ...requests] });
    // Their own row in the per-lawyer table, so that its rows add up to 合计 (issue 17 item 7).
    expect(withRequests.byLawyer.find((l) => l.label === '看守所登记（未经值班律师接待）')!.figures).toMatchObject({
      consultations: 0,
      legalAid: { transferred: 2, overdueTransfers: 1, applied: 0, refused: 0 },
    });
    expect(withRequests.total.consultations).toBe(r.total.consultations);
    expect(withRequests.total.helpTypes).toEqual(r.total.helpTypes);
    expect(withRequests.total.legalAid).toEqual({
      ...r.total.legalAid,
      transferred: r.total.legalAid.transferred + 2,
      overdueTransfers: r.total.legalAid.overdueTransfers + 1,
    });
    expect(withRequests.byLawyer.filter((l) => l.key === 'la' || l.key === 'lb')).toEqual(r.byLawyer.filter((l) => l.key === 'la' || l.key === 'lb'));
    expect(withRequests.trend).toEqual(r.trend);
    const minors = (rep: typeof r) => rep.bySpecialGroup.find((g) => g.key === 'minor')!.figures;
    expect(minors(withRequests).consultations).toBe(minors(r).consultations);
    expect(minors(withRequests).legalAid.transferred).toBe(minors(r).legalAid.transferred + 1);
  });

  it('counts a transfer at exactly the deadline as on time and one a millisecond later as overdue (the same rule as the queue)', () => {
    const at = (transferredAt: string) =>
      computeStatistics({
        ...input,
        consultations: [
          {
            id: 'x',
            time: '2026-11-10T08:00:00+08:00',
            lawyerId: 'la',
            caseType: 'criminal',
            helpTypes: ['legal_consultation'],
            specialGroups: [],
            legalAidOutcome: 'transferred',
            transfer: { receivedAt: '2026-11-10T08:00:00+08:00', transferredAt },
          },
        ],
      }).total.legalAid.overdueTransfers;
    expect(at('2026-11-11T08:00:00.000+08:00')).toBe(0);
    expect(at('2026-11-11T08:00:00.001+08:00')).toBe(1);
  });

  it('splits by criminal stage and by place of contact, a request by its transfer only', () => {
    const rep = computeStatistics({ ...input, consultations: [...input.consultations, ...requests] });
    const rows = (slices: typeof rep.byStage) =>
      Object.fromEntries(
        slices.map((s) => [
          s.label,
          [s.figures.consultations, s.figures.pleaWitnessed, s.figures.legalAid.applied, s.figures.legalAid.transferred, s.figures.legalAid.overdueTransfers],
        ]),
      );
    // Hand-counted from the fixture's table: c1 c5 r1 侦查, c2 r2 审查起诉, c4 审判, c3 civil.
    expect(rows(rep.byStage)).toEqual({
      侦查: [2, 1, 1, 1, 1],
      审查起诉: [1, 0, 0, 2, 1],
      审判: [1, 0, 0, 1, 1],
      非刑事案件: [1, 0, 0, 0, 0],
    });
    // c3 court; c1 c4 r1 r2 detention centre; c2 procuratorate; c5 police case centre.
    expect(rows(rep.byPlace)).toEqual({
      法院诉讼服务中心: [1, 0, 0, 0, 0],
      看守所: [2, 1, 1, 3, 2],
      检察院: [1, 0, 0, 1, 0],
      公安执法办案中心: [1, 0, 0, 0, 1],
    });
    const tables = statisticsTables(rep, DEFAULT_ENUMERATIONS, documentLabel);
    expect(tables.find((t) => t.title === '按诉讼阶段')!.columns).toEqual([
      '诉讼阶段',
      '咨询人次',
      '认罪认罚案件',
      '具结书签署在场',
      '当场申请法律援助',
      '转交法律援助申请',
      '超时转交',
    ]);
    expect(tables.find((t) => t.title === '按接待地点')!.rows.at(-1)).toEqual(['合计', 5, 0, 1, 1, 4, 3]);
  });

  it("every table's 合计 row equals the sum of its rows (requests, joint mediations and people in several groups included)", () => {
    const toFen = (v: string | number) => (typeof v === 'number' ? v : Math.round(Number(v) * 100));
    const reports = [
      computeStatistics({ ...input, consultations: [...input.consultations, ...requests] }),
      computeStatistics(input),
      computeStatistics({ ...input, lawyerId: 'lb' }),
    ];
    let checked = 0;
    for (const rep of reports) {
      for (const t of statisticsTables(rep, DEFAULT_ENUMERATIONS, documentLabel)) {
        const last = t.rows.at(-1);
        if (last?.[0] !== '合计') continue;
        for (let col = 1; col < t.columns.length; col++) {
          const sum = t.rows.slice(0, -1).reduce((acc, row) => acc + toFen(row[col]!), 0);
          expect([t.title, t.columns[col], sum]).toEqual([t.title, t.columns[col], toFen(last[col]!)]);
          checked++;
        }
      }
    }
    // 按值班律师, 按特殊群体, 按案件类型, 按诉讼阶段, 按接待地点 in each of the three reports.
    expect(checked).toBe(3 * (11 + 11 + 11 + 6 + 6));
  });
});
