import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Row, Space, Typography } from 'antd';
import { StationApiError } from '../../../../core/api/client';
import { templateOf } from '../../../../core/documents/templates/index';
import { mediationAgreementRefusal } from '../../../../core/documents/templates/mediationAgreement';
import type { DocumentTemplate, DocumentValues } from '../../../../core/documents/template';
import { checkDocumentValues } from '../../../../core/documents/values';
import { pendingDocumentNumber, formatDocumentNumber, numberSeriesOf } from '../../../../core/documents/numbering';
import { prefillDocument, type PrefillContext } from '../../../../core/documents/prefill';
import { calendarDayOf } from '../../../../core/domain/calendar';
import { toRfc3339 } from '../../../../core/time/rfc3339';
import { db } from '../../db';
import { getConsultation } from '../../db/consultations';
import { getMediation } from '../../db/mediations';
import { getShift } from '../../db/shifts';
import type { Vault } from '../../db/vault';
import type { Viewer } from '../../../../core/access/recordViews';
import { listLawyers } from '../../db/lawyers';
import { getDocument, NumberTakenError, peekNextSequence, saveNewDocument, saveNewVersion, type StoredDocument } from '../../db/documents';
import { useStation } from '../../state/StationContext';
import { useSession } from '../../session/SessionContext';
import { navigate } from '../../state/router';
import { DocumentFields } from './DocumentFields';
import { errorText } from '../../ui/errorText';
import { PdfPreview } from '../../shared/PdfPreview';
import { DraftNotice } from '../../shared/kindNotice';
import { useConfirmLeave, useFormDraft } from '../../shared/useFormDraft';
import { NOT_SAVED, useSchemaForm, type FormCheck } from '../../shared/useSchemaForm';

/** Where a document draft reopens: the route of this view (DocumentsPage). */
export function draftRouteOf(source: DraftSource): Record<string, string> {
  if (source.previousId) return { edit: source.previousId, kind: source.kind };
  return { draft: source.kind, ...(source.from && source.sourceId ? { [source.from]: source.sourceId } : {}) };
}

export interface DraftSource {
  kind: string;
  /** The record it is drafted from. */
  from?: 'consultation' | 'mediation' | 'shift';
  sourceId?: string;
  /** Editing: the saved version the new one replaces. */
  previousId?: string;
}

/** Form values as the engine takes them: strings and lists of strings only. */
function toValues(template: DocumentTemplate, raw: Record<string, unknown>): DocumentValues {
  const out: DocumentValues = {};
  for (const f of template.fields) {
    const v = raw[f.name];
    if (f.type === 'list') out[f.name] = Array.isArray(v) ? v.map((s) => (typeof s === 'string' ? s : '')) : [];
    else if (typeof v === 'string') out[f.name] = v;
  }
  return out;
}

const PREVIEW_DELAY_MS = 350;

