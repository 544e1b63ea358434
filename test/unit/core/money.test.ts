import { describe, expect, it } from 'vitest';
import { fenToYuan, formatFen, formatYuan, formatYuanFen, numberToFen, sumFen, yuanToFen } from '../../../core/money';
import { formatFieldValue } from '../../../core/documents/format';

describe('money', () => {
  it('reads yuan strings into whole fen exactly, commas allowed, nonsense refused', () => {
    expect(yuanToFen('38,500')).toBe(3_850_000);
    expect(yuanToFen(' 0.1 ')).toBe(10);
    expect(yuanToFen('0.05')).toBe(5);
    expect(yuanToFen('01')).toBeNull();
    expect(yuanToFen('1.005')).toBeNull();
    expect(yuanToFen('')).toBeNull();
    expect(numberToFen(5099.99)).toBe(509_999);
    expect(() => numberToFen(0.001)).toThrow(RangeError);
  });

  it('sums in fen: 0.1 + 0.2 is 0.30, not 0.30000000000000004', () => {
    expect(fenToYuan(sumFen([yuanToFen('0.1')!, yuanToFen('0.2')!]))).toBe('0.30');
    expect(fenToYuan(3_850_005)).toBe('38500.05');
  });

  it('prints grouped with two decimals, with 元 where no header carries the unit', () => {
    expect(formatFen(123_456_789)).toBe('1,234,567.89');
    expect(formatFen(5)).toBe('0.05');
    expect(formatYuanFen(3_850_000)).toBe('38,500.00元');
    expect(formatYuan('38500')).toBe('38,500.00元');
    expect(formatYuan('1234567.5')).toBe('1,234,567.50元');
    expect(formatYuan('')).toBe('');
  });

  it('prints a document money field with grouping and 元, and a count with its unit', () => {
    expect(formatFieldValue({ name: 'amountAgreed', label: '协议金额', type: 'money' }, '38500')).toBe('38,500.00元');
    expect(formatFieldValue({ name: 'householdSize', label: '家庭人口', type: 'text', unit: '人' }, '3')).toBe('3人');
    expect(formatFieldValue({ name: 'householdSize', label: '家庭人口', type: 'text', unit: '人' }, '3人')).toBe('3人');
    expect(formatFieldValue({ name: 'householdSize', label: '家庭人口', type: 'text', unit: '人' }, '')).toBe('');
  });
});
