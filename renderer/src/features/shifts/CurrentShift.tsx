import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Modal, Space, Tag, Typography } from 'antd';
import { GrowingTextArea } from '../../ui/GrowingTextArea';
import { SearchSelect } from '../../ui/SearchSelect';
import { SubmitOnEnter } from '../../ui/SubmitOnEnter';
import { LoginOutlined, LogoutOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { ZodError } from 'zod';
import { isOpenOvernight } from '../../../../core/shifts/schema';
import { calendarDayOf } from '../../../../core/domain/calendar';
import { labelOf } from '../../../../core/domain/enums';
import { toRfc3339 } from '../../../../core/time/rfc3339';
import { db } from '../../db';
import { listLawyers } from '../../db/lawyers';
import { endShift, openShifts, startShift, type StoredShift } from '../../db/shifts';
import { buildShiftLog } from '../../db/shiftLogBuilder';
import { useStation } from '../../state/StationContext';
import { useSession } from '../../session/SessionContext';
import { can } from '../../../../core/access/permissions';
import { navigate } from '../../state/router';
import { defaultPlaceOf } from './placeDefault';
import { OpenRequests, useOpenRequests } from './OpenRequests';

interface StartValues {
  lawyerId?: string;
  place?: string;
  startedAt?: Dayjs;
}

/** Sign-in for the signed-in lawyer (or, for the supervisor, anyone), and every open shift with its sign-out. */
export function CurrentShift() {
  const { profile, enums } = useStation();
  const session = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<StartValues>();
  const [ending, setEnding] = useState<StoredShift | null>(null);
  const [starting, setStarting] = useState(false);
  const lawyers = useLiveQuery(() => listLawyers(db), [], []);
  const open = useLiveQuery(() => openShifts(db, session.vault), [session.vault]);
  const supervisor = session.actor.role === 'supervisor';
  const actor = useMemo(() => ({ ...session.actor, ...(session.lawyerId ? { lawyerId: session.lawyerId } : {}) }), [session]);
  const today = calendarDayOf(new Date());
  const nameOf = (id: string) => lawyers?.find((l) => l.id === id)?.name ?? '（已移出名册）';
  const mineOpen = open?.find((s) => s.lawyerId === session.lawyerId);
  const maySign = can(session.actor.role, 'shift.sign') && (supervisor || Boolean(session.lawyerId));
  const openRequests = useOpenRequests();

  const onStart = async () => {
    const v = form.getFieldsValue();
    setStarting(true);
    try {
      await startShift(
        db,
        session.vault,
        { lawyerId: v.lawyerId, place: v.place, startedAt: v.startedAt ? toRfc3339(v.startedAt.toDate()) : undefined },
        actor,
        enums,
      );
      const waiting = openRequests?.length ?? 0;
      // The requests staff logged before the shift are the first thing a lawyer signing in should see.
      message.success(`${nameOf(v.lawyerId ?? '')} 已签到${waiting ? `；有 ${waiting} 条约见申请待接待，见下方列表` : ''}`);
      form.setFieldsValue({ startedAt: dayjs() });
    } catch (err) {
      if (err instanceof ZodError) form.setFields(err.issues.map((i) => ({ name: String(i.path[0]) as keyof StartValues, errors: [i.message] })));
      else message.error(err instanceof Error ? err.message : '签到失败');
    } finally {
      setStarting(false);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {open
        ?.filter((s) => isOpenOvernight(s, today))
        .map((s) => (
          <Alert
            key={s.id}
            type="warning"
            showIcon
            data-testid="overnight-alert"
            title={`${nameOf(s.lawyerId)} 自 ${dayjs(s.startedAt).format('M月D日 HH:mm')} 签到后尚未签退（跨夜未签退）`}
            description="系统不会自动签退。请值班律师或负责人填写实际签退时间后签退。"
          />
        ))}
      {maySign && !mineOpen && (
        <Card title="签到" size="small">
          <Form<StartValues>
            form={form}
            layout="inline"
            aria-label="值班签到"
            initialValues={{ lawyerId: session.lawyerId, place: defaultPlaceOf(profile.kind), startedAt: dayjs() }}
            onFinish={() => void onStart()}
          >
            <Form.Item label="值班律师" name="lawyerId">
              <SearchSelect
                style={{ width: 200 }}
                disabled={!supervisor}
                placeholder="选择值班律师"
                options={(lawyers ?? []).map((l) => ({ value: l.id, label: l.name }))}
              />
            </Form.Item>
            <Form.Item label="值班地点" name="place">
              <SearchSelect style={{ width: 200 }} placeholder="选择地点" options={enums.consultationPlaces.map((p) => ({ value: p.code, label: p.label }))} />
            </Form.Item>
            <Form.Item label="签到时间" name="startedAt">
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowClear={false} />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<LoginOutlined />} loading={starting}>
              签到
            </Button>
          </Form>
        </Card>
      )}
      <Card title="正在值班" size="small">
        {open && open.length === 0 ? (
          <Typography.Text type="secondary">目前没有律师在值班。签到后，期间登记的咨询、文书和调解都归入该班次。</Typography.Text>
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {open?.map((s) => (
              <OpenShiftRow
                key={s.id}
                shift={s}
                name={nameOf(s.lawyerId)}
                overnight={isOpenOvernight(s, today)}
                canEnd={supervisor || s.lawyerId === session.lawyerId}
                onEnd={() => setEnding(s)}
                placeLabel={labelOf(enums.consultationPlaces, s.place)}
              />
            ))}
          </Space>
        )}
      </Card>
      {can(session.actor.role, 'detainee_request.answer') && <OpenRequests open={openRequests} lawyerNames={nameOf} />}
      {ending && (
        <EndShiftDialog
          shift={ending}
          name={nameOf(ending.lawyerId)}
          onClose={() => setEnding(null)}
          onEnded={(s) => {
            setEnding(null);
            message.success('已签退，值班日志已生成');
            navigate('shifts', { log: s.id });
          }}
          end={(values) =>
            endShift(db, session.vault, ending.id, values, (end, shift) => buildShiftLog(db, session.vault, session.actor, shift, end, enums), actor)
          }
        />
      )}
    </Space>
  );
}

function OpenShiftRow(props: { shift: StoredShift; name: string; overnight: boolean; canEnd: boolean; placeLabel: string; onEnd(): void }) {
  const { shift } = props;
  const counts = useLiveQuery(
    async () => ({
      consultations: await db.consultations
        .where('shiftId')
        .equals(shift.id)
        .filter((r) => !r.deleted)
        .count(),
      documents: await db.documents
        .where('shiftId')
        .equals(shift.id)
        .filter((r) => !r.deleted && r.version === 1)
        .count(),
      mediations: await db.mediations
        .where('shiftId')
        .equals(shift.id)
        .filter((r) => !r.deleted)
        .count(),
    }),
    [shift.id],
  );
  return (
    <Card size="small" type="inner" data-testid="open-shift">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Descriptions size="small" column={4}>
          <Descriptions.Item label="值班律师">{props.name}</Descriptions.Item>
          <Descriptions.Item label="地点">{props.placeLabel}</Descriptions.Item>
          <Descriptions.Item label="签到">{dayjs(shift.startedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
          <Descriptions.Item label="本班次">
            {counts ? `接待 ${counts.consultations} 人次 · 文书 ${counts.documents} 份 · 调解 ${counts.mediations} 件` : '…'}
          </Descriptions.Item>
        </Descriptions>
        <Space>
          {props.overnight ? <Tag color="red">跨夜未签退</Tag> : <Tag color="green">值班中</Tag>}
          {props.canEnd && (
            <Button icon={<LogoutOutlined />} onClick={props.onEnd}>
              签退
            </Button>
          )}
        </Space>
      </Space>
    </Card>
  );
}

function EndShiftDialog(props: {
  shift: StoredShift;
  name: string;
  onClose(): void;
  onEnded(s: StoredShift): void;
  end(values: unknown): Promise<StoredShift>;
}) {
  const [form] = Form.useForm<{ endedAt?: Dayjs; handoverNotes?: string }>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const submit = async () => {
    const v = form.getFieldsValue();
    setSaving(true);
    try {
      const ended = await props.end({ endedAt: v.endedAt ? toRfc3339(v.endedAt.toDate()) : undefined, handoverNotes: v.handoverNotes ?? '' });
      props.onEnded(ended);
    } catch (err) {
      if (err instanceof ZodError) form.setFields(err.issues.map((i) => ({ name: String(i.path[0]) as 'endedAt', errors: [i.message] })));
      else message.error(err instanceof Error ? err.message : '签退失败');
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={`签退：${props.name}`}
      okText="签退并生成值班日志"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        签到于 {dayjs(props.shift.startedAt).format('YYYY-MM-DD HH:mm')}。签退后，本班次的接待、文书、调解和待转交申请汇总为值班日志。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" autoComplete="off" initialValues={{ endedAt: dayjs() }} aria-label="值班签退" onFinish={() => void submit()}>
        <Form.Item label="签退时间" name="endedAt" extra="跨夜未签退的，请填写实际结束值班的时间">
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowClear={false} />
        </Form.Item>
        <Form.Item label="交接事项（给下一班）" name="handoverNotes">
          <GrowingTextArea minRows={3} maxRows={8} maxLength={2000} showCount />
        </Form.Item>
        <SubmitOnEnter />
      </Form>
    </Modal>
  );
}
