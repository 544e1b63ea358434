import { describe, expect, it } from 'vitest';
import { checkIdByType, checkIdNumber, checkResidencePermitNumber, idCheckCharacter, upgradeIdNumber15 } from '../../../core/validation/idNumber';

const TODAY = '2026-11-23';

// Check characters worked out by hand: sum of digit × weight (7 9 10 5 8 4 2 1 6 3 7 9 10
// 5 8 4 2), remainder mod 11 mapped 0..10 → 1 0 X 9 8 7 6 5 4 3 2.
//
// 11010519491231002X (the GB 11643 example):
//   1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2
//   = 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2 → X
const GB_EXAMPLE = '11010519491231002X';
// 21010219900307123?:
//   2·7+1·9+0+1·5+0+2·4+1·2+9·1+9·6+0+0+3·9+0+7·5+1·8+2·4+3·2
//   = 14+9+5+8+2+9+54+27+35+8+8+6 = 185; 185 mod 11 = 9 → 3
const SHENYANG_MAN = '210102199003071233';
// 21010220000229002? (born on a leap day):
//   14+9+5+8 + 2·2 + 0 + 0+0+0 + 2·9 + 2·10 + 9·5 + 0+0 + 2·2
//   = 36+4+18+20+45+4 = 127; 127 mod 11 = 6 → 6
const LEAP_DAY_WOMAN = '210102200002290026';

