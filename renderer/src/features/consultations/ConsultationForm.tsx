import { useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Space, Typography } from 'antd';
import { GrowingTextArea } from '../../ui/GrowingTextArea';
import type { InputRef } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { createConsultationInputSchema, normalizeConsultationInput, REQUEST_KINDS, type ConsultationDraft } from '../../../../core/consultations/schema';
import { assessDraft, deriveFromIdNumber, deriveSpecialGroups } from '../../../../core/consultations/derive';
import { followIdNumber, type IdReading } from '../../../../core/consultations/idDerivation';
import { calendarDayOf } from '../../../../core/domain/calendar';
import { findEntry, labelOf, RESIDENT_ID, type EnumEntry } from '../../../../core/domain/enums';
import { checkIdByType } from '../../../../core/validation/idNumber';
import { IdTypeSelect } from './IdTypeSelect';
import { db } from '../../db';
import { listLawyers } from '../../db/lawyers';
import { createConsultation, earlierContactsOf, editConsultation, type StoredConsultation } from '../../db/consultations';
import { useStation } from '../../state/StationContext';
import { useSession } from '../../session/SessionContext';
import { AssessmentPanel } from './AssessmentPanel';
import { CriminalFacts, PleaSection, pleaWarningsAt } from './CriminalSections';
import { personAndCaseOf, toDraft, toFormValues, type ConsultationFormValues } from '../../shared/formValues';
import { useFormDraft } from '../../shared/useFormDraft';
import { useSchemaForm } from '../../shared/useSchemaForm';
import { SearchSelect } from '../../ui/SearchSelect';

const options = (list: readonly EnumEntry[]) => list.map((e) => ({ value: e.code, label: e.label }));

/** The fields a plea finding can belong to (core/rules/pleaLeniency.ts). */
const PLEA_CHECKED_FIELDS = ['pleaLeniency', 'sentencingProposal', 'pledgeSigned', 'pledgeWitnessed', 'minorPleaObjection'] as const;

/** Case type and place a new contact starts with, by the kind of station. */
function stationDefaults(kind: string): Partial<ConsultationFormValues> {
  switch (kind) {
    case 'detention_center':
      return { place: 'detention_centre', caseType: 'criminal', clientRole: 'suspect' };
    case 'procuratorate':
      return { place: 'procuratorate', caseType: 'criminal' };
    case 'police_station':
      return { place: 'police_case_centre', caseType: 'criminal', clientRole: 'suspect' };
    case 'court':
      return { place: 'court_service_centre' };
    case 'legal_aid_centre':
      return { place: 'legal_aid_centre' };
    default:
      return {};
  }
}

export interface ConsultationFormProps {
  /** The record being edited; absent for a new contact. */
  editing?: StoredConsultation;
  /** Kept across "save and new". */
  carry?: { lawyerId?: string; shiftId?: string; place?: string };
  /** A detainee's request this contact answers: its person and case fill the form. */
  answering?: StoredConsultation;
  onSaved(record: StoredConsultation, next: 'close' | 'new'): void;
  onCancel(): void;
  onOpenRecord(id: string): void;
}

/**
 * One screen, keyboard first: Tab moves through the fields in reading order, Enter in a
 * one-line field saves, Ctrl+Enter saves from anywhere (also in the long text fields) and
 * Ctrl+Shift+Enter saves and starts the next contact with the same lawyer and shift.
 */
