import { z } from 'zod';

// NOTE for the domain helper: this file was written by the lead to unblock the UI build.
// Keep the exported names and field names (name, licenceNo, lawFirm, phone); refine the
// rules (e.g. use phone.ts) freely.

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;

function normalizeDigits(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '');
}

export const lawyerInputSchema = z.object({
  name: z
    .string({ message: '请填写姓名' })
    .transform((v) => v.normalize('NFC').trim())
    .pipe(z.string().min(1, '请填写姓名').max(30, '姓名不能超过 30 个字')),
  // 律师执业证号: 17 digits (province, licence type, year of first licence, gender, serial).
  licenceNo: z
    .string({ message: '请填写执业证号' })
    .transform(normalizeDigits)
    .pipe(z.string().regex(/^\d{17}$/, '执业证号应为 17 位数字')),
  lawFirm: z
    .string({ message: '请填写律师事务所' })
    .transform((v) => v.normalize('NFC').trim())
    .pipe(z.string().min(2, '请填写律师事务所').max(60, '律师事务所名称不能超过 60 个字')),
  phone: z
    .string({ message: '请填写联系电话' })
    .transform(normalizeDigits)
    .pipe(z.string().refine((v) => MOBILE.test(v) || LANDLINE.test(v), '请填写有效的手机号（11 位）或座机号（如 024-23456789）')),
});

export type LawyerInput = z.output<typeof lawyerInputSchema>;