describe('checkIdNumber: 18-character cards', () => {
  it('accepts a valid number with an X check character and reads birth date and gender', () => {
    expect(checkIdNumber(GB_EXAMPLE, TODAY)).toEqual({
      ok: true,
      normalized: GB_EXAMPLE,
      birthDate: '1949-12-31',
      gender: 'female', // 17th digit 2 is even
      kind: 18,
    });
  });

  it('accepts a lower-case x and stores it upper-case', () => {
    const r = checkIdNumber('11010519491231002x', TODAY);
    expect(r.ok && r.normalized).toBe(GB_EXAMPLE);
  });

  it('accepts full-width digits and Ｘ from a Chinese IME, and spaces between groups', () => {
    const r = checkIdNumber('１１０１０５ １９４９１２３１ ００２Ｘ', TODAY);
    expect(r.ok && r.normalized).toBe(GB_EXAMPLE);
  });

  it('reads an odd sequence digit as male', () => {
    const r = checkIdNumber(SHENYANG_MAN, TODAY);
    expect(r).toMatchObject({ ok: true, gender: 'male', birthDate: '1990-03-07' });
  });

  it('names the expected check character when the last one is wrong', () => {
    const r = checkIdNumber('210102199003071234', TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('校验码错误');
      expect(r.message).toContain('应为 3');
    }
  });

  it('catches a single mistyped digit in the middle through the check character', () => {
    // 1990 → 1991: the sum grows by 1·3 (10th position, weight 3) to 188, 188 mod 11 = 1 → 0.
    const r = checkIdNumber('210102199103071233', TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('应为 0');
    expect(checkIdNumber('210102199103071230', TODAY).ok).toBe(true);
  });

  it('accepts 29 February 2000 (divisible by 400, a leap year)', () => {
    expect(checkIdNumber(LEAP_DAY_WOMAN, TODAY)).toMatchObject({ ok: true, birthDate: '2000-02-29', gender: 'female' });
  });

  it('rejects 29 February 1900 (divisible by 100, not a leap year) as an invalid birth date', () => {
    // Check character made right so that only the date is at fault:
    // 14+9+5+8+1·2+9·1+0+0+0+2·9+2·10+9·5+0+0+1·2 = 132; 132 mod 11 = 0 → 1
    const r = checkIdNumber('210102190002290011', TODAY);
    expect(r).toEqual({ ok: false, message: expect.stringContaining('出生日期无效') });
  });

  it('rejects 31 April', () => {
    const r = checkIdNumber('210102199004310000', TODAY);
    expect(r.ok === false && r.message).toContain('出生日期无效');
  });

  it('rejects a birth date after today but accepts one born today', () => {
    // 21010220300101001?: 14+9+5+8+2·2+0+3·6+0+0+1·9+0+1·5+0+0+1·2 = 74; 74 mod 11 = 8 → 4
    const born2030 = '210102203001010014';
    const r = checkIdNumber(born2030, TODAY);
    expect(r.ok === false && r.message).toContain('晚于今天');
    expect(checkIdNumber(born2030, '2030-01-01').ok).toBe(true);
  });

  it('rejects a birth date before 1900 even with a correct check character', () => {
    // 44052418800101001?: 28+36+0+25+16+16+2+8+48+0+0+9+0+5+0+0+2 = 195; 195 mod 11 = 8 → 4
    const r = checkIdNumber('440524188001010014', TODAY);
    expect(r.ok === false && r.message).toContain('早于 1900');
  });

  it('rejects an unknown province code and quotes it', () => {
    const r = checkIdNumber('990102199003071233', TODAY);
    expect(r.ok === false && r.message).toContain('“99”');
  });

  it('says how many characters were typed when the length is wrong', () => {
    const r = checkIdNumber('21010219900307123', TODAY);
    expect(r.ok === false && r.message).toMatch(/位数不对.*17 位/);
  });

  it('allows X only in the last position', () => {
    const r = checkIdNumber('2101021990030712X3', TODAY);
    expect(r.ok === false && r.message).toContain('最后一位');
  });

  it('rejects letters other than X and asks for a number when empty', () => {
    expect(checkIdNumber('21010219900307123A', TODAY).ok).toBe(false);
    expect(checkIdNumber('   ', TODAY)).toEqual({ ok: false, message: '请填写身份证号码' });
  });
});

describe('checkIdNumber: 15-digit cards', () => {
  it('reads YYMMDD as 19YY and the last digit as the gender', () => {
    expect(checkIdNumber('210102900307123', TODAY)).toEqual({
      ok: true,
      normalized: '210102900307123',
      birthDate: '1990-03-07',
      gender: 'male', // last digit 3 is odd
      kind: 15,
    });
    expect(checkIdNumber('210102900307124', TODAY)).toMatchObject({ ok: true, gender: 'female' });
  });

  it('rejects 29 February 1900 on an old card (000229 means 1900-02-29)', () => {
    const r = checkIdNumber('210102000229123', TODAY);
    expect(r.ok === false && r.message).toContain('出生日期无效');
  });

  it('rejects an X on a 15-digit card', () => {
    expect(checkIdNumber('21010290030712X', TODAY).ok).toBe(false);
  });
});

describe('check character helpers', () => {
  it('computes the check character and upgrades an old card to the same 18-character number', () => {
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    // 210102 + 19 + 900307 + 123 = the first 17 of SHENYANG_MAN, check 3 as worked out above.
    expect(upgradeIdNumber15('210102900307123')).toBe(SHENYANG_MAN);
  });
});

// Check characters worked out by hand (ISO 7064 MOD 11-2 over the first 17 digits):
// 83000019900101001 → 2, 83000019900101002 → 0, 81000020080315003 → 5, 82000019851230012 → X.
const TAIWAN_MAN = '830000199001010012';
const TAIWAN_WOMAN = '830000199001010020';
const HK_BOY = '810000200803150035';
const MACAO_WOMAN = '82000019851230012X';

describe('residence permits of Hong Kong, Macao and Taiwan residents', () => {
  it('accepts a Taiwan permit and reads its birth date and gender like a resident ID', () => {
    expect(checkResidencePermitNumber(TAIWAN_MAN, TODAY, 'taiwan')).toEqual({
      ok: true,
      normalized: TAIWAN_MAN,
      birthDate: '1990-01-01',
      gender: 'male',
      kind: 18,
    });
    expect(checkResidencePermitNumber(TAIWAN_WOMAN, TODAY, 'taiwan')).toMatchObject({ ok: true, gender: 'female' });
  });

  it('accepts Hong Kong (810000) and Macao (820000) numbers as 港澳 permits, X check included', () => {
    expect(checkResidencePermitNumber(HK_BOY, TODAY, 'hk_macao')).toMatchObject({ ok: true, birthDate: '2008-03-15', gender: 'male' });
    expect(checkResidencePermitNumber(MACAO_WOMAN.toLowerCase(), TODAY, 'hk_macao')).toMatchObject({
      ok: true,
      birthDate: '1985-12-30',
      gender: 'female',
    });
  });

  it('refuses a permit of the other region, naming the prefixes it should have', () => {
    const r = checkResidencePermitNumber(HK_BOY, TODAY, 'taiwan');
    expect(r.ok === false && r.message).toBe('台湾居民居住证号码应以 830000（台湾） 开头，现为 810000');
    const s = checkResidencePermitNumber(TAIWAN_MAN, TODAY, 'hk_macao');
    expect(s.ok === false && s.message).toContain('810000（香港）或820000（澳门）');
  });

  it('refuses a wrong check character and a 15-digit number on a permit', () => {
    const r = checkResidencePermitNumber('830000199001010013', TODAY, 'taiwan');
    expect(r.ok === false && r.message).toBe('台湾居民居住证号码校验码错误（按前 17 位应为 2），请逐位核对号码');
    const s = checkResidencePermitNumber('830000900101001', TODAY, 'taiwan');
    expect(s.ok === false && s.message).toContain('应为 18 位，现为 15 位');
  });

  it('tells the user a permit number typed as a resident ID is a permit, even one 810000 would let through', () => {
    const r = checkIdNumber(TAIWAN_MAN, TODAY);
    expect(r.ok === false && r.message).toContain('请将证件类型选为“台湾居民居住证”');
    const s = checkIdNumber(HK_BOY, TODAY);
    expect(s.ok === false && s.message).toContain('请将证件类型选为“港澳居民居住证”');
  });

  it('checks by document type: permits and resident IDs have structure, passports none', () => {
    expect(checkIdByType('taiwan_residence_permit', TAIWAN_MAN, TODAY)).toMatchObject({ ok: true });
    expect(checkIdByType('hk_macao_residence_permit', HK_BOY, TODAY)).toMatchObject({ ok: true });
    expect(checkIdByType('passport', 'E12345678', TODAY)).toBeNull();
  });
});
