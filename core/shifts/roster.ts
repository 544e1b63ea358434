import { z } from 'zod';
import { parseYmd } from '../domain/calendar';
import type { Enumerations } from '../domain/enums';
import { charCount, cleanText } from '../validation/text';

/** 排班: who is planned on duty, when and where. The shifts record what really happened. */
export const DUTY_PERIODS = [
  { code: 'full_day', label: '全天' },
  { code: 'morning', label: '上午' },
  { code: 'afternoon', label: '下午' },
] as const;

export type DutyPeriod = (typeof DUTY_PERIODS)[number]['code'];

export function dutyRosterEntrySchema(enums: Enumerations) {
  return z.object({
    date: z.string({ error: '请选择日期' }).refine((v) => parseYmd(v) !== null, '日期应为有效日期（YYYY-MM-DD）'),
    lawyerId: z.string({ error: '请选择值班律师' }).min(1, '请选择值班律师'),
    place: z.string({ error: '请选择值班地点' }).refine((v) => enums.consultationPlaces.some((p) => p.code === v), '请选择有效的值班地点'),
    period: z.enum(['full_day', 'morning', 'afternoon'], { error: '请选择时段' }),
    note: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z
        .string()
        .transform(cleanText)
        .refine((v) => charCount(v) <= 100, '备注不能超过 100 个字')
        .optional(),
    ),
  });
}

export type DutyRosterEntry = z.output<ReturnType<typeof dutyRosterEntrySchema>>;

/** A lawyer cannot be planned twice for the same half day. */
export function periodsOverlap(a: DutyPeriod, b: DutyPeriod): boolean {
  return a === 'full_day' || b === 'full_day' || a === b;
}

/** Monday to Sunday of the week holding `day` (YYYY-MM-DD), computed in UTC so no zone shifts a day. */
export function weekOf(day: string): string[] {
  const d = parseYmd(day);
  if (!d) throw new RangeError(`not a date: ${day}`);
  const t = Date.UTC(d.year, d.month - 1, d.day);
  const monday = t - ((new Date(t).getUTCDay() + 6) % 7) * 86_400_000;
  return Array.from({ length: 7 }, (_, i) => new Date(monday + i * 86_400_000).toISOString().slice(0, 10));
}
