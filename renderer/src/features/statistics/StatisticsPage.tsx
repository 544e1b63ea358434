import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Row, Space, Spin, Statistic, Tabs, Typography } from 'antd';
import { SearchSelect } from '../../ui/SearchSelect';
import { FileExcelOutlined, FilePdfOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { COUNTING_RULE } from '../../../../core/statistics/tables';
import { formatFen } from '../../../../core/money';
import { StationApiError } from '../../../../core/api/client';
import { db } from '../../db';
import { listLawyers } from '../../db/lawyers';
import { appendAudit } from '../../db/repository';
import { useStation } from '../../state/StationContext';
import { useSession } from '../../session/SessionContext';
import { useStatistics } from './useStatistics';
import { StatisticsCharts } from './StatisticsCharts';
import { StatTableView } from './StatTableView';
import { ProgressNote } from '../../ui/ProgressNote';

/** 统计: the figures of a period (this month by default), station-wide or for one lawyer, with charts and exports. */
export function StatisticsPage() {
  const { enums, profile } = useStation();
  const session = useSession();
  const { message } = App.useApp();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('month'), dayjs().endOf('month')]);
  const [lawyerId, setLawyerId] = useState<string | undefined>();
  const [refresh, setRefresh] = useState(0);
  const [exporting, setExporting] = useState<'xlsx' | 'pdf' | null>(null);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const lawyers = useLiveQuery(() => listLawyers(db), [], []);
  const { view, error } = useStatistics(session.vault, enums, from, to, lawyerId, refresh);
  const lawyerName = lawyers?.find((l) => l.id === lawyerId)?.name;
  const title = '值班律师工作统计表';
  const subtitle = useMemo(
    () =>
      `${profile.name}\u3000${from} 至 ${to}${lawyerName ? `\u3000${lawyerName}` : ''}\u3000制表：${session.actor.name} ${dayjs().format('YYYY-MM-DD HH:mm')}`,
    [profile.name, from, to, lawyerName, session.actor.name],
  );

  const exportAs = async (kind: 'xlsx' | 'pdf') => {
    // One export at a time: the second button waits until the first file is written.
    if (!view || exporting) return;
    setExporting(kind);
    try {
      const request = { fileName: `值班律师工作统计_${from}_${to}${lawyerName ? `_${lawyerName}` : ''}`, title, subtitle, tables: view.tables };
      const saved = kind === 'xlsx' ? await window.station.statistics.exportXlsx(request) : await window.station.statistics.exportPdf(request);
      if (!saved) return;
      await appendAudit(
        db,
        session.actor,
        'export',
        `统计报表（${kind === 'xlsx' ? 'Excel' : 'PDF'}）${from} 至 ${to}${lawyerName ? ` ${lawyerName}` : ''}：${saved.path}`,
      );
      message.success(`已保存到 ${saved.path}`);
    } catch (err) {
      message.error(err instanceof StationApiError || err instanceof Error ? `导出失败：${err.message}` : '导出失败');
    } finally {
      setExporting(null);
    }
  };

  const t = view?.report.total;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <DatePicker.RangePicker
          aria-label="统计期间"
          value={range}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          presets={[
            { label: '本月', value: [dayjs().startOf('month'), dayjs().endOf('month')] },
            { label: '上月', value: [dayjs().subtract(1, 'month').startOf('month'), dayjs().subtract(1, 'month').endOf('month')] },
            { label: '本年', value: [dayjs().startOf('year'), dayjs().endOf('year')] },
          ]}
        />
        <SearchSelect
          allowClear
          placeholder="全站"
          style={{ width: 180 }}
          aria-label="统计范围"
          value={lawyerId}
          onChange={setLawyerId}
          options={(lawyers ?? []).map((l) => ({ value: l.id, label: l.name }))}
        />
        <Button icon={<ReloadOutlined />} onClick={() => setRefresh((n) => n + 1)}>
          刷新
        </Button>
        <Button icon={<FileExcelOutlined />} disabled={!view || exporting === 'pdf'} loading={exporting === 'xlsx'} onClick={() => void exportAs('xlsx')}>
          导出 Excel
        </Button>
        <Button icon={<FilePdfOutlined />} disabled={!view || exporting === 'xlsx'} loading={exporting === 'pdf'} onClick={() => void exportAs('pdf')}>
          导出 PDF
        </Button>
        {exporting && <ProgressNote label={`正在生成${exporting === 'xlsx' ? ' Excel 工作簿' : ' PDF 报表'}并保存…`} />}
        {view && <Typography.Text type="secondary">统计用时 {Math.round(view.ms)} 毫秒</Typography.Text>}
      </Space>
      {error && <Alert type="error" showIcon title={`统计失败：${error}`} />}
      {!view && !error && (
        <Spin tip="正在统计…">
          <div style={{ height: 120 }} />
        </Spin>
      )}
      {view && t && (
        <>
          <Row gutter={[12, 12]} data-testid="statistics-summary">
            {[
              ['咨询人次', t.consultations],
              ['认罪认罚案件', t.pleaLeniencyCases],
              ['具结书签署在场', t.pleaWitnessed],
              ['当场申请法律援助', t.legalAid.applied],
              ['转交法律援助申请', t.legalAid.transferred],
              ['超时转交', t.legalAid.overdueTransfers],
              ['代写文书（份）', t.documentsTotal],
              ['参与调解（件）', t.mediations.joined],
              ['调解成功（件）', t.mediations.settled],
              ['协议金额（元）', formatFen(t.mediations.agreedFen)],
              ['挽回经济损失（元）', formatFen(t.mediations.recoveredFen)],
            ].map(([label, value]) => (
              <Col key={label} xs={12} md={8} xl={4}>
                <Card size="small">
                  <Statistic title={label} value={value} valueStyle={label === '超时转交' && Number(value) > 0 ? { color: '#cf1322' } : undefined} />
                </Card>
              </Col>
            ))}
          </Row>
          <Typography.Paragraph type="secondary" data-testid="counting-rule" style={{ margin: 0 }}>
            {COUNTING_RULE}
          </Typography.Paragraph>
          <StatisticsCharts report={view.report} />
          <Tabs
            items={view.tables.filter((tb) => tb.title !== '汇总').map((tb) => ({ key: tb.title, label: tb.title, children: <StatTableView table={tb} /> }))}
          />
        </>
      )}
    </Space>
  );
}
