import { describe, expect, it } from 'vitest';
import { checkPhone } from '../../../core/validation/phone';

const normalized = (v: string) => {
  const r = checkPhone(v);
  return r.ok ? r.normalized : `ERROR ${r.message}`;
};
const message = (v: string) => {
  const r = checkPhone(v);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.message;
};

describe('checkPhone: mobiles', () => {
  it.each(['13812345678', '138 1234 5678', '138-1234-5678', '１３８１２３４５６７８', '+86 138 1234 5678', '0086-13812345678'])(
    'stores %s as 11 digits',
    (typed) => {
      expect(checkPhone(typed)).toEqual({ ok: true, kind: 'mobile', normalized: '13812345678' });
    },
  );

  it('counts the digits when one is missing', () => {
    expect(message('1381234567')).toContain('现为 10 位');
  });

  it('rejects a second digit of 0–2', () => {
    expect(message('12812345678')).toContain('第二位');
  });
});

describe('checkPhone: landlines', () => {
  it.each([
    ['024-23456789', '024-23456789'],
    ['02423456789', '024-23456789'], // 02x area codes have three digits
    ['(024)23456789', '024-23456789'],
    ['（０２４）２３４５６７８９', '024-23456789'],
    ['024 2345 6789', '024-23456789'],
    ['010 6512 3456', '010-65123456'],
    ['07558123456', '0755-8123456'], // other area codes have four digits, 7-digit local number
    ['0411-39881234转801', '0411-39881234-801'],
    ['024-23456789-801', '024-23456789-801'],
    ['024-23456789 ext. 12', '024-23456789-12'],
  ])('%s → %s', (typed, expected) => {
    expect(normalized(typed)).toBe(expected);
  });

  it('asks for the area code when it is missing', () => {
    expect(message('23456789')).toContain('区号');
  });

  it('rejects an area code of the wrong length', () => {
    expect(message('0242-3456789')).toContain('区号“0242”');
  });

  it('rejects a local number that is too short or starts with 1', () => {
    expect(message('024-234567')).toContain('7–8 位');
    expect(message('024-12345678')).toContain('不以 0 或 1 开头');
  });

  it('rejects letters and an extension on a mobile, in Chinese', () => {
    expect(message('024-abc')).toMatch(/只能包含数字/);
    expect(message('13812345678转8')).toContain('手机号不能带分机号');
    expect(message('')).toBe('请填写电话号码');
  });
});
