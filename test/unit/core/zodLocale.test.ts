import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { installChineseValidationMessages } from '../../../core/validation/zodLocale';

installChineseValidationMessages();

const LATIN = /[A-Za-z]/;

function messagesOf(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a refusal');
  return result.error.issues.map((i) => i.message);
}

describe('schema messages without a message of their own', () => {
  it('a missing field reads 此项为必填项, not "Invalid input: expected string, received undefined"', () => {
    expect(messagesOf(z.object({ name: z.string() }), {})).toEqual(['此项为必填项']);
  });

  it('a wrong type, a length, a range and a choice are worded in Chinese with no English type names', () => {
    const schema = z.object({
      age: z.number().int().min(0).max(150),
      note: z.string().max(5),
      code: z.string().min(3),
      kind: z.enum(['a', 'b']),
      flag: z.boolean(),
    });
    const messages = messagesOf(schema, { age: 200, note: '一二三四五六', code: 'x', kind: 'c', flag: 'yes' });
    expect(messages).toEqual(['不能大于 150', '不能超过 5 个字', '至少 3 个字', '请从列表中选择', '格式不正确：应为是或否']);
    for (const m of messages) expect(m).not.toMatch(LATIN);
  });

  it('a message the schema sets itself is kept', () => {
    expect(messagesOf(z.string({ error: '请填写姓名' }), undefined)).toEqual(['请填写姓名']);
  });
});
