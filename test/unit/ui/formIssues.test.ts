import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { changedPaths, fieldErrorsOf, keyOf, refreshedErrors } from '../../../renderer/src/ui/formIssues';

const schema = z
  .object({
    name: z.string().min(1, '请填写姓名'),
    parties: z.array(z.object({ name: z.string().min(1, '请填写当事人姓名') })),
    from: z.number(),
    to: z.number(),
  })
  .refine((v) => v.to >= v.from, { path: ['to'], message: '结束不能早于开始' });

const issuesOf = (v: unknown) => {
  const r = schema.safeParse(v);
  return r.success ? [] : r.error.issues;
};

describe('fieldErrorsOf', () => {
  it('puts each message at the field of its path, nested list fields included', () => {
    const byField = fieldErrorsOf(issuesOf({ name: '', parties: [{ name: '甲' }, { name: '' }], from: 2, to: 1 }));
    expect([...byField.values()]).toEqual([
      { name: ['name'], errors: ['请填写姓名'] },
      { name: ['parties', 1, 'name'], errors: ['请填写当事人姓名'] },
      { name: ['to'], errors: ['结束不能早于开始'] },
    ]);
  });

  it('moves a message to the field the form shows it at, each message once', () => {
    const byField = fieldErrorsOf(
      [
        { path: ['birthDate'], message: '证件号码有误' },
        { path: ['gender'], message: '证件号码有误' },
      ],
      () => ['idNumber'],
    );
    expect([...byField.values()]).toEqual([{ name: ['idNumber'], errors: ['证件号码有误'] }]);
  });
});

describe('changedPaths', () => {
  it('names a top-level field, a multiple choice as a whole, and a field inside a list', () => {
    expect(changedPaths({ gender: 'male' })).toEqual([['gender']]);
    expect(changedPaths({ specialGroups: ['minor'] })).toContainEqual(['specialGroups']);
    // eslint-disable-next-line no-sparse-arrays
    expect(changedPaths({ parties: [, { name: '乙' }] })).toEqual([['parties'], ['parties', 1], ['parties', 1, 'name']]);
  });

  it('stops at a value that is not a plain object, such as a date', () => {
    expect(changedPaths({ time: new Date(0) })).toEqual([['time']]);
  });
});

describe('refreshedErrors', () => {
  const shownAfterRefusal = (v: unknown) => [...fieldErrorsOf(issuesOf(v)).values()];

  it('takes a message away once its field is corrected, and keeps it while the field is still wrong', () => {
    const shown = shownAfterRefusal({ name: '', parties: [{ name: '' }], from: 1, to: 1 });
    const own = new Set(shown.map((f) => keyOf(f.name)));
    const stillWrong = fieldErrorsOf(issuesOf({ name: '', parties: [{ name: '' }], from: 1, to: 1 }));
    expect(refreshedErrors(shown, stillWrong, [['name']], own)).toEqual([]);
    const corrected = fieldErrorsOf(issuesOf({ name: '张三', parties: [{ name: '' }], from: 1, to: 1 }));
    expect(refreshedErrors(shown, corrected, [['name']], own)).toEqual([{ name: ['name'], errors: [] }]);
  });

  it('clears a cross-field message when the other field puts it right', () => {
    const shown = shownAfterRefusal({ name: '张三', parties: [], from: 5, to: 1 });
    const fresh = fieldErrorsOf(issuesOf({ name: '张三', parties: [], from: 1, to: 1 }));
    expect(refreshedErrors(shown, fresh, [['from']], new Set([keyOf(['to'])]))).toEqual([{ name: ['to'], errors: [] }]);
  });

  it('leaves a message it did not put there until its own field changes', () => {
    const shown = [{ name: ['oldPassword'], errors: ['原密码错误'] }];
    expect(refreshedErrors(shown, new Map(), [['newPassword']], new Set())).toEqual([]);
    expect(refreshedErrors(shown, new Map(), [['oldPassword']], new Set())).toEqual([{ name: ['oldPassword'], errors: [] }]);
  });

  it('never adds a message to a field that shows none', () => {
    const fresh = fieldErrorsOf(issuesOf({ name: '', parties: [], from: 1, to: 1 }));
    expect(refreshedErrors([{ name: ['name'], errors: [] }], fresh, [['name']], new Set())).toEqual([]);
  });
});
