import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { Card, Col, Empty, Row } from 'antd';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { StatisticsReport } from '../../../../core/statistics/compute';
import { trendSeries } from './trendSeries';

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

/** The two pictures that read better than a table: the trend by day and the split by group. */
export function StatisticsCharts({ report }: { report: StatisticsReport }) {
  const [trendRef, trendWidth] = useWidth();
  const [groupRef, groupWidth] = useWidth();
  const groups = report.bySpecialGroup
    .filter((s) => !s.correction)
    .map((s) => ({ name: s.label, 咨询人次: s.figures.consultations, 参与调解: s.figures.mediations.joined }));
  // Every day of the period, quiet days as zeros, so the line shows them; longer periods
  // go by week or by month, with labels thinned to the chart's width (trendSeries.ts).
  const byDay = new Map(report.trend.map((d) => [d.day, d]));
  const series = trendSeries(report.period.from, report.period.to, byDay, trendWidth);
  const trend = report.trend.length === 0 ? [] : series.points;
  return (
    <Row gutter={16}>
      <Col span={14}>
        <Card size="small" title={series.title} data-testid="trend-chart">
          <div ref={trendRef}>
            {trend.length === 0 ? (
              <Empty description="这段时间没有记录" />
            ) : (
              trendWidth > 0 && (
                <LineChart width={trendWidth} height={260} data={trend} margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  {/* A step computed from the width: recharts would otherwise measure every label to thin them. */}
                  <XAxis dataKey="label" interval={series.interval} tick={{ fontSize: 12 }} />
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
