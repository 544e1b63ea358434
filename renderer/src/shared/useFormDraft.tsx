import { useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Alert, App, Button, Typography, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { db } from '../db';
import { useSession } from '../session/SessionContext';
import type { DraftSlot } from '../db/drafts';
import { decodeFormValues, encodeFormValues } from '../ui/formDraftValues';
import { dirtyKeepers, FormDraftKeeper, registerKeeper } from './formDraftKeeper';

type ModalApi = ReturnType<typeof App.useApp>['modal'];

/**
 * Before the user leaves an open form that holds something not saved (Esc, 取消, another
 * page): asks 放弃未保存的内容？. Leaving on purpose discards the draft; staying keeps both.
 */
export function confirmLeave(modal: ModalApi, leave: () => void): void {
  const dirty = dirtyKeepers();
  if (dirty.length === 0) {
    leave();
    return;
  }
  modal.confirm({
    title: '放弃未保存的内容？',
    content: '表单中有尚未保存的内容。放弃后无法恢复；选择“继续填写”可回到表单。',
    okText: '放弃',
    okButtonProps: { danger: true },
    cancelText: '继续填写',
    onOk: async () => {
      await Promise.all(dirty.map((k) => k.close()));
      leave();
    },
  });
}

/** The same, as a hook for a page's close handlers. */
export function useConfirmLeave(): (leave: () => void) => void {
  const { modal } = App.useApp();
  return useCallback((leave: () => void) => confirmLeave(modal, leave), [modal]);
}

export interface FormDraftOptions<V> {
  /** The values are put back on open; false when the form fills itself first and calls `restore`. */
  autoRestore?: boolean;
  /** What reopens the form in the same place, sealed with the values. */
  context?: () => Record<string, string | number>;
  /** After values were put back (restored or reset): the form recomputes what it derives from them. */
  onValues?: (values: V) => void;
  /** After 放弃草稿: the form starts over (default: its initial values). */
  onDiscard?: () => void;
}

export interface FormDraft {
  keeper: FormDraftKeeper;
  /** Call from the form's onValuesChange. */
  changed(): void;
  /** Puts the author's draft back into the form; true if there was one. */
  restore(): Promise<boolean>;
  /** Call once the record is saved: the draft goes. */
  saved(): Promise<void>;
  /** The notice shown at the top of the form. */
  notice: React.ReactNode;
}

/**
 * Keeps an open Ant Design form as the author's sealed draft (db/drafts.ts): written a
 * moment after each change and when the window locks, offered back when the same form opens
 * again, removed when the form is saved or discarded.
 */
export function useFormDraft<V = Record<string, unknown>>(form: FormInstance<V>, where: DraftSlot, options: FormDraftOptions<V> = {}): FormDraft {
  const session = useSession();
  const opts = useRef(options);
  const [keeper] = useState(() => new FormDraftKeeper(db, session.vault, session.actor, where, () => encodeFormValues(form.getFieldsValue(true))));
  useLayoutEffect(() => {
    opts.current = options;
    keeper.setContext(() => options.context?.() ?? {});
  });

  const restore = useCallback(async () => {
    const found = await keeper.restore<Record<string, unknown>>();
    if (!found) return false;
    const values = decodeFormValues(found.values) as Record<string, unknown>;
    form.setFieldsValue(values as Parameters<typeof form.setFieldsValue>[0]);
    opts.current.onValues?.(form.getFieldsValue(true) as V);
    return true;
  }, [keeper, form]);

  useEffect(() => {
    const unregister = registerKeeper(keeper);
    if (opts.current.autoRestore !== false) void restore();
    return () => {
      unregister();
      // Gone without a save or a discard (the window locked, a page changed): keep the last change.
      void keeper.flush();
    };
  }, [keeper, restore]);

  const discard = useCallback(async () => {
    await keeper.discard();
    if (opts.current.onDiscard) opts.current.onDiscard();
    else {
      form.resetFields();
      opts.current.onValues?.(form.getFieldsValue(true) as V);
    }
  }, [keeper, form]);

  return {
    keeper,
    changed: useCallback(() => keeper.changed(), [keeper]),
    restore,
    saved: useCallback(() => keeper.close(), [keeper]),
    notice: <DraftNotice keeper={keeper} onDiscard={() => void discard()} />,
  };
}

/** Its own component, so that a draft being written redraws this line and not the form. */
function DraftNotice({ keeper, onDiscard }: { keeper: FormDraftKeeper; onDiscard(): void }) {
  const state = useSyncExternalStore(
    (l) => keeper.subscribe(l),
    () => keeper.getState(),
  );
  // Written at: what the user (and a test) can see before closing the window.
  const status = (
    <Typography.Text type="secondary" data-testid="draft-status" style={{ fontSize: 12 }}>
      {state.savedAt ? `草稿已自动保存 ${dayjs(state.savedAt).format('HH:mm:ss')}` : ''}
    </Typography.Text>
  );
  if (state.restoredAt) {
    return (
      <Alert
        type="info"
        showIcon
        data-testid="draft-restored"
        style={{ marginBottom: 12 }}
        title={`已恢复 ${dayjs(state.restoredAt).format('HH:mm')} 未保存的草稿`}
        description={state.savedAt ? status : undefined}
        action={
          <Button size="small" onClick={onDiscard}>
            放弃草稿
          </Button>
        }
      />
    );
  }
  if (state.failed) return <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="草稿未能自动保存，请尽快保存表单" />;
  return <div style={{ minHeight: 20, marginBottom: 8 }}>{status}</div>;
}
