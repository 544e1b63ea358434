import { useEffect, useLayoutEffect, useRef } from 'react';
import { Alert, App, Button, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db';
import { deleteDraft, listDrafts, type DraftKind, type StoredDraft } from '../db/drafts';
import { useSession } from '../session/SessionContext';

/**
 * When the page opens after an unlock, a sign-in or a reload: the author's newest draft of
 * this page's forms is opened again, as it was. Once per visit of the page.
 */
export function useReopenDraft(kinds: readonly DraftKind[], reopen: (draft: StoredDraft) => void): void {
  const session = useSession();
  const done = useRef(false);
  const latest = useRef(reopen);
  useLayoutEffect(() => {
    latest.current = reopen;
  });
  const key = kinds.join(',');
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    void listDrafts(db, session.vault, session.actor, key.split(',') as DraftKind[]).then((drafts) => {
      if (drafts[0]) latest.current(drafts[0]);
    });
  }, [session, key]);
}

/**
 * The author's drafts of this page's forms, while no form is open: 继续填写 opens the form
 * again with its values, 放弃 (after asking) removes the draft.
 */
export function DraftBanner({
  kinds,
  describe,
  onContinue,
}: {
  kinds: readonly DraftKind[];
  describe(draft: StoredDraft): string;
  onContinue(draft: StoredDraft): void;
}) {
  const session = useSession();
  const { modal } = App.useApp();
  const key = kinds.join(',');
  const drafts = useLiveQuery(() => listDrafts(db, session.vault, session.actor, key.split(',') as DraftKind[]), [session, key], []);
  if (!drafts || drafts.length === 0) return null;
  const discard = (d: StoredDraft) =>
    modal.confirm({
      title: '放弃未保存的内容？',
      content: `${describe(d)}（${dayjs(d.updatedAt).format('MM-DD HH:mm')}）将被删除，无法恢复。`,
      okText: '放弃',
      okButtonProps: { danger: true },
      cancelText: '保留',
      onOk: () => deleteDraft(db, session.actor, d.id),
    });
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="draft-banner"
      style={{ marginBottom: 12 }}
      title={drafts.length === 1 ? '有未保存的草稿' : `有 ${drafts.length} 份未保存的草稿`}
      description={
        <Space orientation="vertical" size={4}>
          {drafts.map((d) => (
            <Space key={d.id} size={8}>
              <Typography.Text>
                {describe(d)} · {dayjs(d.updatedAt).format('MM-DD HH:mm')}
              </Typography.Text>
              <Button size="small" type="primary" onClick={() => onContinue(d)}>
                继续填写
              </Button>
              <Button size="small" onClick={() => discard(d)}>
                放弃
              </Button>
            </Space>
          ))}
        </Space>
      }
    />
  );
}
