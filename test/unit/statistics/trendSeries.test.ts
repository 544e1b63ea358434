import { describe, expect, it } from 'vitest';
import { labelWidth, trendSeries, type DayFigures } from '../../../renderer/src/features/statistics/trendSeries';

const one: DayFigures = { consultations: 1, mediations: 0, documents: 0 };

/** The labels the axis shows (every interval+1-th), and whether they fit side by side in the plot. */
function shown(s: ReturnType<typeof trendSeries>): string[] {
  return s.points.filter((_, i) => i % (s.interval + 1) === 0).map((p) => p.label);
}
function fits(s: ReturnType<typeof trendSeries>, chartWidth: number): boolean {
  const plot = chartWidth - 76;
  const slot = (plot / s.points.length) * (s.interval + 1);
  return Math.max(...s.points.map((p) => labelWidth(p.label))) + 8 <= slot;
}

describe('trend chart date labels', () => {
  it('a single day is one point labelled with its date', () => {
    const s = trendSeries('2026-12-02', '2026-12-02', new Map([['2026-12-02', one]]), 560);
    expect(s.points.map((p) => p.label)).toEqual(['2026-12-02']);
  });

  it('a month reads 1日…31日, thinned so that labels do not touch on a 1024-wide screen', () => {
    const s = trendSeries('2026-12-01', '2026-12-31', new Map(), 560);
    expect(s.unit).toBe('day');
    expect(s.points).toHaveLength(31);
    expect(s.points[0]!.label).toBe('1日');
    expect(s.points[30]!.label).toBe('31日');
    expect(s.interval).toBeGreaterThan(0);
    expect(fits(s, 560)).toBe(true);
    // On a wide screen every day has room.
    const wide = trendSeries('2026-12-01', '2026-12-31', new Map(), 1400);
    expect(wide.interval).toBe(0);
    expect(fits(wide, 1400)).toBe(true);
  });

  it('a year goes by month, 1月…12月, every label shown, and no day is lost from the sums', () => {
    const byDay = new Map<string, DayFigures>([
      ['2026-01-01', one],
      ['2026-01-31', { consultations: 2, mediations: 1, documents: 3 }],
      ['2026-12-31', one],
    ]);
    const s = trendSeries('2026-01-01', '2026-12-31', byDay, 560);
    expect(s.unit).toBe('month');
    expect(shown(s)).toEqual(['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']);
    expect(fits(s, 560)).toBe(true);
    expect(s.points[0]).toMatchObject({ 咨询人次: 3, 参与调解: 1, 代写文书: 3 });
    expect(s.points[11]).toMatchObject({ 咨询人次: 1 });
  });

  it('a quarter goes by week, labelled by its first day', () => {
    const s = trendSeries('2026-01-01', '2026-03-31', new Map(), 560);
    expect(s.unit).toBe('week');
    expect(s.points[0]!.label).toBe('1-1');
    expect(s.points[1]!.label).toBe('1-8');
    expect(fits(s, 560)).toBe(true);
  });
});
