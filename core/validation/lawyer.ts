import { z } from 'zod';
import { checkPhone } from './phone';
import { charCount, cleanPersonName, cleanText, hasControlCharacters } from './text';

/** A duty lawyer on the station's roster. Field names are shared with the UI and the store. */
export const lawyerInputSchema = z.object({
  name: z
    .string({ error: '请填写姓名' })
    .transform(cleanPersonName)
    .superRefine((v, ctx) => {
      // Counted in code points: a rare character outside the BMP (𠮷) is one character.
      if (v === '') ctx.addIssue({ code: 'custom', message: '请填写姓名' });
      else if (charCount(v) > 30) ctx.addIssue({ code: 'custom', message: '姓名不能超过 30 个字' });
      else if (hasControlCharacters(v)) ctx.addIssue({ code: 'custom', message: '姓名中含有无法显示的字符' });
    }),
  // 律师执业证号: since 2009 the Ministry of Justice issues 17-digit numbers (certificate
  // type, province and city of the firm, practice category, year first licensed, gender,
  // serial). The province and city parts use the ministry's own tables rather than
  // GB/T 2260, and older cards were renumbered, so only the shape is checked: a stricter
  // rule would reject real licences.
  licenceNo: z
    .string({ error: '请填写执业证号' })
    .transform((v) => v.normalize('NFKC').replace(/\s+/g, ''))
    .pipe(z.string().regex(/^\d{17}$/, '执业证号应为 17 位数字')),
  lawFirm: z
    .string({ error: '请填写律师事务所' })
    .transform(cleanText)
    .superRefine((v, ctx) => {
      if (charCount(v) < 2) ctx.addIssue({ code: 'custom', message: '请填写律师事务所名称' });
      else if (charCount(v) > 60) ctx.addIssue({ code: 'custom', message: '律师事务所名称不能超过 60 个字' });
    }),
  phone: z.string({ error: '请填写联系电话' }).transform((v, ctx) => {
    const r = checkPhone(v);
    if (r.ok) return r.normalized;
    ctx.addIssue({ code: 'custom', message: r.message });
    return z.NEVER;
  }),
});

export type LawyerInput = z.output<typeof lawyerInputSchema>;
