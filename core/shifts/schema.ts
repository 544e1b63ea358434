import { z } from 'zod';
import type { RecordBase } from '../records/base';
import type { Enumerations } from '../domain/enums';
import { isRfc3339 } from '../time/rfc3339';
import { calendarDayOf } from '../domain/calendar';
import { charCount, cleanText } from '../validation/text';
import type { ShiftLog } from './log';

/**
 * A duty shift (值班): one lawyer's sign-in and sign-out at a place. Every contact,
 * document and mediation logged while it is open carries its id. Ending it freezes the
 * shift log (值班日志) into the record, so the batch carries what the lawyer signed off.
 */
export const SHIFT_LIMITS = { handoverNotes: 2000 } as const;

/** A clock slightly ahead of the machine's (another PC, a phone) is not "the future". */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

const moment = (label: string) => z.string({ error: `请填写${label}` }).refine(isRfc3339, `${label}应为有效的日期和时间`);

export function shiftStartSchema(enums: Enumerations, now: () => number = Date.now) {
  return z
    .object({
      lawyerId: z.string({ error: '请选择值班律师' }).min(1, '请选择值班律师'),
      place: z.string({ error: '请选择值班地点' }).refine((v) => enums.consultationPlaces.some((p) => p.code === v), '请选择有效的值班地点'),
      startedAt: moment('签到时间'),
    })
    .superRefine((s, ctx) => {
      if (isRfc3339(s.startedAt) && Date.parse(s.startedAt) > now() + FUTURE_TOLERANCE_MS) {
        ctx.addIssue({ code: 'custom', path: ['startedAt'], message: '签到时间不能晚于现在' });
      }
    });
}

export function shiftEndSchema(startedAt: string, now: () => number = Date.now) {
  return z
    .object({
      endedAt: moment('签退时间'),
      handoverNotes: z.preprocess(
        (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
        z
          .string()
          .transform(cleanText)
          .refine((v) => charCount(v) <= SHIFT_LIMITS.handoverNotes, `交接事项不能超过 ${SHIFT_LIMITS.handoverNotes} 个字`)
          .optional(),
      ),
    })
    .superRefine((s, ctx) => {
      if (!isRfc3339(s.endedAt)) return;
      const end = Date.parse(s.endedAt);
      if (end < Date.parse(startedAt)) ctx.addIssue({ code: 'custom', path: ['endedAt'], message: '签退时间不能早于签到时间' });
      if (end > now() + FUTURE_TOLERANCE_MS) ctx.addIssue({ code: 'custom', path: ['endedAt'], message: '签退时间不能晚于现在' });
    });
}

export type ShiftStart = z.output<ReturnType<typeof shiftStartSchema>>;
export type ShiftEnd = z.output<ReturnType<typeof shiftEndSchema>>;

export interface ShiftContent extends ShiftStart {
  endedAt?: string;
  handoverNotes?: string;
  /** Frozen when the shift ends. */
  log?: ShiftLog;
  /**
   * Notes added to the ended shift's log (issue 20 item 5): its figures are never changed,
   * a correction is written beside them, with who wrote it and when. Append-only.
   */
  annotations?: ShiftAnnotation[];
}

export interface ShiftAnnotation {
  /** RFC 3339. */
  at: string;
  byId: string;
  byName: string;
  text: string;
}

export const SHIFT_ANNOTATION_MAX = 500;

/** What a supervisor or the shift's lawyer writes beside a frozen log. */
export const shiftAnnotationSchema = z
  .string({ error: '请填写说明' })
  .transform(cleanText)
  .refine((v) => v.length > 0, '请填写说明')
  .refine((v) => charCount(v) <= SHIFT_ANNOTATION_MAX, `说明不能超过 ${SHIFT_ANNOTATION_MAX} 个字`);

export type Shift = ShiftContent & RecordBase;

/**
 * A shift still open after the calendar day it started on: the lawyer forgot to sign out,
 * or is really on an overnight duty. It is shown, never closed on anyone's behalf, since
 * only the lawyer knows when the shift ended. `today` is the station's calendar day.
 */
export function isOpenOvernight(shift: Pick<ShiftContent, 'startedAt' | 'endedAt'>, today: string): boolean {
  return !shift.endedAt && calendarDayOf(shift.startedAt) < today;
}

/** Whether a moment falls inside a shift (an open shift runs until now). */
export function shiftCovers(shift: Pick<ShiftContent, 'startedAt' | 'endedAt'>, at: string): boolean {
  const t = Date.parse(at);
  return t >= Date.parse(shift.startedAt) && (!shift.endedAt || t <= Date.parse(shift.endedAt));
}
