import { useMemo, useState } from 'react';
import { App, Button, Card, Checkbox, Col, DatePicker, Form, Input, Row, Space, Typography } from 'antd';
import { GrowingTextArea } from '../../ui/GrowingTextArea';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { SearchSelect } from '../../ui/SearchSelect';
import { mediationInputSchema, PAYMENT_METHODS, type MediationInput } from '../../../../core/mediations/schema';
import { db } from '../../db';
import { listLawyers } from '../../db/lawyers';
import { loadConsultations, queryConsultations } from '../../db/consultations';
import { createMediation, editMediation, type StoredMediation } from '../../db/mediations';
import { useStation } from '../../state/StationContext';
import { useSession } from '../../session/SessionContext';
import { PARTY_ROLES } from '../../../../core/mediations/schema';
import { useFormDraft } from '../../shared/useFormDraft';
import { useSchemaForm } from '../../shared/useSchemaForm';

type FormValues = Omit<Partial<MediationInput>, 'date' | 'paymentDeadline' | 'paidAt' | 'parties'> & {
  parties?: { name?: string; role?: string; representative?: string; phone?: string }[];
  date?: Dayjs | null;
  paymentDeadline?: Dayjs | null;
  paidAt?: Dayjs | null;
};

const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined);

/** What the schema takes: dates as YYYY-MM-DD, optional blanks as empty. */
export function toMediationInput(v: FormValues): Record<string, unknown> {
  return {
    ...v,
    date: day(v.date),
    paymentDeadline: day(v.paymentDeadline),
    paidAt: day(v.paidAt),
    parties: v.parties ?? [],
    lawyerIds: v.lawyerIds ?? [],
    consultationIds: v.consultationIds ?? [],
  };
}

function toFormValues(m: StoredMediation): FormValues {
  return { ...m, date: dayjs(m.date), paymentDeadline: m.paymentDeadline ? dayjs(m.paymentDeadline) : null, paidAt: m.paidAt ? dayjs(m.paidAt) : null };
}

