import { IDENTIFIER_LONG_GRAM, type QueryTerm } from '../../../../core/search/tokens';

/** Every n-gram of a string, by code point. */
function grams(value: string, size: number): string[] {
  const cps = [...value];
  const out: string[] = [];
  for (let i = 0; i + size <= cps.length; i++) out.push(cps.slice(i, i + size).join(''));
  return out;
}

/** Han terms longer than this are verified by decrypting the candidates. */
const MAX_DECIDED_GRAMS = 12;
/** Identifier fragments of up to this many trigrams are decided by them alone. */
const MAX_IDENTIFIER_LOOKUPS = 4;

/**
 * The tokens the repository looks up for one term: every gram of the needle (not only
 * the spread few core/search picks), so that the postings decide the term by themselves
 * and the candidates need not be decrypted. A record then matches when it holds every
 * gram of the word; the only records that could pass without holding the word itself
 * carry all its character pairs in other places, which for Chinese words of a few
 * characters does not occur in practice (see docs/PERFORMANCE.md). Longer or unusual
 * terms keep exact verification.
 */
export function termTokens(term: QueryTerm): { tokens: string[]; decided: boolean } {
  if (term.kind === 'identifier') {
    const length = [...term.needle].length;
    // Six characters are one long gram: it holds exactly when the fragment is in a number.
    if (length === IDENTIFIER_LONG_GRAM) return { tokens: [`j:${term.needle}`], decided: true };
    if (length > IDENTIFIER_LONG_GRAM) {
      // Spread long grams (core/search picks them) narrow to the number itself; verified.
      return { tokens: term.tokens, decided: false };
    }
    const all = [...new Set(grams(term.needle, 3))];
    if (all.length === 0) return { tokens: term.tokens, decided: false };
    return { tokens: all.map((g) => `i:${g}`), decided: all.length <= MAX_IDENTIFIER_LOOKUPS };
  }
  if (term.kind === 'han') {
    const hanOnly = /^\p{Script=Han}+$/u.test(term.needle);
    const all = grams(term.needle, 2);
    if (hanOnly && all.length <= MAX_DECIDED_GRAMS) return { tokens: all.map((g) => `b:${g}`), decided: true };
    return { tokens: term.tokens, decided: false };
  }
  if (term.kind === 'han_name') return { tokens: term.tokens, decided: [...term.needle].length === 1 };
  return { tokens: term.tokens, decided: term.words.length === 1 };
}
