/**
 * Text normalisation shared by the forms. NFC (not NFKC) for names and prose: NFKC would
 * rewrite full-width punctuation that belongs in Chinese text, while NFC only unifies
 * canonically equivalent sequences, so a rare character (𠮷, 䶮) is kept as is.
 */

/** Middle-dot look-alikes used in transliterated names (阿卜杜·热合曼). */
const NAME_DOTS = /[\u2022\u2027\u2219\u22C5\u30FB\uFF0E\uFF65\u00B7\u16EB\u2E31]/g;

/** NFC + trim. */
export function cleanText(value: string): string {
  return value.normalize('NFC').trim();
}

/**
 * A person's name as stored: NFC, trimmed, runs of spaces collapsed, and every middle-dot
 * variant written as U+00B7, so that one name typed on two IMEs is stored (and found) once.
 */
export function cleanPersonName(value: string): string {
  return cleanText(value)
    .replace(/\s+/g, ' ')
    .replace(NAME_DOTS, '·')
    .replace(/\s*·\s*/g, '·');
}

/** Length in characters as people count them: code points, so 𠮷 (U+20BB7) is one, not two. */
export function charCount(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/** Control characters never belong in a name or a one-line field. */
export function hasControlCharacters(value: string): boolean {
  return /[\p{Cc}\p{Cs}]/u.test(value);
}
