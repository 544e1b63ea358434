import { Card, Col, Empty, Row } from 'antd';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StatisticsReport } from '../../../../core/statistics/compute';

function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end && out.length < 3700; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** The two pictures that read better than a table: the trend by day and the split by group. */
export function StatisticsCharts({ report }: { report: StatisticsReport }) {
  const groups = report.bySpecialGroup.map((s) => ({ name: s.label, 咨询人次: s.figures.consultations, 参与调解: s.figures.mediations.joined }));
  // Every day of the period, quiet days as zeros, so the line shows them.
  const byDay = new Map(report.trend.map((d) => [d.day, d]));
  const trend = report.trend.length === 0 ? [] : daysBetween(report.period.from, report.period.to).map((day) => {
    const d = byDay.get(day);
    return { day: day.slice(5), 咨询人次: d?.consultations ?? 0, 参与调解: d?.mediations ?? 0, 代写文书: d?.documents ?? 0 };
  });
  return (
    <Row gutter={16}>
      <Col span={14}>
        <Card size="small" title="按日趋势" data-testid="trend-chart">
          {trend.length === 0 ? (
            <Empty description="这段时间没有记录" />
          ) : (
            <ResponsiveContainer width="100%" height={260}>
              <LineChart data={trend} margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="day" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Line type="monotone" dataKey="咨询人次" stroke="#1f4e8c" strokeWidth={2} dot={false} isAnimationActive={false} />
                <Line type="monotone" dataKey="参与调解" stroke="#d46b08" dot={false} isAnimationActive={false} />
                <Line type="monotone" dataKey="代写文书" stroke="#389e0d" dot={false} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          )}
        </Card>
      </Col>
      <Col span={10}>
        <Card size="small" title="按特殊群体" data-testid="group-chart">
          {groups.length === 0 ? (
            <Empty description="这段时间没有记录" />
          ) : (
            <ResponsiveContainer width="100%" height={260}>
              <BarChart data={groups} layout="vertical" margin={{ top: 8, right: 16, left: 24, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="name" width={96} />
                <Tooltip />
                <Legend />
                <Bar dataKey="咨询人次" fill="#1f4e8c" isAnimationActive={false} />
                <Bar dataKey="参与调解" fill="#d46b08" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          )}
        </Card>
      </Col>
    </Row>
  );
}
