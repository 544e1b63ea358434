import { useMemo, useState } from 'react';
import { App, Button, Card, Col, DatePicker, Empty, Form, Input, Modal, Row, Segmented, Space, Tag, Typography } from 'antd';
import { SearchSelect } from '../../ui/SearchSelect';
import { SubmitOnEnter } from '../../ui/SubmitOnEnter';
import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { ZodError } from 'zod';
import { DUTY_PERIODS, weekOf } from '../../../../core/shifts/roster';
import { calendarDayOf } from '../../../../core/domain/calendar';
import { labelOf } from '../../../../core/domain/enums';
import { db } from '../../db';
import { listLawyers } from '../../db/lawyers';
import { addRosterEntry, removeRosterEntry, rosterBetween } from '../../db/dutyRoster';
import { shiftsBetween } from '../../db/shifts';
import type { DutyRosterRow } from '../../db/database';
import { useStation } from '../../state/StationContext';
import { useSession } from '../../session/SessionContext';
import { can } from '../../../../core/access/permissions';
import { defaultPlaceOf } from './placeDefault';

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** 排班表: who is planned on duty by week or by day, beside who actually signed in. */
export function DutyRoster() {
  const { enums, profile } = useStation();
  const session = useSession();
  const { message } = App.useApp();
  const [view, setView] = useState<'week' | 'day'>('week');
  const [anchor, setAnchor] = useState(() => calendarDayOf(new Date()));
  const [adding, setAdding] = useState<string | null>(null);
  const [form] = Form.useForm();
  const days = view === 'week' ? weekOf(anchor) : [anchor];
  const from = days[0]!;
  const to = days[days.length - 1]!;
  const entries = useLiveQuery(() => rosterBetween(db, from, to), [from, to], []);
  const shifts = useLiveQuery(() => shiftsBetween(db, session.vault, from, to), [session.vault, from, to], []);
  const lawyers = useLiveQuery(() => listLawyers(db), [], []);
  const nameOf = useMemo(() => (id: string) => lawyers?.find((l) => l.id === id)?.name ?? '（已移出名册）', [lawyers]);
  const manage = can(session.actor.role, 'roster.manage');
  const step = (n: number) =>
    setAnchor(
      dayjs(anchor)
        .add(n * (view === 'week' ? 7 : 1), 'day')
        .format('YYYY-MM-DD'),
    );

  const save = async () => {
    const v = form.getFieldsValue();
    try {
      await addRosterEntry(db, { ...v, date: adding }, session.actor, enums);
      message.success(`已排班：${adding} ${nameOf(v.lawyerId)}`);
      setAdding(null);
    } catch (err) {
      if (err instanceof ZodError) form.setFields(err.issues.map((i) => ({ name: String(i.path[0]), errors: [i.message] })));
      else form.setFields([{ name: 'lawyerId', errors: [err instanceof Error ? err.message : '保存失败'] }]);
    }
  };
  const remove = (e: DutyRosterRow) =>
    void removeRosterEntry(db, e.id, session.actor).then(() => message.success(`已取消 ${e.date} ${nameOf(e.lawyerId)} 的排班`));

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <Segmented
          value={view}
          onChange={(v) => setView(v as 'week' | 'day')}
          options={[
            { value: 'week', label: '按周' },
            { value: 'day', label: '按日' },
          ]}
        />
        <Button icon={<LeftOutlined />} onClick={() => step(-1)} aria-label={view === 'week' ? '上一周' : '前一天'} />
        <DatePicker value={dayjs(anchor)} allowClear={false} onChange={(d) => d && setAnchor(d.format('YYYY-MM-DD'))} aria-label="选择日期" />
        <Button icon={<RightOutlined />} onClick={() => step(1)} aria-label={view === 'week' ? '下一周' : '后一天'} />
        <Button onClick={() => setAnchor(calendarDayOf(new Date()))}>今天</Button>
        {!manage && <Typography.Text type="secondary">排班由工作站负责人维护</Typography.Text>}
      </Space>
      <Row gutter={[8, 8]} wrap={false} style={{ overflowX: 'auto' }} data-testid="duty-roster">
        {days.map((day) => {
          const planned = (entries ?? []).filter((e) => e.date === day);
          const signed = (shifts ?? []).filter((s) => s.startedAt.slice(0, 10) === day);
          const weekday = WEEKDAYS[(new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7];
          return (
            <Col key={day} flex="1 0 150px">
              <Card
                size="small"
                title={`${weekday} ${day.slice(5)}`}
                data-day={day}
                extra={
                  manage && (
                    <Button
                      size="small"
                      type="text"
                      icon={<PlusOutlined />}
                      aria-label={`为 ${day} 排班`}
                      onClick={() => {
                        form.resetFields();
                        form.setFieldsValue({ place: defaultPlaceOf(profile.kind), period: 'full_day' });
                        setAdding(day);
                      }}
                    />
                  )
                }
              >
                {planned.length === 0 && signed.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无排班" />}
                <Space orientation="vertical" size={4}>
                  {planned.map((e) => (
                    <Tag
                      key={e.id}
                      color="blue"
                      closable={manage}
                      onClose={(ev) => {
                        ev.preventDefault();
                        remove(e);
                      }}
                      title={`${labelOf(enums.consultationPlaces, e.place)}${e.note ? `：${e.note}` : ''}`}
                    >
                      {nameOf(e.lawyerId)} · {labelOf(DUTY_PERIODS, e.period)}
                    </Tag>
                  ))}
                  {signed.map((s) => (
                    <Typography.Text key={s.id} type="secondary" style={{ fontSize: 12 }}>
                      ✓ {nameOf(s.lawyerId)} {dayjs(s.startedAt).format('HH:mm')}–{s.endedAt ? dayjs(s.endedAt).format('HH:mm') : '值班中'}
                    </Typography.Text>
                  ))}
                </Space>
              </Card>
            </Col>
          );
        })}
      </Row>
      <Modal
        open={adding !== null}
        title={`排班：${adding ?? ''}`}
        okText="保存"
        cancelText="取消"
        onOk={() => void save()}
        onCancel={() => setAdding(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" aria-label="排班" onFinish={() => void save()}>
          <Form.Item label="值班律师" name="lawyerId" required>
            <SearchSelect options={(lawyers ?? []).map((l) => ({ value: l.id, label: l.name }))} placeholder="选择律师" />
          </Form.Item>
          <Form.Item label="时段" name="period" required>
            <Segmented options={DUTY_PERIODS.map((p) => ({ value: p.code, label: p.label }))} />
          </Form.Item>
          <Form.Item label="地点" name="place" required>
            <SearchSelect options={enums.consultationPlaces.map((p) => ({ value: p.code, label: p.label }))} />
          </Form.Item>
          <Form.Item label="备注" name="note">
            <Input maxLength={100} />
          </Form.Item>
          <SubmitOnEnter />
        </Form>
      </Modal>
    </Space>
  );
}
