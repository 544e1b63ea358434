import { z } from 'zod';
import type { RecordBase } from '../records/base';
import { yuanToFen } from '../money';
import { compareYmd, parseYmd } from '../domain/calendar';
import type { EnumEntry, Enumerations } from '../domain/enums';
import { charCount, cleanPersonName, cleanText, hasControlCharacters } from '../validation/text';
import { optionalPhoneField } from '../validation/phone';

/**
 * A mediation the duty lawyer joined (参与诉讼调解), shared/docs/domain.md. Amounts are
 * decimal strings of yuan with at most two decimals, so sums are exact in fen.
 */
export const PARTY_ROLES = [
  { code: 'applicant', label: '申请人' },
  { code: 'respondent', label: '被申请人' },
  { code: 'plaintiff', label: '原告' },
  { code: 'defendant', label: '被告' },
  { code: 'third_party', label: '第三人' },
] as const;

export const PAYMENT_METHODS = [
  { code: 'on_the_spot', label: '当场履行' },
  { code: 'lump_sum', label: '一次性支付' },
  { code: 'instalments', label: '分期支付' },
  { code: 'other', label: '其他方式' },
] as const;

export const MEDIATION_LIMITS = { cause: 60, caseNumber: 60, place: 120, partyName: 50, representative: 50, terms: 4000, note: 500 } as const;

function blank(v: unknown): unknown {
  return v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v;
}

function text(label: string, max: number, required: boolean, clean: (s: string) => string = cleanText, multiline = false) {
  const base = z
    .string({ error: `${label}应为文字` })
    .transform(clean)
    .superRefine((v, ctx) => {
      if (charCount(v) > max) ctx.addIssue({ code: 'custom', message: `${label}不能超过 ${max} 个字` });
      const bad = multiline ? /(?![\t\n\r])[\p{Cc}\p{Cs}]/u.test(v) : hasControlCharacters(v);
      if (bad) ctx.addIssue({ code: 'custom', message: `${label}中含有无法显示的字符` });
    });
  return required
    ? z
        .preprocess(
          (v) => (v === null || v === undefined ? '' : v),
          base.refine((v) => v !== '', `请填写${label}`),
        )
        .pipe(z.string())
    : z.preprocess(blank, base.optional());
}

function code(list: readonly EnumEntry[] | readonly { code: string }[], label: string) {
  return z.string({ error: `请选择${label}` }).refine((v) => list.some((e) => e.code === v), `请选择有效的${label}`);
}

const date = (label: string) => z.string({ error: `请填写${label}` }).refine((v) => parseYmd(v) !== null, `${label}应为有效日期（YYYY-MM-DD）`);

const money = (label: string) =>
  z.preprocess(
    blank,
    z
      .string({ error: `${label}应为金额` })
      .transform((v) => v.trim().replace(/,/g, ''))
      .refine((v) => yuanToFen(v) !== null, `${label}应为不小于 0 的金额，最多两位小数`)
      .optional(),
  );

