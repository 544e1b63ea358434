import type { FormInstance, FormRule } from 'antd';
import type { z } from 'zod';

/** An Ant Design rule that shows the schema's own (Chinese) message at the field. */
export function zodRule(schema: z.ZodType): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const result = schema.safeParse(value === null ? undefined : value);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '输入内容无效');
    },
  };
}

/**
 * Parses the whole form with the schema (so cross-field rules run too) and puts every
 * issue on its field. Returns the parsed value, or null when something is wrong.
 */
export function parseForm<S extends z.ZodType>(form: FormInstance, schema: S, values: unknown): z.output<S> | null {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of result.error.issues) {
    const name = issue.path.length ? (issue.path as (string | number)[]) : ['_form'];
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return null;
}
