import { ageGroups } from '../rules/age';
import { compareYmd } from '../domain/calendar';

/** What an identity document's number tells: birth date and gender. */
export interface IdReading {
  birthDate: string;
  gender: 'male' | 'female';
}

export interface PersonFacts {
  birthDate?: string | undefined;
  gender?: string | undefined;
  specialGroups: readonly string[];
}

/**
 * The birth date, gender and age groups after the ID number (its type, or the contact day)
 * changed, from what the number said before (`previous`) and says now (`next`, null when
 * it is incomplete or invalid).
 *
 * A value that came from the number follows it: replaced by the new reading, or cleared
 * when the number no longer reads. Otherwise a 15-digit prefix of a mistyped 18-digit
 * number (read as born 1920-10-05) would stay behind, and a 16-year-old suspect would be
 * saved as 106 without the Art. 25 flag. A value the user typed is never overwritten.
 */
export function followIdNumber(
  current: PersonFacts,
  previous: IdReading | null,
  next: IdReading | null,
  contactDay: string,
): PersonFacts & { specialGroups: string[] } {
  const fromNumber = (field: 'birthDate' | 'gender'): boolean => !current[field] || (previous !== null && current[field] === previous[field]);
  const birthDate = fromNumber('birthDate') ? next?.birthDate : current.birthDate;
  const gender = fromNumber('gender') ? next?.gender : current.gender;
  let groups = [...current.specialGroups];
  // Age groups read from a birth date that is gone go with it.
  if (!birthDate && previous && compareYmd(previous.birthDate, contactDay) <= 0) {
    const stale = ageGroups(previous.birthDate, contactDay);
    groups = groups.filter((g) => !stale.includes(g as 'minor' | 'elderly'));
  }
  return { birthDate, gender, specialGroups: groups };
}
