import { useEffect, useState } from 'react';
import { Button, Dropdown, List, Space, Typography } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { DOCUMENT_TEMPLATES } from '../../../core/documents/templates/index';
import { db } from '../db';
import { queryDocuments, type StoredDocument } from '../db/documents';
import { useSession } from '../session/SessionContext';
import { navigate } from '../state/router';
import { useStartDraft } from './kindNotice';

const FROM_CONSULTATION = DOCUMENT_TEMPLATES.filter((t) => t.sources.includes('consultation')).map((t) => ({ key: t.kind, label: t.name }));

/** Under a contact: draft a document from it, and the documents already made from it. */
export function RecordDocuments({ consultationId }: { consultationId: string }) {
  const session = useSession();
  const [docs, setDocs] = useState<StoredDocument[]>([]);
  const startDraft = useStartDraft();
  useEffect(() => {
    let live = true;
    void queryDocuments(db, session.vault, session.actor, { sourceId: consultationId }).then((d) => live && setDocs(d));
    return () => {
      live = false;
    };
  }, [consultationId, session.vault, session.actor]);

  return (
    <section aria-label="相关文书">
      <Space style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          相关文书
        </Typography.Title>
        <Dropdown menu={{ items: FROM_CONSULTATION, onClick: ({ key }) => startDraft(key, { consultation: consultationId }) }}>
          <Button icon={<FileAddOutlined />}>起草文书</Button>
        </Dropdown>
      </Space>
      {docs.length > 0 && (
        <List
          size="small"
          bordered
          dataSource={docs}
          renderItem={(d) => (
            <List.Item
              actions={[
                <Button key="open" type="link" size="small" onClick={() => navigate('documents', { open: d.id })}>
                  查看
                </Button>,
              ]}
            >
              {d.title} · {d.number}
              {d.version > 1 ? `（第 ${d.version} 版）` : ''} · {dayjs(d.createdAt).format('YYYY-MM-DD HH:mm')}
            </List.Item>
          )}
        />
      )}
    </section>
  );
}