/** The station's lists are required: a mediation type the province added must save and be marked paid. */
export function mediationInputSchema(enums: Enumerations) {
  return z
    .object({
      type: code(enums.mediationTypes, '调解类型'),
      caseNumber: text('案号', MEDIATION_LIMITS.caseNumber, false),
      cause: text('案由', MEDIATION_LIMITS.cause, true),
      parties: z
        .array(
          z.object({
            name: text('当事人姓名或名称', MEDIATION_LIMITS.partyName, true, cleanPersonName),
            role: code(PARTY_ROLES, '当事人身份'),
            representative: text('代理人', MEDIATION_LIMITS.representative, false, cleanPersonName),
            // Follow-up on an unpaid agreement starts with a call to the parties.
            phone: optionalPhoneField(),
          }),
          { error: '请填写当事人' },
        )
        .min(2, '请至少填写双方当事人'),
      date: date('调解日期'),
      place: text('调解地点', MEDIATION_LIMITS.place, true),
      lawyerIds: z.array(z.string().min(1)).min(1, '请选择参与调解的值班律师'),
      shiftId: z.preprocess(blank, z.string().optional()),
      outcome: code(enums.mediationOutcomes, '调解结果'),
      terms: text('协议内容', MEDIATION_LIMITS.terms, false, cleanText, true),
      amountAgreed: money('协议金额'),
      paymentMethod: z.preprocess(blank, code(PAYMENT_METHODS, '履行方式').optional()),
      paymentDeadline: z.preprocess(blank, date('履行期限').optional()),
      paidAt: z.preprocess(blank, date('实际履行日期').optional()),
      amountRecovered: money('挽回经济损失'),
      becameLegalAidCase: z.boolean().default(false),
      consultationIds: z.array(z.string().min(1)).default([]),
      note: text('备注', MEDIATION_LIMITS.note, false, cleanText, true),
    })
    .superRefine((m, ctx) => {
      const settled = m.outcome !== 'no_agreement';
      if (settled && !m.terms) ctx.addIssue({ code: 'custom', path: ['terms'], message: '达成协议的，请填写协议内容' });
      if (!settled) {
        for (const field of ['amountAgreed', 'paymentMethod', 'paymentDeadline', 'paidAt'] as const) {
          if (m[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: '未达成协议的，不应填写协议金额或履行信息' });
        }
      }
      const agreed = m.amountAgreed !== undefined ? yuanToFen(m.amountAgreed) : null;
      if (agreed !== null && agreed > 0 && !m.paymentMethod) ctx.addIssue({ code: 'custom', path: ['paymentMethod'], message: '请选择履行方式' });
      if (m.paymentDeadline && m.amountAgreed === undefined)
        ctx.addIssue({ code: 'custom', path: ['amountAgreed'], message: '填写了履行期限的，请填写协议金额' });
      // Cross-field rules compare only values that passed their own rule (zod still runs this on the rest).
      const validDate = (d: string | undefined): d is string => !!d && parseYmd(d) !== null && parseYmd(m.date) !== null;
      if (validDate(m.paymentDeadline) && compareYmd(m.paymentDeadline, m.date) < 0) {
        ctx.addIssue({ code: 'custom', path: ['paymentDeadline'], message: '履行期限不能早于调解日期' });
      }
      if (validDate(m.paidAt) && compareYmd(m.paidAt, m.date) < 0) ctx.addIssue({ code: 'custom', path: ['paidAt'], message: '实际履行日期不能早于调解日期' });
      const recovered = m.amountRecovered !== undefined ? yuanToFen(m.amountRecovered) : null;
      if (recovered !== null && agreed !== null && recovered > agreed) {
        ctx.addIssue({ code: 'custom', path: ['amountRecovered'], message: '挽回经济损失不能超过协议金额' });
      }
      if (m.parties.length < 2) return;
      if (!m.parties.some((p) => ['applicant', 'plaintiff'].includes(p.role)) || !m.parties.some((p) => ['respondent', 'defendant'].includes(p.role))) {
        ctx.addIssue({ code: 'custom', path: ['parties'], message: '当事人中应有申请人（原告）和被申请人（被告）' });
      }
    });
}

export type MediationInput = z.output<ReturnType<typeof mediationInputSchema>>;
export type Mediation = MediationInput & RecordBase;

/**
 * An agreement whose payment deadline has passed without the payment being recorded:
 * the list the lawyer follows up. `today` is the station's calendar day (YYYY-MM-DD).
 */
export function isPaymentOverdue(m: Pick<MediationInput, 'outcome' | 'paymentDeadline' | 'paidAt' | 'amountAgreed'>, today: string): boolean {
  if (m.outcome === 'no_agreement' || !m.paymentDeadline || m.paidAt) return false;
  const agreed = m.amountAgreed !== undefined ? yuanToFen(m.amountAgreed) : null;
  return agreed !== null && agreed > 0 && compareYmd(m.paymentDeadline, today) < 0;
}
