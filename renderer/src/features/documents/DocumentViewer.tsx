import { useEffect, useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { documentKindLabel } from '../../../../core/documents/templates/index';
import { db } from '../../db';
import { documentAuditLabel, documentPdf, versionsOf, getDocument, type StoredDocument } from '../../db/documents';
import { appendAudit } from '../../db/repository';
import { useSession } from '../../session/SessionContext';
import { can } from '../../../../core/access/permissions';
import { navigate } from '../../state/router';
import { PdfPreview } from '../../shared/PdfPreview';
import { printPdf } from './printPdf';
import { useAsyncAction } from '../../ui/useAsyncAction';
import { ProgressNote } from '../../ui/ProgressNote';

/** A saved document exactly as it was saved: the stored PDF, its versions, print and save as. */
export function DocumentViewer({ id, onClose }: { id: string; onClose(): void }) {
  const session = useSession();
  const { message } = App.useApp();
  const [doc, setDoc] = useState<StoredDocument | null>(null);
  const [versions, setVersions] = useState<StoredDocument[]>([]);
  const [pdf, setPdf] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const d = await getDocument(db, session.vault, session.actor, id);
        if (!live || !d) return;
        setDoc(d);
        setVersions(await versionsOf(db, session.vault, session.actor, d.rootId));
        setPdf(await documentPdf(db, session.vault, session.actor, d));
        setProblem(null);
      } catch (err) {
        if (live) setProblem(err instanceof Error ? err.message : '无法打开文书');
      }
    })();
    return () => {
      live = false;
    };
  }, [id, session.vault, session.actor]);

  const latest = versions[0];
  // Drawing the pages at print resolution takes a few seconds for a long document.
  const [printing, setPrinting] = useState<{ done: number; total: number } | null>(null);
  const print = useAsyncAction(async () => {
    if (!doc || !pdf) return;
    setPrinting({ done: 0, total: doc.pages });
    try {
      await appendAudit(
        db,
        session.actor,
        'print',
        `${doc.number} 第 ${doc.version} 版`,
        { type: 'documents', id: doc.id, rev: doc.rev },
        await documentAuditLabel(session.vault, doc),
      );
      await printPdf(pdf, (done, total) => setPrinting({ done, total }));
    } finally {
      setPrinting(null);
    }
  }, '打印失败');
  const saveAs = useAsyncAction(async () => {
    if (!doc || !pdf) return;
    const r = await window.station.documents.exportPdf({ fileName: `${doc.title}_${doc.clientName || doc.number}_v${doc.version}.pdf`, pdf });
    if (r) {
      await appendAudit(
        db,
        session.actor,
        'export',
        `${doc.number} 第 ${doc.version} 版另存为 PDF`,
        { type: 'documents', id: doc.id, rev: doc.rev },
        await documentAuditLabel(session.vault, doc),
      );
      message.success(`已保存到 ${r.path}`);
    }
  }, '另存为 PDF 失败');

  return (
    <Drawer open title={doc ? `${doc.title} ${doc.number}` : '文书'} size={1060} onClose={onClose} destroyOnHidden>
      {problem && <Alert type="error" title={problem} showIcon style={{ marginBottom: 12 }} />}
      {doc && (
        <div style={{ display: 'flex', gap: 16 }}>
          <div style={{ flex: '1 1 360px', minWidth: 320 }}>
            <Space wrap style={{ marginBottom: 12 }}>
              <Button type="primary" onClick={() => void print.run()} loading={print.busy} disabled={!pdf}>
                打印
              </Button>
              <Button onClick={() => void saveAs.run()} loading={saveAs.busy} disabled={!pdf}>
                另存为 PDF
              </Button>
              {printing && (
                <ProgressNote
                  label={`正在准备打印：第 ${printing.done} / ${printing.total} 页`}
                  percent={printing.total ? Math.floor((printing.done / printing.total) * 100) : 0}
                />
              )}
              {latest?.id === doc.id && can(session.actor.role, doc.ownerId === session.actor.id ? 'document.revise_own' : 'document.revise_any') && (
                <Button onClick={() => navigate('documents', { edit: doc.id, kind: doc.kind })}>修改（生成新版本）</Button>
              )}
              {doc.sourceType === 'consultation' && doc.sourceId && (
                <Button onClick={() => navigate('consultations', { open: doc.sourceId })}>查看来源登记</Button>
              )}
            </Space>
            <Descriptions column={1} size="small" bordered styles={{ label: { width: 96 } }}>
              <Descriptions.Item label="文书编号">{doc.number}</Descriptions.Item>
              <Descriptions.Item label="文书种类">{documentKindLabel(doc.kind)}</Descriptions.Item>
              <Descriptions.Item label="当事人">{doc.clientName || '—'}</Descriptions.Item>
              <Descriptions.Item label="版本">
                第 {doc.version} 版 {latest && latest.id !== doc.id && <Tag color="orange">已有更新版本</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label="保存时间">{dayjs(doc.createdAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
              <Descriptions.Item label="页数">{doc.pages}</Descriptions.Item>
              <Descriptions.Item label="SHA-256">
                <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>
                  {doc.pdfSha256}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            {versions.length > 1 && (
              <List
                style={{ marginTop: 12 }}
                header="全部版本"
                size="small"
                bordered
                dataSource={versions}
                renderItem={(v) => (
                  <List.Item
                    actions={
                      v.id === doc.id
                        ? [<Tag key="cur">正在查看</Tag>]
                        : [
                            <Button key="open" size="small" type="link" onClick={() => navigate('documents', { open: v.id })}>
                              查看
                            </Button>,
                          ]
                    }
                  >
                    第 {v.version} 版 · {dayjs(v.createdAt).format('YYYY-MM-DD HH:mm')}
                  </List.Item>
                )}
              />
            )}
          </div>
          <div style={{ flex: '0 0 560px' }}>
            <PdfPreview pdf={pdf} label="存档 PDF" />
          </div>
        </div>
      )}
    </Drawer>
  );
}
