import { describe, expect, it } from 'vitest';
import { lawyerInputSchema } from '../../../core/validation/lawyer';

const valid = { name: '张堃', licenceNo: '12101201010123456', lawFirm: '辽宁某某律师事务所', phone: '13812345678' };

const issueAt = (input: unknown, field: string) => {
  const r = lawyerInputSchema.safeParse(input);
  expect(r.success).toBe(false);
  return r.error?.issues.find((i) => i.path[0] === field)?.message;
};

describe('lawyerInputSchema', () => {
  it('accepts a roster entry and stores the phone in one form', () => {
    const r = lawyerInputSchema.parse({ ...valid, phone: '024 2345 6789', licenceNo: '１２１０１２０１０１０１２３４５６' });
    expect(r).toEqual({ ...valid, phone: '024-23456789' });
  });

  it('keeps a name with a character outside the BMP intact and counts it as one character', () => {
    expect(lawyerInputSchema.parse({ ...valid, name: ' 𠮷田 ' }).name).toBe('𠮷田');
    // 30 × 𠮷 is 30 characters (60 UTF-16 code units): allowed; 31 is one too many.
    expect(lawyerInputSchema.safeParse({ ...valid, name: '𠮷'.repeat(30) }).success).toBe(true);
    expect(issueAt({ ...valid, name: '𠮷'.repeat(31) }, 'name')).toBe('姓名不能超过 30 个字');
  });

  it('writes the middle dot of a transliterated name one way', () => {
    expect(lawyerInputSchema.parse({ ...valid, name: '阿卜杜 • 热合曼' }).name).toBe('阿卜杜·热合曼');
  });

  it('requires exactly 17 digits for the licence number', () => {
    expect(issueAt({ ...valid, licenceNo: '1210120101012345' }, 'licenceNo')).toBe('执业证号应为 17 位数字');
    expect(issueAt({ ...valid, licenceNo: '121012010101234567' }, 'licenceNo')).toBe('执业证号应为 17 位数字');
    expect(issueAt({ ...valid, licenceNo: '1210120101012345A' }, 'licenceNo')).toBe('执业证号应为 17 位数字');
  });

  it('shows the phone check’s own message at the phone field', () => {
    expect(issueAt({ ...valid, phone: '1381234567' }, 'phone')).toContain('11 位');
  });

  it('asks for every missing field in Chinese', () => {
    const r = lawyerInputSchema.safeParse({});
    expect(r.success).toBe(false);
    const byField = Object.fromEntries(r.error!.issues.map((i) => [i.path[0], i.message]));
    expect(byField).toEqual({ name: '请填写姓名', licenceNo: '请填写执业证号', lawFirm: '请填写律师事务所', phone: '请填写联系电话' });
    expect(issueAt({ ...valid, name: '   ' }, 'name')).toBe('请填写姓名');
  });
});
