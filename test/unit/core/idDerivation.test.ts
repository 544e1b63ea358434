import { describe, expect, it } from 'vitest';
import { followIdNumber } from '../../../core/consultations/idDerivation';
import { deriveFromIdNumber } from '../../../core/consultations/derive';

const DAY = '2026-11-23';
const read = (n: string) => {
  const r = deriveFromIdNumber(n, DAY);
  return r ? { birthDate: r.birthDate, gender: r.gender } : null;
};

describe('birth date, gender and age groups follow the ID number', () => {
  // What the form holds after the first 15 digits of a 16-year-old's number were typed.
  const prefix = read('210102201005011')!;
  const afterPrefix = { birthDate: prefix.birthDate, gender: prefix.gender, specialGroups: ['elderly', 'migrant_worker'] };

  it('reads a 15-digit prefix as an old card born in 1920', () => {
    expect(prefix).toEqual({ birthDate: '1920-10-05', gender: 'male' });
  });

  it('clears what the prefix filled once the finished number no longer reads, age group included', () => {
    expect(read('210102201005011235')).toBeNull();
    expect(followIdNumber(afterPrefix, prefix, null, DAY)).toEqual({ birthDate: undefined, gender: undefined, specialGroups: ['migrant_worker'] });
  });

  it('replaces what the number filled with what the corrected number says', () => {
    const right = read('210102201005011234')!;
    expect(followIdNumber(afterPrefix, prefix, right, DAY)).toMatchObject({ birthDate: '2010-05-01', gender: 'male' });
  });

  it('never overwrites a birth date or gender the user typed', () => {
    const typed = { birthDate: '1985-03-02', gender: 'female', specialGroups: [] };
    expect(followIdNumber(typed, null, read('210102201005011234'), DAY)).toEqual({ birthDate: '1985-03-02', gender: 'female', specialGroups: [] });
    expect(followIdNumber(typed, prefix, null, DAY)).toEqual({ birthDate: '1985-03-02', gender: 'female', specialGroups: [] });
  });

  it('fills empty fields from a number that reads', () => {
    expect(followIdNumber({ specialGroups: [] }, null, read('210102201005011234'), DAY)).toEqual({
      birthDate: '2010-05-01',
      gender: 'male',
      specialGroups: [],
    });
  });
});
