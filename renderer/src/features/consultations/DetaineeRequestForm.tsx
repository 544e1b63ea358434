import { useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { App, Button, Col, DatePicker, Form, Input, Radio, Row, Space, Typography } from 'antd';
import { GrowingTextArea } from '../../ui/GrowingTextArea';
import dayjs, { type Dayjs } from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { createConsultationInputSchema, normalizeConsultationInput, REQUEST_KINDS, type RequestKind } from '../../../../core/consultations/schema';
import { detaineeRequestDraft } from '../../../../core/consultations/detaineeRequest';
import { deriveFromIdNumber } from '../../../../core/consultations/derive';
import { toRfc3339 } from '../../../../core/time/rfc3339';
import { labelOf, RESIDENT_ID } from '../../../../core/domain/enums';
import { db } from '../../db';
import { listLawyers } from '../../db/lawyers';
import { openShifts } from '../../db/shifts';
import { createConsultation, type StoredConsultation } from '../../db/consultations';
import { useStation } from '../../state/StationContext';
import { useFormDraft } from '../../shared/useFormDraft';
import { useSchemaForm } from '../../shared/useSchemaForm';
import { SearchSelect } from '../../ui/SearchSelect';
import { useSession } from '../../session/SessionContext';
import { IdTypeSelect } from './IdTypeSelect';

interface Values {
  requestKind: RequestKind;
  receivedAt: Dayjs;
  clientName?: string;
  idType?: string;
  idNumber?: string;
  criminalStage?: string;
  cause?: string;
  caseNumber?: string;
  lawyerId?: string;
  note?: string;
}

/** Where the schema reports a problem, and the field of this form that shows it. */
const FIELD_OF: Record<string, keyof Values> = {
  time: 'receivedAt',
  receivedAt: 'receivedAt',
  clientName: 'clientName',
  idNumber: 'idNumber',
  idType: 'idType',
  birthDate: 'idNumber',
  gender: 'idNumber',
  specialGroups: 'idNumber',
  criminalStage: 'criminalStage',
  clientRole: 'criminalStage',
  cause: 'cause',
  caseNumber: 'caseNumber',
  lawyerId: 'lawyerId',
  question: 'note',
  requestKind: 'requestKind',
};

/**
 * Detention-centre staff log a detainee's request in a few fields: who, which request,
 * when it was received. Enter in a one-line field or Ctrl+Enter saves; the record joins
 * the transfer queue when it is a legal-aid application.
 */
export function DetaineeRequestForm({ onSaved, onCancel }: { onSaved(record: StoredConsultation): void; onCancel(): void }) {
  const { enums } = useStation();
  const session = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [derivedNote, setDerivedNote] = useState<string | null>(null);
  const schema = useMemo(() => createConsultationInputSchema(enums), [enums]);
  const lawyers = useLiveQuery(() => listLawyers(db), [], []);
  const onDuty = useLiveQuery(() => openShifts(db, session.vault), [session.vault], []);
  // Kept as the author's sealed draft; reopened in the same drawer after a lock or a reload.
  const formDraft = useFormDraft(form, { kind: 'detainee_request', slot: 'new' }, { onValues: noteDerived });
  const onDutyIds = new Set((onDuty ?? []).map((s) => s.lawyerId));
  // Lawyers on duty now first: the request goes to one of them.
  const lawyerOptions = [...(lawyers ?? [])]
    .sort((a, b) => Number(onDutyIds.has(b.id)) - Number(onDutyIds.has(a.id)))
    .map((l) => ({ value: l.id, label: `${l.name}${onDutyIds.has(l.id) ? '（正在值班）' : ''}` }));

  const pipeline = useSchemaForm(form, {
    check: (v: Values) =>
      schema.safeParse(
        normalizeConsultationInput(
          detaineeRequestDraft({
            requestKind: v.requestKind,
            receivedAt: v.receivedAt ? toRfc3339(v.receivedAt.toDate()) : '',
            clientName: v.clientName ?? '',
            criminalStage: v.criminalStage ?? '',
            ...(v.idType ? { idType: v.idType } : {}),
            ...(v.idNumber ? { idNumber: v.idNumber } : {}),
            ...(v.cause ? { cause: v.cause } : {}),
            ...(v.caseNumber ? { caseNumber: v.caseNumber } : {}),
            ...(v.lawyerId ? { lawyerId: v.lawyerId } : {}),
            ...(v.note ? { note: v.note } : {}),
          }),
          enums,
        ),
      ),
    fieldOf: (path) => [FIELD_OF[String(path[0])] ?? 'note'],
    draft: formDraft,
    save: async (parsed) => {
      const record = await createConsultation(db, session.vault, enums, parsed, session.actor);
      message.success(`已登记：${record.clientName}（${labelOf(REQUEST_KINDS, record.requestKind ?? '')}）`);
      return record;
    },
    onSaved,
  });
  const save = pipeline.submit;

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    }
  };

  const onValuesChange = (changed: Partial<Values>, all: Values) => {
    pipeline.changed(changed);
    if ('idNumber' in changed || 'idType' in changed || 'receivedAt' in changed) noteDerived(all);
  };

  function noteDerived(all: Values) {
    const derived = all.idNumber ? deriveFromIdNumber(all.idNumber, (all.receivedAt ?? dayjs()).toDate(), all.idType ?? RESIDENT_ID) : null;
    setDerivedNote(
      derived
        ? `出生日期 ${derived.birthDate}，${derived.gender === 'male' ? '男' : '女'}${derived.ageGroups.includes('minor') ? '，未成年人（应当通知法律援助机构指派律师辩护，第二十五条）' : ''}`
        : null,
    );
  }

  return (
    <Form<Values>
      autoComplete="off"
      form={form}
      layout="vertical"
      name="detainee-request"
      initialValues={{ requestKind: 'legal_aid_application', receivedAt: dayjs(), idType: RESIDENT_ID }}
      onFinish={() => void save()}
      onValuesChange={onValuesChange}
      onKeyDown={onKeyDown}
    >
      {formDraft.notice}
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="申请类型" name="requestKind" required>
            <Radio.Group optionType="button" options={REQUEST_KINDS.map((k) => ({ value: k.code, label: k.label }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="收到申请时间" name="receivedAt" required extra="法律援助申请应在收到后 24 小时内转交（第三十九条）">
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} allowClear={false} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="在押人员姓名" name="clientName" required>
            <Input autoFocus maxLength={50} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label="证件类型" name="idType">
            <IdTypeSelect />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item label="证件号码" name="idNumber" extra={derivedNote}>
            <Input maxLength={30} autoComplete="off" placeholder="可不填" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="诉讼阶段" name="criminalStage" required>
            <SearchSelect options={enums.criminalStages.map((e) => ({ value: e.code, label: e.label }))} placeholder="请选择" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="涉嫌罪名" name="cause">
            <Input maxLength={60} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="案号" name="caseNumber">
            <Input maxLength={60} autoComplete="off" placeholder="可不填" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="交由值班律师" name="lawyerId" extra="约见值班律师时选择；不清楚可不填">
            <SearchSelect allowClear options={lawyerOptions} placeholder="可不填" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label="申请内容" name="note">
            <GrowingTextArea minRows={2} maxRows={5} maxLength={2000} placeholder="不填则记为标准表述" />
          </Form.Item>
        </Col>
      </Row>
      <Space>
        <Button type="primary" htmlType="submit" loading={pipeline.saving}>
          保存
        </Button>
        <Button onClick={onCancel}>取消</Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          Enter 保存（单行输入框中）· Ctrl+Enter 保存
        </Typography.Text>
      </Space>
    </Form>
  );
}
