/**
 * The trend chart's points and date labels for any period. A day, a month and a year
 * each get labels a person reads at a glance (the date; 1日…31日; 1月…12月), one point
 * per day up to two months, per week up to half a year, per month beyond, and the labels
 * are thinned to what fits the chart's width, so they never run into one line.
 */
export interface DayFigures {
  consultations: number;
  mediations: number;
  documents: number;
}

export interface TrendPoint {
  /** The first day the point covers (YYYY-MM-DD). */
  start: string;
  label: string;
  咨询人次: number;
  参与调解: number;
  代写文书: number;
}

export interface TrendSeries {
  unit: 'day' | 'week' | 'month';
  title: string;
  points: TrendPoint[];
  /** How many labels to skip between two shown (recharts' XAxis `interval`). */
  interval: number;
}

/** What the Y axis and the margins take from the chart's width. */
const PLOT_INSET = 76;

function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end && out.length < 3700; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** A label's width at the axis' 12 px font: Han characters are square, digits and dashes about half. */
export function labelWidth(label: string): number {
  let w = 0;
  for (const ch of label) w += /[\u3000-\u9fff]/.test(ch) ? 12 : 7;
  return w;
}

export function trendSeries(from: string, to: string, byDay: ReadonlyMap<string, DayFigures>, chartWidth: number): TrendSeries {
  const days = daysBetween(from, to);
  const unit: TrendSeries['unit'] = days.length <= 62 ? 'day' : days.length <= 184 ? 'week' : 'month';
  const oneMonth = days.length > 0 && days[0]!.slice(0, 7) === days[days.length - 1]!.slice(0, 7);
  const oneYear = days.length > 0 && days[0]!.slice(0, 4) === days[days.length - 1]!.slice(0, 4);
  const md = (day: string) => `${Number(day.slice(5, 7))}-${Number(day.slice(8, 10))}`;
  const labelOf = (start: string): string => {
    if (days.length === 1) return start;
    if (unit === 'day') return oneMonth ? `${Number(start.slice(8, 10))}日` : md(start);
    if (unit === 'week') return md(start);
    return oneYear ? `${Number(start.slice(5, 7))}月` : start.slice(0, 7);
  };
  const points: TrendPoint[] = [];
  const byStart = new Map<string, TrendPoint>();
  days.forEach((day, i) => {
    const start = unit === 'day' ? day : unit === 'week' ? days[i - (i % 7)]! : `${day.slice(0, 7)}-01`;
    let p = byStart.get(start);
    if (!p) {
      p = { start, label: labelOf(start), 咨询人次: 0, 参与调解: 0, 代写文书: 0 };
      byStart.set(start, p);
      points.push(p);
    }
    const d = byDay.get(day);
    p.咨询人次 += d?.consultations ?? 0;
    p.参与调解 += d?.mediations ?? 0;
    p.代写文书 += d?.documents ?? 0;
  });
  const widest = Math.max(0, ...points.map((p) => labelWidth(p.label))) + 12;
  const slot = Math.max(1, chartWidth - PLOT_INSET) / Math.max(1, points.length);
  const interval = Math.max(0, Math.ceil(widest / slot) - 1);
  const title = unit === 'day' ? '按日趋势' : unit === 'week' ? '按周趋势（每 7 天，标注起始日）' : '按月趋势';
  return { unit, title, points, interval };
}
