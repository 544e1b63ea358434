import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { Card, Col, Empty, Row } from 'antd';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { StatisticsReport } from '../../../../core/statistics/compute';

/**
 * The width of a card's body, measured before the browser paints, so each chart is drawn
 * once at its size (recharts' ResponsiveContainer draws empty first and again a frame later).
 */
function useWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end && out.length < 3700; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** The two pictures that read better than a table: the trend by day and the split by group. */
export function StatisticsCharts({ report }: { report: StatisticsReport }) {
  const [trendRef, trendWidth] = useWidth();
  const [groupRef, groupWidth] = useWidth();
  const groups = report.bySpecialGroup.filter((s) => !s.correction).map((s) => ({ name: s.label, 咨询人次: s.figures.consultations, 参与调解: s.figures.mediations.joined }));
  // Every day of the period, quiet days as zeros, so the line shows them; past two months
  // a daily line is noise (and 365 points are slow to draw), so longer periods go by week.
  const byDay = new Map(report.trend.map((d) => [d.day, d]));
  const days = report.trend.length === 0 ? [] : daysBetween(report.period.from, report.period.to);
  const weekly = days.length > 62;
  const points = new Map<string, { day: string; 咨询人次: number; 参与调解: number; 代写文书: number }>();
  days.forEach((day, i) => {
    const label = weekly ? days[i - (i % 7)]!.slice(5) : day.slice(5);
    const p = points.get(label) ?? points.set(label, { day: label, 咨询人次: 0, 参与调解: 0, 代写文书: 0 }).get(label)!;
    const d = byDay.get(day);
    p.咨询人次 += d?.consultations ?? 0;
    p.参与调解 += d?.mediations ?? 0;
    p.代写文书 += d?.documents ?? 0;
  });
  const trend = [...points.values()];
  return (
    <Row gutter={16}>
      <Col span={14}>
        <Card size="small" title={weekly ? '按周趋势（每 7 天，标注起始日）' : '按日趋势'} data-testid="trend-chart">
          <div ref={trendRef}>
          {trend.length === 0 ? (
            <Empty description="这段时间没有记录" />
          ) : (
            trendWidth > 0 && (
              <LineChart width={trendWidth} height={260} data={trend} margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" />
                {/* A fixed step: recharts would otherwise measure every day's label to thin them. */}
                <XAxis dataKey="day" interval={trend.length <= 31 ? 0 : Math.ceil(trend.length / 12) - 1} />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Line type="monotone" dataKey="咨询人次" stroke="#1f4e8c" strokeWidth={2} dot={false} isAnimationActive={false} />
                <Line type="monotone" dataKey="参与调解" stroke="#d46b08" dot={false} isAnimationActive={false} />
                <Line type="monotone" dataKey="代写文书" stroke="#389e0d" dot={false} isAnimationActive={false} />
              </LineChart>
            )
          )}
          </div>
        </Card>
      </Col>
      <Col span={10}>
        <Card size="small" title="按特殊群体" data-testid="group-chart">
          <div ref={groupRef}>
          {groups.length === 0 ? (
            <Empty description="这段时间没有记录" />
          ) : (
            groupWidth > 0 && (
              <BarChart width={groupWidth} height={260} data={groups} layout="vertical" margin={{ top: 8, right: 16, left: 24, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="name" width={96} />
                <Tooltip />
                <Legend />
                <Bar dataKey="咨询人次" fill="#1f4e8c" isAnimationActive={false} />
                <Bar dataKey="参与调解" fill="#d46b08" isAnimationActive={false} />
              </BarChart>
            )
          )}
          </div>
        </Card>
      </Col>
    </Row>
  );
}