/** Drafting one document: the form on the left, the real PDF on the right, save with a number. */
export function DraftView({ source }: { source: DraftSource }) {
  const template = templateOf(source.kind);
  const { profile, enums } = useStation();
  const session = useSession();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm();
  const [ready, setReady] = useState(false);
  const [previous, setPrevious] = useState<StoredDocument | null>(null);
  const [link, setLink] = useState<{
    sourceType: 'consultation' | 'mediation' | 'shift' | 'none';
    sourceId: string;
    lawyerId: string;
    shiftId?: string;
    clientName: string;
    caseNumber: string;
  }>({
    sourceType: 'none',
    sourceId: '',
    lawyerId: session.lawyerId ?? '',
    clientName: '',
    caseNumber: '',
  });
  const [pdf, setPdf] = useState<string | null>(null);
  const [previewProblem, setPreviewProblem] = useState<string | null>(null);
  /** Why this paper must not be drafted from its record (an in-trial mediation ends in the court's 调解书). */
  const [refusal, setRefusal] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const year = useMemo(() => Number(toRfc3339().slice(0, 4)), []);
  const series = numberSeriesOf(source.kind);
  const previewNumber = previous ? previous.number : pendingDocumentNumber(year, profile.code, series);
  const confirmLeave = useConfirmLeave();
  // 放弃草稿 fills the form from its record again.
  const [generation, setGeneration] = useState(0);
  // Kept as the author's sealed draft, put back over the pre-filled values once they are in.
  const formDraft = useFormDraft(
    form,
    {
      kind: 'document',
      slot: source.previousId ? `edit:${source.previousId}` : `${source.kind}|${source.from ?? ''}|${source.sourceId ?? ''}`,
      ...(source.previousId ? { recordId: source.previousId } : {}),
    },
    {
      autoRestore: false,
      context: () => draftRouteOf(source),
      onDiscard: () => {
        form.resetFields();
        setReady(false);
        setGeneration((g) => g + 1);
      },
    },
  );
  const restoreDraft = formDraft.restore;

  // Load the source record (or the version being edited) and pre-fill once.
  useEffect(() => {
    if (!template) return;
    let live = true;
    void (async () => {
      const lawyers = await listLawyers(db);
      const nameOf = (id: string) => lawyers.find((l) => l.id === id)?.name ?? '';
      if (source.previousId) {
        const prev = await getDocument(db, session.vault, session.actor, source.previousId);
        if (!live || !prev) return;
        setPrevious(prev);
        setLink({
          sourceType: prev.sourceType,
          sourceId: prev.sourceId,
          lawyerId: prev.lawyerId,
          ...(prev.shiftId ? { shiftId: prev.shiftId } : {}),
          clientName: prev.clientName,
          caseNumber: prev.caseNumber,
        });
        form.setFieldsValue(prev.values);
      } else {
        const loaded = await loadSource(source, session.vault, session.actor);
        if (!live) return;
        const mediationType = loaded.context.mediation?.type;
        setRefusal(template.kind === 'mediation_agreement' && mediationType ? mediationAgreementRefusal(mediationType) : null);
        const lawyerId = loaded.lawyerId ?? session.lawyerId ?? '';
        const values = prefillDocument(template, {
          ...loaded.context,
          station: profile,
          lawyerName: nameOf(lawyerId),
          today: calendarDayOf(toRfc3339()),
          enums,
        });
        setLink({ ...loaded.link, lawyerId });
        form.setFieldsValue(values);
      }
      if (live) await restoreDraft();
      if (live) setReady(true);
    })();
    return () => {
      live = false;
    };
  }, [template, source, session.vault, session.actor, session.lawyerId, profile, enums, form, restoreDraft, generation]);

  const refreshPreview = useCallback(async () => {
    if (!template) return;
    const values = toValues(template, form.getFieldsValue(true) as Record<string, unknown>);
    try {
      const r = await window.station.documents.render({ kind: template.kind, values, docNumber: previewNumber, draft: true });
      setPdf(r.pdf);
      setPreviewProblem(null);
    } catch (err) {
      setPreviewProblem(err instanceof StationApiError ? err.message : '预览生成失败');
    }
  }, [template, form, previewNumber]);

  useEffect(() => {
    if (!ready) return;
    const first = window.setTimeout(() => void refreshPreview(), 0);
    return () => window.clearTimeout(first);
  }, [ready, refreshPreview]);

  const confirmMissing = (chars: string[]) =>
    new Promise<boolean>((resolve) => {
      modal.confirm({
        title: '有字符无法打印',
        content: `字体中没有以下字符，PDF 中这些位置将是空白：${chars.join(' ')}。建议改用同音字并手写补正，或确认后仍然保存。`,
        okText: '仍然保存',
        cancelText: '返回修改',
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });

  const pipeline = useSchemaForm(form, {
    check: (raw: Record<string, unknown>): FormCheck<DocumentValues> => {
      if (!template) return { success: false, error: { issues: [] } };
      const values = toValues(template, raw);
      const problems = checkDocumentValues(template, values);
      return problems.length > 0
        ? { success: false, error: { issues: problems.map((p) => ({ path: [p.field], message: p.message })) } }
        : { success: true, data: values };
    },
    draft: formDraft,
    save: async (values) => {
      if (!template) return NOT_SAVED;
      let saved: StoredDocument | null = null;
      for (let attempt = 0; attempt < 3 && !saved; attempt++) {
        const sequence = previous ? previous.sequence : await peekNextSequence(db, year, template.kind);
        const docNumber = previous ? previous.number : formatDocumentNumber(year, profile.code, sequence, series);
        const r = await window.station.documents.render({ kind: template.kind, values, docNumber });
        if (attempt === 0 && r.missingCharacters.length > 0 && !(await confirmMissing(r.missingCharacters))) return NOT_SAVED;
        const doc = {
          kind: template.kind,
          title: template.name,
          values: r.values,
          clientName: link.clientName,
          caseNumber: link.caseNumber,
          sourceType: link.sourceType,
          sourceId: link.sourceId,
          lawyerId: link.lawyerId,
          ...(link.shiftId ? { shiftId: link.shiftId } : {}),
          pdf: r.pdf,
          pdfSha256: r.sha256,
          pages: r.pages,
        };
        try {
          saved = previous
            ? await saveNewVersion(db, session.vault, previous, doc, session.actor)
            : await saveNewDocument(db, session.vault, doc, { year, sequence, stationCode: profile.code }, session.actor);
        } catch (err) {
          // Another window saved a document meanwhile: render again with the next number.
          if (!(err instanceof NumberTakenError)) throw err;
        }
      }
      if (!saved) throw new NumberTakenError();
      message.success(`已保存：${saved.number}${saved.version > 1 ? `（第 ${saved.version} 版）` : ''}`);
      return saved;
    },
    onSaved: (saved) => navigate('documents', { open: saved.id }),
    describeFailure: (err) =>
      err instanceof StationApiError && err.issues.length > 0
        ? { issues: err.issues.map((i) => ({ path: [String(i.path[0])], message: i.message })) }
        : errorText(err) || '保存失败',
  });

  const onValuesChange = (changed: Record<string, unknown>) => {
    pipeline.changed(changed);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void refreshPreview(), PREVIEW_DELAY_MS);
  };

  if (!template) return <Alert type="error" title="没有这种文书" showIcon />;

  const save = pipeline.submit;

  const back = () => {
    if (source.from === 'consultation' && source.sourceId) navigate('consultations', { open: source.sourceId });
    else if (source.from === 'mediation' && source.sourceId) navigate('mediations', { open: source.sourceId });
    else if (source.from === 'shift' && source.sourceId) navigate('shifts', { log: source.sourceId });
    else navigate('documents');
  };

  return (
    <Row gutter={16} wrap={false} style={{ height: '100%' }}>
      <Col flex="1 1 480px" style={{ minWidth: 420, overflow: 'auto', height: '100%' }}>
        <Card
          title={
            <Space>
              <span>{previous ? `修改${template.name}` : `起草${template.name}`}</span>
              {previous && (
                <Typography.Text type="secondary">
                  {previous.number}，保存后为第 {previous.version + 1} 版
                </Typography.Text>
              )}
            </Space>
          }
          extra={
            <Space>
              <Button onClick={() => confirmLeave(back)}>取消</Button>
              <Button type="primary" loading={pipeline.saving} onClick={() => void save()} disabled={!ready || refusal !== null}>
                保存并编号
              </Button>
            </Space>
          }
        >
          {refusal && <Alert type="error" showIcon title="不能起草调解协议书" description={refusal} style={{ marginBottom: 12 }} />}
          {link.clientName && (
            <Typography.Paragraph type="secondary">
              {link.sourceType === 'mediation' ? '来自调解' : '来自登记'}：{link.clientName}
              {link.caseNumber ? `，${link.caseNumber}` : ''}
            </Typography.Paragraph>
          )}
          {!previous && <DraftNotice template={template} params={source.from && source.sourceId ? { [source.from]: source.sourceId } : {}} />}
          {formDraft.notice}
          <Form form={form} layout="vertical" autoComplete="off" onValuesChange={onValuesChange} aria-label={`${template.name}内容`} disabled={!ready}>
            <DocumentFields template={template} />
          </Form>
        </Card>
      </Col>
      <Col flex="0 0 560px" style={{ overflow: 'auto', height: '100%' }}>
        {previewProblem && <Alert type="warning" title={previewProblem} showIcon style={{ marginBottom: 8 }} />}
        <PdfPreview pdf={pdf} />
      </Col>
    </Row>
  );
}

type Link = { sourceType: 'consultation' | 'mediation' | 'shift' | 'none'; sourceId: string; shiftId?: string; clientName: string; caseNumber: string };

/** Reads the record a draft starts from: what pre-fills it, and what the saved document links to. */
async function loadSource(
  source: DraftSource,
  vault: Vault,
  viewer: Viewer,
): Promise<{ context: Pick<PrefillContext, 'consultation' | 'mediation' | 'shiftLog'>; link: Link; lawyerId?: string }> {
  const none: Link = { sourceType: 'none', sourceId: '', clientName: '', caseNumber: '' };
  const withShift = (shiftId?: string) => (shiftId ? { shiftId } : {});
  if (source.from === 'consultation' && source.sourceId) {
    const c = await getConsultation(db, vault, viewer, source.sourceId);
    if (!c) return { context: {}, link: none };
    return {
      context: { consultation: c },
      link: { sourceType: 'consultation', sourceId: c.id, ...withShift(c.shiftId), clientName: c.clientName, caseNumber: c.caseNumber ?? '' },
      lawyerId: c.lawyerId,
    };
  }
  if (source.from === 'mediation' && source.sourceId) {
    const m = await getMediation(db, vault, viewer, source.sourceId);
    if (!m) return { context: {}, link: none };
    const first = m.consultationIds[0] ? await getConsultation(db, vault, viewer, m.consultationIds[0]) : undefined;
    const client = m.parties.find((p) => p.role === 'applicant' || p.role === 'plaintiff') ?? m.parties[0];
    return {
      context: { mediation: m, ...(first ? { consultation: first } : {}) },
      link: { sourceType: 'mediation', sourceId: m.id, ...withShift(m.shiftId), clientName: client?.name ?? '', caseNumber: m.caseNumber ?? '' },
      lawyerId: m.lawyerIds[0],
    };
  }
  if (source.from === 'shift' && source.sourceId) {
    const shift = await getShift(db, vault, source.sourceId);
    if (!shift) return { context: {}, link: none };
    return {
      context: shift.log ? { shiftLog: shift.log } : {},
      link: { sourceType: 'shift', sourceId: shift.id, shiftId: shift.id, clientName: '', caseNumber: '' },
      lawyerId: shift.lawyerId,
    };
  }
  return { context: {}, link: none };
}
