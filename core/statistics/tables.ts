import { fenToYuan } from '../mediations/schema';
import type { Enumerations } from '../domain/enums';
import type { Figures, Slice, StatisticsReport } from './compute';

/** A table as the page, the workbook and the PDF all show it: same titles, same cells. */
export interface StatTable {
  title: string;
  columns: string[];
  rows: (string | number)[][];
}

const yuan = (fen: number) => fenToYuan(fen);

/** The measures every breakdown shows, in the order supervisors report them. */
const MEASURES: { label: string; value(f: Figures): string | number }[] = [
  { label: '咨询人次', value: (f) => f.consultations },
  { label: '认罪认罚案件', value: (f) => f.pleaLeniencyCases },
  { label: '具结书签署在场', value: (f) => f.pleaWitnessed },
  { label: '当场申请法律援助', value: (f) => f.legalAid.applied },
  { label: '转交法律援助申请', value: (f) => f.legalAid.transferred },
  { label: '超时转交', value: (f) => f.legalAid.overdueTransfers },
  { label: '代写文书（份）', value: (f) => f.documentsTotal },
  { label: '参与调解（件）', value: (f) => f.mediations.joined },
  { label: '调解成功（件）', value: (f) => f.mediations.settled },
  { label: '协议金额（元）', value: (f) => yuan(f.mediations.agreedFen) },
  { label: '挽回经济损失（元）', value: (f) => yuan(f.mediations.recoveredFen) },
];

function breakdown(title: string, first: string, slices: readonly Slice[], total: Figures): StatTable {
  return {
    title,
    columns: [first, ...MEASURES.map((m) => m.label)],
    rows: [...slices.map((s) => [s.label, ...MEASURES.map((m) => m.value(s.figures))]), ['合计', ...MEASURES.map((m) => m.value(total))]],
  };
}

export function statisticsTables(report: StatisticsReport, enums: Enumerations, documentLabel: (kind: string) => string): StatTable[] {
  const t = report.total;
  const summary: StatTable = {
    title: '汇总',
    columns: ['项目', '数量'],
    rows: [
      ...MEASURES.map((m) => [m.label, m.value(t)]),
      ['不予受理或拒绝', t.legalAid.refused],
      ['调解转为法律援助案件', t.mediations.becameLegalAid],
    ],
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
  const documentTable: StatTable = {
    title: '按文书种类',
    columns: ['文书种类', '合计', ...report.byLawyer.map((s) => s.label)],
    rows: kinds.map((k) => [documentLabel(k), t.documents[k] ?? 0, ...report.byLawyer.map((s) => s.figures.documents[k] ?? 0)]),
  };
  return [
    summary,
    breakdown('按值班律师', '值班律师', report.byLawyer, t),
    breakdown('按特殊群体', '特殊群体', report.bySpecialGroup, t),
    breakdown('按案件类型', '案件类型', report.byCaseType, t),
    helpTable,
    documentTable,
    { title: '按日', columns: ['日期', '咨询人次', '参与调解', '代写文书'], rows: report.trend.map((d) => [d.day, d.consultations, d.mediations, d.documents]) },
  ];
}
