import { describe, expect, it } from 'vitest';
import { mediationFixture } from './mediationFixture';
import { isPaymentOverdue, mediationInputSchema } from '../../../core/mediations/schema';
import { DEFAULT_ENUMERATIONS } from '../../../core/domain/enums';

const schema = mediationInputSchema(DEFAULT_ENUMERATIONS);

const mediation = mediationFixture;

function problems(input: unknown): Record<string, string> {
  const r = schema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('mediation records', () => {
  it('accepts a settled wage mediation and normalises the amounts', () => {
    const r = schema.parse(mediation());
    expect(r.amountAgreed).toBe('38500');
    expect(r.parties[1]).toEqual({ name: '沈阳某建筑劳务有限公司', role: 'respondent' });
    expect(r.caseNumber).toBeUndefined();
    expect(r.consultationIds).toEqual([]);
  });

  it('says in Chinese, at the field, what is missing or inconsistent', () => {
    expect(problems(mediation({ cause: '  ' }))).toMatchObject({ cause: '请填写案由' });
    expect(problems(mediation({ parties: [{ name: '赵𠮷', role: 'applicant' }] }))).toMatchObject({ parties: '请至少填写双方当事人' });
    expect(
      problems(
        mediation({
          parties: [
            { name: '甲', role: 'applicant' },
            { name: '乙', role: 'third_party' },
          ],
        }),
      ),
    ).toMatchObject({
      parties: '当事人中应有申请人（原告）和被申请人（被告）',
    });
    expect(problems(mediation({ lawyerIds: [] }))).toMatchObject({ lawyerIds: '请选择参与调解的值班律师' });
    expect(problems(mediation({ amountAgreed: '-5' }))).toMatchObject({ amountAgreed: '协议金额应为不小于 0 的金额，最多两位小数' });
    expect(problems(mediation({ amountAgreed: '12.345' }))).toMatchObject({ amountAgreed: '协议金额应为不小于 0 的金额，最多两位小数' });
    expect(problems(mediation({ paymentDeadline: '2026-11-19' }))).toMatchObject({ paymentDeadline: '履行期限不能早于调解日期' });
    expect(problems(mediation({ paymentDeadline: '2026-02-30' }))).toMatchObject({ paymentDeadline: '履行期限应为有效日期（YYYY-MM-DD）' });
    expect(problems(mediation({ amountRecovered: '40000' }))).toMatchObject({ amountRecovered: '挽回经济损失不能超过协议金额' });
    expect(problems(mediation({ terms: '' }))).toMatchObject({ terms: '达成协议的，请填写协议内容' });
    expect(problems(mediation({ paymentMethod: '' }))).toMatchObject({ paymentMethod: '请选择履行方式' });
  });

  it('keeps payment details off a mediation that reached no agreement', () => {
    const failed = mediation({ outcome: 'no_agreement', terms: '', amountRecovered: '' });
    expect(problems(failed)).toMatchObject({
      amountAgreed: '未达成协议的，不应填写协议金额或履行信息',
      paymentDeadline: '未达成协议的，不应填写协议金额或履行信息',
    });
    expect(problems({ ...failed, amountAgreed: '', paymentMethod: '', paymentDeadline: '' })).toEqual({});
  });

  it('flags an agreement whose deadline passed without payment, and only that', () => {
    const m = schema.parse(mediation());
    expect(isPaymentOverdue(m, '2026-12-20')).toBe(false); // the deadline day itself is still in time
    expect(isPaymentOverdue(m, '2026-12-21')).toBe(true);
    expect(isPaymentOverdue({ ...m, paidAt: '2026-12-18' }, '2026-12-21')).toBe(false);
    expect(isPaymentOverdue({ ...m, amountAgreed: '0' }, '2026-12-21')).toBe(false);
    expect(isPaymentOverdue({ ...m, paymentDeadline: undefined }, '2027-01-01')).toBe(false);
  });
});
