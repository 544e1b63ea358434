import { Button } from 'antd';
import type { NotificationInstance } from 'antd/es/notification/interface';
import { errorText } from './errorText';

/**
 * A notice that a change was made, with 撤销 (issue 20 item 17). It stays until the user
 * closes it or undoes the change: a lawyer called away mid-shift still finds it. The lock
 * screen clears it with every other notice (app/SessionGate.tsx).
 */
export function showUndoNotice(
  notification: NotificationInstance,
  notice: { key: string; title: string; type?: 'success' | 'warning'; undo(): Promise<void>; undone: string },
): void {
  const { key } = notice;
  notification.open({
    key,
    type: notice.type ?? 'success',
    title: notice.title,
    duration: 0,
    actions: (
      <Button
        size="small"
        onClick={async () => {
          try {
            await notice.undo();
            notification.open({ key, type: 'success', title: notice.undone, duration: 3 });
          } catch (err) {
            notification.open({ key, type: 'error', title: `撤销失败：${errorText(err)}`, duration: 0 });
          }
        }}
      >
        撤销
      </Button>
    ),
  });
}
