import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { App, type FormInstance } from 'antd';
import { ZodError } from 'zod';
import { StaleRecordError } from '../db/repository';
import { changedPaths, fieldErrorsOf, keyOf, refreshedErrors, type FieldErrors, type FieldOf, type IssueLike } from '../ui/formIssues';
import { errorText } from '../ui/errorText';
import type { FormDraft } from './useFormDraft';

/** What a form's check answers: zod's safeParse has this shape. */
export type FormCheck<T> = { success: true; data: T } | { success: false; error: { issues: readonly IssueLike[] } };

/** What a save returns when the user turned back to the form (a question answered 返回修改): nothing was saved. */
export const NOT_SAVED = Symbol('not saved');

/** A failure of the save itself, as the user should see it: at fields, or as one message. */
export type SaveFailure = { issues: readonly IssueLike[] } | string;

export interface SchemaFormOptions<V, T, R> {
  /** The whole form's values, checked (cross-field rules included) and turned into what is saved. */
  check(values: V): FormCheck<T>;
  /** Where a message of the check shows; by default at the field of its own path. */
  fieldOf?: FieldOf;
  save(value: T, values: V): Promise<R | typeof NOT_SAVED>;
  /** After the save (and after the draft is gone). */
  onSaved?(result: R): void;
  /** The form's sealed draft: written on each change, removed once saved. */
  draft?: Pick<FormDraft, 'changed' | 'saved'>;
  /** How a failed save reads; undefined leaves it to the default (a zod error at its fields, else 保存失败：…). */
  describeFailure?(err: unknown): SaveFailure | undefined;
}

export interface SchemaForm<V> {
  /** Check, show the messages at their fields or save: the form's onFinish, the dialog's OK, Ctrl+Enter. */
  submit(): Promise<void>;
  /** Call from the form's onValuesChange: keeps the draft and the messages up to date. */
  changed(changedValues: Partial<V>): void;
  saving: boolean;
}

const defaultFailure = (err: unknown): SaveFailure => {
  if (err instanceof ZodError) return { issues: err.issues };
  if (err instanceof StaleRecordError) return err.message;
  return `保存失败：${errorText(err)}。已填写的内容仍在表单中，请重试。`;
};

/**
 * The one pipeline of every form that saves a record or an account: the whole form is
 * checked against its schema, each message shows at its field (and goes as soon as the
 * field is right), the first wrong field gets the focus, the save runs once at a time and
 * says when it failed, and the form's draft follows along.
 */
export function useSchemaForm<V, T, R = unknown>(form: FormInstance<V>, options: SchemaFormOptions<V, T, R>): SchemaForm<V> {
  const { message } = App.useApp();
  const opts = useRef(options);
  useLayoutEffect(() => {
    opts.current = options;
  });
  const [saving, setSaving] = useState(false);
  const running = useRef(false);
  // Set by the first refused save: from then on a change re-checks the fields that show a message.
  const refused = useRef(false);
  // The fields whose messages came from the check, which a later check may take back.
  const ownKeys = useRef(new Set<string>());

  const values = useCallback(() => form.getFieldsValue(true) as V, [form]);

  const show = useCallback(
    (issues: readonly IssueLike[]) => {
      const byField = fieldErrorsOf(issues, opts.current.fieldOf);
      refused.current = true;
      ownKeys.current = new Set(byField.keys());
      const stale = form
        .getFieldsError()
        .filter((f) => f.errors.length > 0 && !byField.has(keyOf(f.name)))
        .map((f) => ({ name: f.name, errors: [] as string[] }));
      form.setFields([...stale, ...byField.values()] as never);
      const first = [...byField.values()][0];
      if (first) form.scrollToField(first.name as never, { block: 'center', focus: true });
      void message.error(byField.size > 0 ? `有 ${byField.size} 处需要修改` : '有内容需要修改');
    },
    [form, message],
  );

  const submit = useCallback(async () => {
    if (running.current) return;
    const current = values();
    const checked = opts.current.check(current);
    if (!checked.success) {
      show(checked.error.issues);
      return;
    }
    running.current = true;
    setSaving(true);
    try {
      const result = await opts.current.save(checked.data, current);
      if (result === NOT_SAVED) return;
      // Gone before onSaved: a "save and new" form opening next would offer it back.
      await opts.current.draft?.saved();
      opts.current.onSaved?.(result);
    } catch (err) {
      const failure = opts.current.describeFailure?.(err) ?? defaultFailure(err);
      if (typeof failure === 'string') void message.error(failure);
      else show(failure.issues);
    } finally {
      running.current = false;
      setSaving(false);
    }
  }, [values, show, message]);

  const changed = useCallback(
    (changedValues: Partial<V>) => {
      opts.current.draft?.changed();
      if (!refused.current) return;
      const shown = form.getFieldsError().filter((f) => f.errors.length > 0) as FieldErrors[];
      if (shown.length === 0) return;
      const checked = opts.current.check(values());
      const fresh = checked.success ? new Map<string, FieldErrors>() : fieldErrorsOf(checked.error.issues, opts.current.fieldOf);
      const update = refreshedErrors(shown, fresh, changedPaths(changedValues), ownKeys.current);
      if (update.length > 0) form.setFields(update as never);
    },
    [form, values],
  );

  return { submit, changed, saving };
}
