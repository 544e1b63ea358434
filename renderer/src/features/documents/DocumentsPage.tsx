import { useEffect, useMemo, useState } from 'react';
import { Button, Card, DatePicker, Dropdown, Empty, Input, Space, Table, Typography } from 'antd';
import { SearchSelect } from '../../ui/SearchSelect';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { DOCUMENT_TEMPLATES, documentKindLabel } from '../../../../core/documents/templates/index';
import { DraftBanner } from '../../shared/DraftBanner';
import type { StoredDraft } from '../../db/drafts';
import { db } from '../../db';
import { queryDocuments, type DocumentQuery, type StoredDocument } from '../../db/documents';
import { listLawyers } from '../../db/lawyers';
import { useSession } from '../../session/SessionContext';
import { navigate, useRoute } from '../../state/router';
import { DraftView } from './DraftView';
import { DocumentViewer } from './DocumentViewer';
import { useStartDraft } from '../../shared/kindNotice';

/** Kinds a lawyer can start without a record (the others are drafted from a contact). */
export const KIND_MENU = DOCUMENT_TEMPLATES.filter((t) => !(t.sources.length === 1 && t.sources[0] === 'shift')).map((t) => ({ key: t.kind, label: t.name }));

export function DocumentsPage() {
  const { params } = useRoute();
  const draftKind = params.get('draft');
  const editId = params.get('edit');
  if (editId) return <DraftView key={`edit-${editId}`} source={{ kind: params.get('kind') ?? '', previousId: editId }} />;
  if (draftKind) {
    const from = (['consultation', 'mediation', 'shift'] as const).find((k) => params.get(k));
    const sourceId = from ? params.get(from)! : '';
    return <DraftView key={`draft-${draftKind}-${from ?? ''}-${sourceId}`} source={{ kind: draftKind, ...(from ? { from, sourceId } : {}) }} />;
  }
  return <DocumentList openId={params.get('open')} />;
}

const DRAFT_KINDS = ['document'] as const;

/** A document draft reopens on its own route (DraftView.draftRouteOf), sealed in the draft. */
function draftRoute(d: StoredDraft): Record<string, string> {
  return Object.fromEntries(Object.entries(d.context).map(([k, v]) => [k, String(v)]));
}

function describeDraft(d: StoredDraft): string {
  const route = draftRoute(d);
  return route.edit ? `修改${documentKindLabel(route.kind ?? '')}` : `起草${documentKindLabel(route.draft ?? '')}`;
}

function DocumentList({ openId }: { openId: string | null }) {
  const session = useSession();
  const [query, setQuery] = useState<DocumentQuery>({});
  const [text, setText] = useState('');
  const [docs, setDocs] = useState<StoredDocument[] | null>(null);
  const lawyers = useLiveQuery(() => listLawyers(db), []);
  const lawyerNames = useMemo(() => new Map((lawyers ?? []).map((l) => [l.id, l.name])), [lawyers]);
  const changes = useLiveQuery(() => db.documents.count(), []);
  const startDraft = useStartDraft();

  useEffect(() => {
    let live = true;
    void queryDocuments(db, session.vault, session.actor, query).then((list) => live && setDocs(list));
    return () => {
      live = false;
    };
  }, [query, session.vault, session.actor, changes]);

  return (
    <Card
      title="法律文书"
      extra={
        <Dropdown menu={{ items: KIND_MENU, onClick: ({ key }) => startDraft(key) }}>
          <Button type="primary" icon={<PlusOutlined />}>
            新建文书
          </Button>
        </Dropdown>
      }
    >
      <DraftBanner kinds={DRAFT_KINDS} describe={describeDraft} onContinue={(d) => navigate('documents', draftRoute(d))} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label="搜索文书"
          autoComplete="off"
          placeholder="当事人姓名、文书编号、案号"
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => setQuery((q) => ({ ...q, text: v }))}
          style={{ width: 300 }}
        />
        <SearchSelect
          aria-label="文书种类"
          allowClear
          placeholder="全部种类"
          style={{ width: 220 }}
          options={KIND_MENU.map((k) => ({ value: k.key, label: k.label }))}
          onChange={(kind?: string) => setQuery((q) => ({ ...q, kind }))}
        />
        <DatePicker.RangePicker
          aria-label="保存日期"
          onChange={(range) => setQuery((q) => ({ ...q, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') }))}
        />
      </Space>
      <Table<StoredDocument>
        rowKey="id"
        size="middle"
        loading={docs === null}
        dataSource={docs ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        locale={{ emptyText: <Empty description="还没有符合条件的文书。从咨询登记的详情中可以直接起草文书。" /> }}
        onRow={(d) => ({ onClick: () => navigate('documents', { open: d.id }), style: { cursor: 'pointer' } })}
        columns={[
          { title: '文书编号', dataIndex: 'number', width: 260 },
          { title: '种类', dataIndex: 'kind', render: (k: string) => documentKindLabel(k), width: 190 },
          { title: '当事人', dataIndex: 'clientName', render: (n: string) => n || '—' },
          { title: '值班律师', dataIndex: 'lawyerId', render: (id: string) => lawyerNames.get(id) ?? '—' },
          { title: '版本', dataIndex: 'version', width: 70, render: (v: number) => `第 ${v} 版` },
          { title: '保存时间', dataIndex: 'createdAt', width: 150, render: (t: string) => dayjs(t).format('YYYY-MM-DD HH:mm') },
        ]}
      />
      <Typography.Text type="secondary">共 {docs?.length ?? 0} 份</Typography.Text>
      {openId && <DocumentViewer id={openId} onClose={() => navigate('documents')} />}
    </Card>
  );
}
