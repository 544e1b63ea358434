import { describe, expect, it } from 'vitest';
import { normalizeCaseNumber, parseCaseNumber } from '../../../core/validation/caseNumber';

const CANONICAL = '（2024）辽0102刑初123号';

describe('parseCaseNumber: court numbers', () => {
  it('splits a court number into its parts', () => {
    expect(parseCaseNumber(CANONICAL)).toEqual({
      kind: 'court',
      normalized: CANONICAL,
      year: 2024,
      courtCode: '辽0102',
      typeCode: '刑初',
      sequence: 123,
      suffix: '',
    });
  });

  it.each([
    ['half-width parentheses', '(2024)辽0102刑初123号'],
    ['stray spaces', '  ( 2024 ) 辽0102 刑初 123 号 '],
    ['full-width digits', '（２０２４）辽０１０２刑初１２３号'],
    ['hexagonal brackets', '〔2024〕辽0102刑初123号'],
    ['square brackets', '[2024]辽0102刑初123号'],
    ['no brackets at all', '2024辽0102刑初123号'],
    ['leading zeros in the sequence', '（2024）辽0102刑初0123号'],
  ])('stores one form with full-width parentheses (%s)', (_, typed) => {
    expect(normalizeCaseNumber(typed)).toBe(CANONICAL);
  });

  it('knows the Supreme People’s Court, a high court without digits and specialised courts', () => {
    expect(parseCaseNumber('(2023)最高法刑终1号')).toMatchObject({ kind: 'court', courtCode: '最高法', typeCode: '刑终' });
    expect(parseCaseNumber('(2023)辽刑终12号')).toMatchObject({ kind: 'court', courtCode: '辽', typeCode: '刑终' });
    expect(parseCaseNumber('(2022)京73民初45号')).toMatchObject({ kind: 'court', courtCode: '京73', sequence: 45 });
    expect(parseCaseNumber('(2024)黔0102执123号')).toMatchObject({ kind: 'court', courtCode: '黔0102', typeCode: '执' });
  });

  it('keeps a numbered follow-up such as 之一', () => {
    expect(parseCaseNumber('(2024)辽0102民初123号之一')).toMatchObject({
      kind: 'court',
      normalized: '（2024）辽0102民初123号之一',
      suffix: '之一',
    });
  });
});

describe('parseCaseNumber: other references are kept, not rejected', () => {
  it('keeps a procuratorate number as typed', () => {
    expect(parseCaseNumber(' 沈检刑诉〔2024〕12号 ')).toEqual({ kind: 'other', normalized: '沈检刑诉〔2024〕12号' });
  });

  it('turns only full-width digits into ASCII in other references', () => {
    expect(parseCaseNumber('沈公（刑）立字〔２０２４〕１２３号')).toEqual({
      kind: 'other',
      normalized: '沈公（刑）立字〔2024〕123号',
    });
  });

  it('keeps a pre-2016 court number (…字第…号) with its own brackets', () => {
    expect(parseCaseNumber('(2015)沈中刑初字第12号')).toEqual({ kind: 'other', normalized: '(2015)沈中刑初字第12号' });
  });

  it('treats a bare serial number as another reference', () => {
    expect(parseCaseNumber('20240312-001').kind).toBe('other');
  });

  it('reports an empty field as empty', () => {
    expect(parseCaseNumber('   ')).toEqual({ kind: 'empty' });
  });
});

describe('parseCaseNumber: court numbers with a mistake get a message', () => {
  const messageOf = (value: string, year?: number) => {
    const r = parseCaseNumber(value, year);
    expect(r.kind).toBe('invalid');
    return r.kind === 'invalid' ? r.message : '';
  };

  it('a two-digit year', () => expect(messageOf('（24）辽0102刑初123号')).toContain('4 位数字'));
  it('a missing 号', () => expect(messageOf('（2024）辽0102刑初123')).toContain('“号”结尾'));
  it('a missing case-type code', () => expect(messageOf('（2024）辽0102123号')).toContain('类型代字'));
  it('a missing sequence', () => expect(messageOf('（2024）辽0102刑初号')).toContain('顺序号'));
  it('an unclosed bracket', () => expect(messageOf('(2024辽0102刑初123号')).toContain('括号'));
  it('a year after the year of the contact', () => {
    expect(messageOf('（2027）辽0102刑初1号', 2026)).toContain('晚于');
    expect(parseCaseNumber('（2026）辽0102刑初1号', 2026).kind).toBe('court');
  });
  it('every message is Chinese', () => {
    expect(messageOf('（2024）辽0102刑初123')).toMatch(/\p{Script=Han}/u);
  });
});
