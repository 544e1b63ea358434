import { useState } from 'react';
import { App, type FormInstance } from 'antd';
import type { z } from 'zod';
import { parseForm } from './zodForm';

/**
 * The save button of a settings form: field rules first, then the whole schema (so
 * cross-field rules show at their fields), then the save itself, with a message either way.
 */
export function useSchemaSave<S extends z.ZodType>(
  form: FormInstance,
  schema: S,
  save: (value: z.output<S>) => Promise<void>,
  successText: string,
): { saving: boolean; run: () => Promise<void> } {
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const run = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const parsed = parseForm(form, schema, form.getFieldsValue());
    if (!parsed) return;
    setSaving(true);
    try {
      await save(parsed);
      message.success(successText);
    } catch (err) {
      message.error(err instanceof Error ? err.message : '保存失败');
    } finally {
      setSaving(false);
    }
  };
  return { saving, run };
}