export function ConsultationForm({ editing, carry, answering, onSaved, onCancel, onOpenRecord }: ConsultationFormProps) {
  const { profile, enums, domain } = useStation();
  const session = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<ConsultationFormValues>();
  const lawyers = useLiveQuery(() => listLawyers(db), [], []);
  const [earlier, setEarlier] = useState<StoredConsultation[]>([]);
  const [derivedNote, setDerivedNote] = useState<string | null>(null);
  const nextAction = useRef<'close' | 'new'>('close');
  const pleaRefusalShown = useRef(false);
  const firstField = useRef<InputRef>(null);
  const schema = useMemo(() => createConsultationInputSchema(enums), [enums]);

  const initialValues = useMemo<ConsultationFormValues>(() => {
    if (editing) return toFormValues(editing);
    return {
      ...stationDefaults(profile.kind),
      idType: RESIDENT_ID,
      specialGroups: [],
      helpTypes: [],
      disabilities: [],
      aidMatters: [],
      legalAidOutcome: 'not_needed',
      time: dayjs(),
      lawyerId: carry?.lawyerId ?? session.lawyerId,
      shiftId: carry?.shiftId,
      ...(carry?.place ? { place: carry.place } : {}),
      ...(answering ? personAndCaseOf(answering) : {}),
    };
  }, [editing, carry, answering, profile.kind, session.lawyerId]);

  // The drawer mounts a fresh form for every contact, so the initial values are read once.
  const [draft, setDraftState] = useState<ConsultationDraft>(() => toDraft(initialValues));
  // Setting the draft redraws the whole form (some hundred Ant Design fields), which cost about
  // 50-100 ms a key while typing. Only what the form shows of the draft redraws it: the rules'
  // findings and the few fields read outside their own box; typing advice or a name does not.
  // The means test's own inputs are in the key too, so a standard changed in the settings
  // meanwhile is applied to the values as typed, not to an older draft.
  const shownOf = (d: ConsultationDraft) =>
    JSON.stringify([
      assessDraft(d, domain.meansTestStandard ?? undefined, enums),
      d.householdMonthlyIncome,
      d.householdSize,
      d.specialGroups,
      d.exemptionProof,
    ]);
  const shown = useRef<string | null>(null);
  const setDraft = (next: ConsultationDraft) => {
    const key = shownOf(next);
    if (key === shown.current) return;
    shown.current = key;
    setDraftState(next);
  };
  // What the ID number last said, so the values it filled follow it and typed ones stay.
  const [openingReading] = useState<IdReading | null>(() => {
    const r = initialValues.idNumber
      ? deriveFromIdNumber(initialValues.idNumber, initialValues.time?.toDate() ?? new Date(), initialValues.idType ?? RESIDENT_ID)
      : null;
    return r ? { birthDate: r.birthDate, gender: r.gender } : null;
  });
  const idReading = useRef<IdReading | null | undefined>(undefined);
  // Kept as the author's sealed draft; reopened in the same drawer after a lock or a reload.
  const formDraft = useFormDraft(
    form,
    { kind: 'consultation', slot: editing ? `edit:${editing.id}` : 'new', ...(editing ? { recordId: editing.id } : {}) },
    {
      context: () => ({ ...(editing ? { rev: editing.rev } : {}), ...(answering ? { answering: answering.id } : {}) }),
      onValues: (v) => {
        const r = v.idNumber ? deriveFromIdNumber(v.idNumber, v.time?.toDate() ?? new Date(), v.idType ?? RESIDENT_ID) : null;
        idReading.current = r ? { birthDate: r.birthDate, gender: r.gender } : null;
        setDraft(toDraft(v));
      },
    },
  );

  const pipeline = useSchemaForm(form, {
    check: (values: ConsultationFormValues) => schema.safeParse(normalizeConsultationInput(toDraft(values), enums)),
    // A rule about the whole contact shows at 咨询事项; a nested one at its top-level field.
    fieldOf: (path) => [path[0] ?? 'question'],
    draft: formDraft,
    save: async (parsed) => {
      const record = editing
        ? await editConsultation(db, session.vault, enums, editing.id, parsed, session.actor, editing.rev)
        : await createConsultation(db, session.vault, enums, answering ? { ...parsed, answeredRequestId: answering.id } : parsed, session.actor);
      message.success(editing ? '已保存修改' : `已登记：${record.clientName}`);
      return record;
    },
    onSaved: (record) => onSaved(record, nextAction.current),
  });
  const save = async (next: 'close' | 'new' = 'close') => {
    nextAction.current = next;
    await pipeline.submit();
  };

  const caseType = Form.useWatch('caseType', form);
  const criminal = findEntry(enums.caseTypes, caseType ?? '')?.scope === 'criminal';
  const outcome = Form.useWatch('legalAidOutcome', form);
  const followUp = Form.useWatch('followUpNeeded', form);
  const requestKind = Form.useWatch('requestKind', form);
  const idType = Form.useWatch('idType', form);
  const time = Form.useWatch('time', form) as Dayjs | undefined;
  // A contact logged into a month that has ended may fall in figures already reported.
  const earlierMonth = time && dayjs.isDayjs(time) && time.isBefore(dayjs().startOf('month'));
  const role = findEntry(enums.clientRoles, Form.useWatch('clientRole', form) ?? '');
  const assessment = useMemo(() => assessDraft(draft, domain.meansTestStandard ?? undefined, enums), [draft, domain.meansTestStandard, enums]);
  const idHasStructure = checkIdByType(idType ?? '', '', new Date()) !== null;

  const helpTypeOptions = enums.helpTypes
    .filter((h) => !caseType || h.scope === 'any' || h.scope === (criminal ? 'criminal' : 'civil'))
    .map((h) => ({ value: h.code, label: h.label }));

  const onValuesChange = (changed: Partial<ConsultationFormValues>, all: ConsultationFormValues) => {
    const patch: Partial<ConsultationFormValues> = {};
    if ('idNumber' in changed || 'idType' in changed || 'time' in changed) {
      const contactTime = all.time?.toDate() ?? new Date();
      const derived = all.idNumber ? deriveFromIdNumber(all.idNumber, contactTime, all.idType ?? RESIDENT_ID) : null;
      const reading: IdReading | null = derived ? { birthDate: derived.birthDate, gender: derived.gender } : null;
      const followed = followIdNumber(
        { birthDate: all.birthDate?.format('YYYY-MM-DD'), gender: all.gender ?? undefined, specialGroups: all.specialGroups ?? [] },
        idReading.current === undefined ? openingReading : idReading.current,
        reading,
        calendarDayOf(contactTime),
      );
      idReading.current = reading;
      patch.birthDate = followed.birthDate ? dayjs(followed.birthDate) : null;
      patch.gender = followed.gender ?? null;
      if (JSON.stringify(followed.specialGroups) !== JSON.stringify(all.specialGroups ?? [])) patch.specialGroups = followed.specialGroups;
      if (derived && followed.birthDate === derived.birthDate && followed.gender === derived.gender) {
        const source = all.idType === RESIDENT_ID ? '身份证号码' : '证件号码';
        setDerivedNote(`已按${source}填入出生日期 ${derived.birthDate}、性别${derived.gender === 'male' ? '男' : '女'}`);
      } else {
        setDerivedNote(null);
      }
      const number = all.idNumber?.trim();
      if (number && number.length >= 8 && (derived || all.idType !== RESIDENT_ID)) {
        void earlierContactsOf(db, session.vault, session.actor, number, editing?.id).then(setEarlier);
      } else {
        setEarlier([]);
      }
    }
    if ('birthDate' in changed || 'idNumber' in changed || 'time' in changed || 'disabilities' in changed) {
      const birth = 'birthDate' in patch ? patch.birthDate : all.birthDate;
      const groups = deriveSpecialGroups(patch.specialGroups ?? all.specialGroups ?? [], {
        birthDate: birth ? birth.format('YYYY-MM-DD') : undefined,
        contactTime: all.time?.toDate() ?? new Date(),
        disabilities: all.disabilities ?? [],
      });
      if (JSON.stringify(groups) !== JSON.stringify(patch.specialGroups ?? all.specialGroups ?? [])) patch.specialGroups = groups;
    }
    if ('caseType' in changed && !criminalCase(changed.caseType)) {
      patch.criminalStage = undefined;
      patch.mayFaceLifeOrDeath = false;
      patch.helpTypes = (all.helpTypes ?? []).filter((h) => findEntry(enums.helpTypes, h)?.scope !== 'criminal');
    }
    if (Object.keys(patch).length > 0) form.setFieldsValue(patch);
    const next = toDraft({ ...all, ...patch });
    setDraft(next);
    // What the law refuses in a plea shows at its field at once, not only on saving. Only
    // while a plea box is ticked or a refusal is on screen: typing elsewhere stays cheap.
    if (next.pleaLeniency || next.pledgeSigned || next.pledgeWitnessed || pleaRefusalShown.current) {
      const refused = new Map<string, string[]>();
      for (const f of assessDraft(next, undefined, enums).plea) {
        if (f.level === 'error') refused.set(f.field, [...(refused.get(f.field) ?? []), f.message]);
      }
      pleaRefusalShown.current = refused.size > 0;
      form.setFields(PLEA_CHECKED_FIELDS.map((name) => ({ name, errors: refused.get(name) ?? [] })));
    }
    // Last, so a field the ID number filled is checked as it now reads.
    pipeline.changed(changed);
  };

  const criminalCase = (code: string | null | undefined) => findEntry(enums.caseTypes, code ?? '')?.scope === 'criminal';

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save(e.shiftKey ? 'new' : 'close');
    }
  };

  const lawyerOptions = (lawyers ?? []).map((l) => ({ value: l.id, label: `${l.name}（${l.lawFirm}）` }));

  return (
    <Form<ConsultationFormValues>
      // Client data: no control of this form may be kept by the browser (form restore, autofill).
      autoComplete="off"
      form={form}
      layout="vertical"
      name="consultation"
      initialValues={initialValues}
      onValuesChange={onValuesChange}
      onFinish={() => void save()}
      onKeyDown={onKeyDown}
      size="middle"
      scrollToFirstError
    >
      {formDraft.notice}
      <Row gutter={16}>
        <Col span={16}>
          <Card size="small" title="接待" style={{ marginBottom: 12 }}>
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item
                  label="接待时间"
                  name="time"
                  required
                  extra={earlierMonth ? `${time.format('YYYY年M月')}已结束：该月的统计可能已经报送，补登的记录会计入该月` : undefined}
                >
                  <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} allowClear={false} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item label="值班律师" name="lawyerId" required>
                  <SearchSelect autoFocus={!editing} options={lawyerOptions} placeholder="选择值班律师" notFoundContent="名册中没有律师，请先在设置中添加" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item label="接待地点" name="place" required>
                  <SearchSelect options={options(enums.consultationPlaces)} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Card size="small" title="来访人" style={{ marginBottom: 12 }}>
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item label="来访人身份" name="clientRole" required>
                  <SearchSelect options={options(enums.clientRoles)} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item label="姓名" name="clientName" required>
                  <Input ref={firstField} maxLength={50} autoComplete="off" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item label="证件类型" name="idType">
                  <IdTypeSelect />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label="证件号码" name="idNumber" extra={derivedNote} required={idHasStructure}>
                  <Input maxLength={30} autoComplete="off" />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item label="性别" name="gender">
                  <SearchSelect options={options(enums.genders)} allowClear />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item label="出生日期" name="birthDate">
                  <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item label="民族" name="ethnicity">
                  <SearchSelect options={options(enums.ethnicGroups)} allowClear />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item label="联系电话" name="phone">
                  <Input maxLength={20} autoComplete="off" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label="住址" name="address">
                  <Input maxLength={120} autoComplete="off" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label="特殊群体" name="specialGroups">
                  <SearchSelect mode="multiple" options={options(enums.specialGroups)} placeholder="可多选" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label="残疾类别" name="disabilities">
                  <SearchSelect mode="multiple" options={options(enums.disabilities)} placeholder="无则不填" />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Card size="small" title="案件" style={{ marginBottom: 12 }}>
            <Row gutter={12}>
              <Col span={6}>
                <Form.Item label="案件类型" name="caseType" required>
                  <SearchSelect options={options(enums.caseTypes)} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item label="诉讼阶段" name="criminalStage" required={criminal}>
                  <SearchSelect options={options(enums.criminalStages)} disabled={!criminal} placeholder={criminal ? '请选择' : '非刑事案件不填'} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item label="案号" name="caseNumber" extra="半角、全角括号均可">
                  <Input maxLength={60} autoComplete="off" placeholder="（2026）辽0102刑初123号" />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item label="案由/罪名" name="cause">
                  <Input maxLength={60} autoComplete="off" />
                </Form.Item>
              </Col>
              {criminal && (
                <Col span={24}>
                  <Form.Item name="mayFaceLifeOrDeath" valuePropName="checked" style={{ marginBottom: 8 }}>
                    <Checkbox>可能判处无期徒刑、死刑</Checkbox>
                  </Form.Item>
                </Col>
              )}
            </Row>
            {criminal && <CriminalFacts role={role} noticeText={assessment.defenderNotice?.text ?? null} />}
          </Card>
          {criminal && role?.accused && (
            <PleaSection
              pleaWarnings={pleaWarningsAt(assessment.plea, 'pleaLeniency')}
              pledgeWarnings={pleaWarningsAt(assessment.plea, 'pledgeSigned')}
              minor={(draft.specialGroups ?? []).includes('minor')}
            />
          )}
          <Card size="small" title="帮助" style={{ marginBottom: 12 }}>
            <Form.Item label="帮助类型" name="helpTypes" required>
              <SearchSelect mode="multiple" options={helpTypeOptions} placeholder="可多选，输入文字筛选" />
            </Form.Item>
            <Form.Item label="咨询事项" name="question" required>
              <GrowingTextArea minRows={2} maxRows={6} maxLength={2000} showCount />
            </Form.Item>
            <Form.Item label="解答意见" name="advice">
              <GrowingTextArea minRows={2} maxRows={8} maxLength={4000} showCount />
            </Form.Item>
            <Row gutter={12}>
              <Col span={6}>
                <Form.Item label="接待时长（分钟）" name="durationMinutes">
                  <InputNumber min={1} max={600} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item label=" " name="followUpNeeded" valuePropName="checked">
                  <Checkbox>需要跟进</Checkbox>
                </Form.Item>
              </Col>
              {followUp && (
                <Col span={12}>
                  <Form.Item label="跟进事项" name="followUpNote" required>
                    <Input maxLength={500} />
                  </Form.Item>
                </Col>
              )}
            </Row>
          </Card>
          <Card size="small" title="法律援助" style={{ marginBottom: 12 }}>
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item label="法律援助" name="legalAidOutcome">
                  <SearchSelect options={options(enums.legalAidOutcomes)} />
                </Form.Item>
              </Col>
              {findEntry(enums.legalAidOutcomes, outcome ?? '')?.requiresReason && (
                <Col span={16}>
                  <Form.Item label="不予受理或拒绝的理由" name="refusalReason" required>
                    <Input maxLength={500} />
                  </Form.Item>
                </Col>
              )}
              <Col span={16}>
                <Form.Item label="申请事项" name="aidMatters">
                  <SearchSelect mode="multiple" options={options(enums.legalAidMatters)} placeholder="用于判断是否免予经济困难审查" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item label=" " name="noFixedIncome" valuePropName="checked">
                  <Checkbox>无固定生活来源</Checkbox>
                </Form.Item>
              </Col>
              {enums.noMeansTestGrounds.length > 0 && (
                <Col span={24}>
                  <Form.Item
                    label="其他免予审查情形"
                    name="otherExemptions"
                    extra="本省法律、法规、规章规定的其他人员或情形（《法律援助法》第四十二条第（四）项、第三十二条第（五）项）"
                  >
                    <SearchSelect mode="multiple" options={options(enums.noMeansTestGrounds)} placeholder="无则不填" />
                  </Form.Item>
                </Col>
              )}
              {(assessment.noMeansTest.exempt || draft.exemptionProof) && (
                <Col span={24}>
                  <Form.Item
                    label="证明材料"
                    name="exemptionProof"
                    extra="申请人有材料证明属于免予核查的人员（《法律援助法》第四十二条），如低保证、司法救助决定书、优抚证件"
                  >
                    <Input maxLength={200} autoComplete="off" />
                  </Form.Item>
                </Col>
              )}
              <Col span={8}>
                <Form.Item label="家庭月收入（元）" name="householdMonthlyIncome">
                  <InputNumber min={0} precision={2} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item label="家庭人口" name="householdSize">
                  <InputNumber min={1} max={50} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Card size="small" title="在押人员申请（看守所登记）" style={{ marginBottom: 12 }}>
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item label="在押人员申请" name="requestKind">
                  <SearchSelect allowClear options={REQUEST_KINDS.map((k) => ({ value: k.code, label: k.label }))} placeholder="无" />
                </Form.Item>
              </Col>
              {requestKind && (
                <Col span={8}>
                  <Form.Item label="收到申请时间" name="receivedAt" required>
                    <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              )}
              {requestKind === 'legal_aid_application' && (
                <Col span={8}>
                  <Form.Item label="转交时间" name="transferredAt" extra="24 小时内转交法律援助机构（第三十九条）">
                    <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              )}
            </Row>
          </Card>
        </Col>
        <Col span={8}>
          <div style={{ position: 'sticky', top: 0 }}>
            <AssessmentPanel draft={draft} assessment={assessment} pleaAtFields />
            {earlier.length > 0 && (
              <Alert
                style={{ marginTop: 12 }}
                type="info"
                showIcon
                data-testid="earlier-contacts"
                title={`此人此前来访 ${earlier.length} 次`}
                description={
                  <Space orientation="vertical" size={2}>
                    {earlier.slice(0, 5).map((c) => (
                      <Typography.Link key={c.id} onClick={() => onOpenRecord(c.id)}>
                        {dayjs(c.time).format('YYYY-MM-DD HH:mm')} {c.clientName} · {labelOf(enums.caseTypes, c.caseType)} · {c.question.slice(0, 16)}
                      </Typography.Link>
                    ))}
                  </Space>
                }
              />
            )}
            <Card size="small" style={{ marginTop: 12 }}>
              <Space wrap>
                <Button type="primary" htmlType="submit" loading={pipeline.saving}>
                  保存
                </Button>
                {!editing && (
                  <Button loading={pipeline.saving} onClick={() => void save('new')}>
                    保存并新建
                  </Button>
                )}
                <Button onClick={onCancel}>取消</Button>
              </Space>
              <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
                Enter 保存（单行输入框中）· Ctrl+Enter 保存 · Ctrl+Shift+Enter 保存并新建
              </Typography.Paragraph>
            </Card>
          </div>
        </Col>
      </Row>
    </Form>
  );
}