/** Recording a mediation: every rule of core/mediations/schema.ts shows its message at its field. */
export function MediationForm({ editing, onSaved, onCancel }: { editing?: StoredMediation; onSaved(m: StoredMediation): void; onCancel(): void }) {
  const { enums } = useStation();
  const session = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const lawyers = useLiveQuery(() => listLawyers(db), [], []);
  const schema = useMemo(() => mediationInputSchema(enums), [enums]);
  const outcome = Form.useWatch('outcome', form);
  const settled = outcome !== undefined && outcome !== 'no_agreement';
  // Kept as the author's sealed draft; reopened in the same drawer after a lock or a reload.
  const formDraft = useFormDraft(
    form,
    { kind: 'mediation', slot: editing ? `edit:${editing.id}` : 'new', ...(editing ? { recordId: editing.id } : {}) },
    { context: (): Record<string, number> => (editing ? { rev: editing.rev } : {}) },
  );
  const [contactOptions, setContactOptions] = useState<{ value: string; label: string }[]>([]);

  const initialValues = useMemo<FormValues>(
    () =>
      editing
        ? toFormValues(editing)
        : {
            date: dayjs(),
            parties: [
              { name: '', role: 'applicant' },
              { name: '', role: 'respondent' },
            ],
            lawyerIds: session.lawyerId ? [session.lawyerId] : [],
            becameLegalAidCase: false,
            consultationIds: [],
          },
    [editing, session.lawyerId],
  );

  // Linked contacts are found with the consultation search; the chosen ones keep their labels.
  const searchContacts = async (text: string) => {
    const { ids } = await queryConsultations(db, session.vault, session.actor, text.trim() ? { text } : {});
    const found = await loadConsultations(db, session.vault, session.actor, ids.slice(0, 20));
    setContactOptions(found.map((c) => ({ value: c.id, label: `${c.clientName} · ${dayjs(c.time).format('YYYY-MM-DD HH:mm')} · ${c.question.slice(0, 12)}` })));
  };
  const linked = useLiveQuery(
    async () => {
      const ids = editing?.consultationIds ?? [];
      const found = await loadConsultations(db, session.vault, session.actor, ids);
      return found.map((c) => ({ value: c.id, label: `${c.clientName} · ${dayjs(c.time).format('YYYY-MM-DD HH:mm')}` }));
    },
    [editing, session.vault],
    [],
  );
  const allContactOptions = [...(linked ?? []), ...contactOptions.filter((o) => !linked?.some((l) => l.value === o.value))];

  const pipeline = useSchemaForm(form, {
    check: (values: FormValues) => schema.safeParse(toMediationInput(values)),
    draft: formDraft,
    save: async (parsed) => {
      const saved = editing
        ? await editMediation(db, session.vault, enums, editing.id, parsed, session.actor, editing.rev)
        : await createMediation(db, session.vault, enums, parsed, session.actor);
      message.success(editing ? '已保存修改' : '已记录调解');
      return saved;
    },
    onSaved,
  });

  const options = (list: readonly { code: string; label: string }[]) => list.map((e) => ({ value: e.code, label: e.label }));

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      autoComplete="off"
      initialValues={initialValues}
      onValuesChange={pipeline.changed}
      onFinish={() => void pipeline.submit()}
      aria-label="调解记录"
      scrollToFirstError
    >
      {formDraft.notice}
      <Card size="small" title="调解" style={{ marginBottom: 12 }}>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item label="调解类型" name="type" required>
              <SearchSelect options={options(enums.mediationTypes)} placeholder="请选择" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="调解日期" name="date" required>
              <DatePicker style={{ width: '100%' }} allowClear={false} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="调解地点" name="place" required>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="案号" name="caseNumber">
              <Input maxLength={60} placeholder="诉前调解可不填" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="案由" name="cause" required>
              <Input maxLength={60} placeholder="如：劳务合同纠纷" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="参与调解的值班律师" name="lawyerIds" required>
              <SearchSelect mode="multiple" options={(lawyers ?? []).map((l) => ({ value: l.id, label: l.name }))} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card size="small" title="当事人" style={{ marginBottom: 12 }}>
        <Form.List name="parties">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <Row gutter={12} key={field.key} align="top">
                  <Col span={4}>
                    <Form.Item label={index === 0 ? '身份' : undefined} name={[field.name, 'role']}>
                      <SearchSelect options={PARTY_ROLES.map((r) => ({ value: r.code, label: r.label }))} aria-label={`第 ${index + 1} 方当事人身份`} />
                    </Form.Item>
                  </Col>
                  <Col span={7}>
                    <Form.Item label={index === 0 ? '姓名或名称' : undefined} name={[field.name, 'name']}>
                      <Input maxLength={50} aria-label={`第 ${index + 1} 方当事人姓名`} />
                    </Form.Item>
                  </Col>
                  <Col span={5}>
                    <Form.Item label={index === 0 ? '联系电话' : undefined} name={[field.name, 'phone']}>
                      <Input maxLength={30} inputMode="tel" autoComplete="off" aria-label={`第 ${index + 1} 方联系电话`} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item label={index === 0 ? '代理人' : undefined} name={[field.name, 'representative']}>
                      <Input maxLength={50} placeholder="无则不填" aria-label={`第 ${index + 1} 方代理人`} />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    {fields.length > 2 && (
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined />}
                        aria-label={`删除第 ${index + 1} 方当事人`}
                        onClick={() => remove(field.name)}
                        style={{ marginTop: index === 0 ? 30 : 0 }}
                      />
                    )}
                  </Col>
                </Row>
              ))}
              <Form.Item>
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', role: 'third_party' })}>
                  添加当事人
                </Button>
                <Form.ErrorList errors={errors} />
              </Form.Item>
            </>
          )}
        </Form.List>
      </Card>
      <Card size="small" title="结果" style={{ marginBottom: 12 }}>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item label="调解结果" name="outcome" required>
              <SearchSelect options={options(enums.mediationOutcomes)} placeholder="请选择" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="协议金额（元）" name="amountAgreed">
              <Input disabled={!settled} inputMode="decimal" placeholder="如 38500.00" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="履行方式" name="paymentMethod">
              <SearchSelect allowClear disabled={!settled} options={PAYMENT_METHODS.map((p) => ({ value: p.code, label: p.label }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="履行期限" name="paymentDeadline">
              <DatePicker style={{ width: '100%' }} disabled={!settled} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="协议内容" name="terms" required={settled}>
              <GrowingTextArea minRows={2} maxRows={8} maxLength={4000} showCount disabled={!settled} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="实际履行日期" name="paidAt">
              <DatePicker style={{ width: '100%' }} disabled={!settled} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="挽回经济损失（元）" name="amountRecovered">
              <Input inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label=" " name="becameLegalAidCase" valuePropName="checked">
              <Checkbox>转为法律援助案件</Checkbox>
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card size="small" title="来源与备注" style={{ marginBottom: 12 }}>
        <Form.Item label="来自哪些咨询登记" name="consultationIds">
          <SearchSelect
            mode="multiple"
            // Found by the consultation search, not by filtering the options on screen.
            showSearch={{ filterOption: false, onSearch: (t) => void searchContacts(t) }}
            onFocus={() => allContactOptions.length === 0 && void searchContacts('')}
            options={allContactOptions}
            placeholder="输入姓名、证件号码或案号查找"
          />
        </Form.Item>
        <Form.Item label="备注" name="note">
          <GrowingTextArea minRows={1} maxRows={4} maxLength={500} />
        </Form.Item>
      </Card>
      <Space>
        <Button type="primary" htmlType="submit" loading={pipeline.saving}>
          保存
        </Button>
        <Button onClick={onCancel}>取消</Button>
        <Typography.Text type="secondary">金额以元为单位，最多两位小数；未达成协议的不填金额和履行信息。</Typography.Text>
      </Space>
    </Form>
  );
}
