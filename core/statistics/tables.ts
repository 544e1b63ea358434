import { formatFen } from '../money';
import type { Enumerations } from '../domain/enums';
import type { Figures, Slice, StatisticsReport } from './compute';

/** A table as the page, the workbook and the PDF all show it: same titles, same cells. */
export interface StatTable {
  title: string;
  columns: string[];
  rows: (string | number)[][];
}

interface Measure {
  label: string;
  value(f: Figures): string | number;
  /** Counted from mediations or documents, which carry no stage or place of contact. */
  notByContact?: true;
}

/** The measures every breakdown shows, in the order supervisors report them. */
const MEASURES: Measure[] = [
  { label: '咨询人次', value: (f) => f.consultations },
  { label: '认罪认罚案件', value: (f) => f.pleaLeniencyCases },
  { label: '具结书签署在场', value: (f) => f.pleaWitnessed },
  { label: '当场申请法律援助', value: (f) => f.legalAid.applied },
  { label: '转交法律援助申请', value: (f) => f.legalAid.transferred },
  { label: '超时转交', value: (f) => f.legalAid.overdueTransfers },
  { label: '代写文书（份）', value: (f) => f.documentsTotal, notByContact: true },
  { label: '参与调解（件）', value: (f) => f.mediations.joined, notByContact: true },
  { label: '调解成功（件）', value: (f) => f.mediations.settled, notByContact: true },
  { label: '协议金额（元）', value: (f) => formatFen(f.mediations.agreedFen), notByContact: true },
  { label: '挽回经济损失（元）', value: (f) => formatFen(f.mediations.recoveredFen), notByContact: true },
];

/** The measures of contacts and requests alone: what a stage or a place of contact can be counted by. */
const CONTACT_MEASURES = MEASURES.filter((m) => !m.notByContact);

/** One row per slice and a 合计 row; the slices add up to it (compute.ts adds a correction row where records overlap). */
function breakdown(title: string, first: string, slices: readonly Slice[], total: Figures, measures: readonly Measure[] = MEASURES): StatTable {
  return {
    title,
    columns: [first, ...measures.map((m) => m.label)],
    rows: [...slices.map((s) => [s.label, ...measures.map((m) => m.value(s.figures))]), ['合计', ...measures.map((m) => m.value(total))]],
  };
}

export function statisticsTables(report: StatisticsReport, enums: Enumerations, documentLabel: (kind: string) => string): StatTable[] {
  const t = report.total;
  const summary: StatTable = {
    title: '汇总',
    columns: ['项目', '数量'],
    rows: [...MEASURES.map((m) => [m.label, m.value(t)]), ['不予受理或拒绝', t.legalAid.refused], ['调解转为法律援助案件', t.mediations.becameLegalAid]],
  };
  const helpCodes = enums.helpTypes.filter((h) => t.helpTypes[h.code]);
  const helpTable: StatTable = {
    title: '按帮助类型',
    columns: ['帮助类型', '合计', ...report.byCaseType.map((s) => s.label), ...report.bySpecialGroup.map((s) => s.label)],
    rows: helpCodes.map((h) => [
      h.label,
      t.helpTypes[h.code] ?? 0,
      ...report.byCaseType.map((s) => s.figures.helpTypes[h.code] ?? 0),
      ...report.bySpecialGroup.map((s) => s.figures.helpTypes[h.code] ?? 0),
    ]),
  };
  const kinds = Object.keys(t.documents);
  // Lawyers who drafted something; requests and corrections draft nothing.
  const drafters = report.byLawyer.filter((s) => s.figures.documentsTotal !== 0);
  const documentTable: StatTable = {
    title: '按文书种类',
    columns: ['文书种类', '合计', ...drafters.map((s) => s.label)],
    rows: kinds.map((k) => [documentLabel(k), t.documents[k] ?? 0, ...drafters.map((s) => s.figures.documents[k] ?? 0)]),
  };
  return [
    summary,
    breakdown('按值班律师', '值班律师', report.byLawyer, t),
    breakdown('按特殊群体', '特殊群体', report.bySpecialGroup, t),
    breakdown('按案件类型', '案件类型', report.byCaseType, t),
    breakdown('按诉讼阶段', '诉讼阶段', report.byStage, t, CONTACT_MEASURES),
    breakdown('按接待地点', '接待地点', report.byPlace, t, CONTACT_MEASURES),
    helpTable,
    documentTable,
    {
      title: '按日',
      columns: ['日期', '咨询人次', '参与调解', '代写文书'],
      rows: report.trend.map((d) => [d.day, d.consultations, d.mediations, d.documents]),
    },
  ];
}

/**
 * The rule every figure follows (issue 20 item 5), shown on the page and printed under the
 * report's tables, so that a supervisor comparing them with the shift logs knows why a
 * mediation recorded late counts in another month.
 */
export const COUNTING_RULE =
  '统计口径：咨询人次按接待时间、代写文书按起草时间、参与调解按调解日期计入所选期间；法律援助申请转交按收到申请的时间计算是否超过 24 小时。' +
  '值班日志按班次汇总，与同期统计一致；班次中补录的往期调解在值班日志中单列，计入其调解日期所在期间。' +
  '同一调解有多名律师参与、同一人属于多个特殊群体的，在分项中各计一次，合计只计一次，差额见“减：……重复计入”行。';
