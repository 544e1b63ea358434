/**
 * Search tokens for a multi-entry index (Dexie `*tokens`). Searching 100,000 records in
 * well under 50 ms rules out scanning; instead each record stores a list of tokens, the
 * repository intersects the postings of a query's tokens, and `matchesQuery` checks the
 * few candidates exactly. The tokens of a query are chosen so that every record that
 * matches the query contains all of them (they are necessary conditions), which makes
 * "intersect, then verify" return exactly the records `matchesQuery` accepts.
 *
 * Token kinds (the prefix keeps kinds from colliding, e.g. a name unigram and a word):
 *   u:X   a Han character of a name (one-character queries look up names only: a
 *         unigram index of free text would be huge and useless)
 *   b:XY  two adjacent Han characters, in names and in free text
 *   i:ABC three consecutive characters of an identifier (ID, phone, case number) after
 *         identifier normalisation, and of letter-digit words in names and text (P2P,
 *         2024, E1234567), so any 3-character part of a number is found
 *   j:ABCDEF six consecutive characters of the same: digit trigrams are shared by
 *         thousands of records (a birth year, a region code), six characters of a number
 *         by a handful, so longer fragments are looked up by these
 *   w:abc a whole word of letters (no digit), lower-cased
 * Text is walked by code point, so a character outside the BMP (𠮷 U+20BB7) is one
 * character and never split into surrogate halves. Tokens are plain deterministic
 * strings: the repository may replace each by a keyed hash (HMAC) for encryption at rest
 * without any change here.
 *
 * Query semantics, per whitespace-separated term (all terms must match):
 *   - a term with a digit is an identifier fragment: after identifier normalisation it is
 *     a substring of an identifier or of one letter-digit word in names or text;
 *   - else a term with two or more Han characters in a row is a substring of a name or of
 *     the text (after search normalisation);
 *   - else a term with single Han characters is a substring of a name;
 *   - else its words (letters only) are whole words of the names or text.
 * Digit groups separated only by spaces or hyphens are one term (138 1234 5678).
 */

export interface SearchFields {
  /** People's names. */
  names: readonly string[];
  /** ID numbers, phone numbers, case numbers. */
  identifiers: readonly string[];
  /**
   * Short free text (案由, address, the question). Every Han bigram becomes a token, so
   * long narratives multiply the index size; leave them out.
   */
  text: readonly string[];
}

const HAN = /^\p{Script=Han}$/u;
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const DOTS = /[\u2022\u2027\u2219\u22C5\u30FB\u00B7\u16EB\u2E31]/g;
/** Separators people put in numbers: spaces, dashes, every kind of bracket. */
const IDENTIFIER_NOISE = /[\s\-_\u2010-\u2015\u2212()[\]{}（）〔〕【】［］〈〉《》「」]/g;

/** Names and text as compared: NFKC (full-width letters, compatibility ideographs), lower case, one middle dot. */
export function searchNormalize(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(DOTS, '·');
}

/** Identifiers as compared: NFKC, upper case, without spaces, dashes or brackets of any width. */
export function identifierNormalize(value: string): string {
  return value.normalize('NFKC').toUpperCase().replace(IDENTIFIER_NOISE, '');
}

interface Segments {
  hanRuns: string[][];
  words: string[];
}

/** Splits normalised text into runs of Han characters and words of other letters/digits. */
function segment(normalized: string): Segments {
  const hanRuns: string[][] = [];
  const words: string[] = [];
  let run: string[] = [];
  let word = '';
  const flush = () => {
    if (run.length > 0) hanRuns.push(run);
    if (word !== '') words.push(word);
    run = [];
    word = '';
  };
  for (const ch of normalized) {
    if (HAN.test(ch)) {
      if (word !== '') {
        words.push(word);
        word = '';
      }
      run.push(ch);
    } else if (WORD_CHAR.test(ch)) {
      if (run.length > 0) {
        hanRuns.push(run);
        run = [];
      }
      word += ch;
    } else {
      flush();
    }
  }
  flush();
  return { hanRuns, words };
}

const hasDigit = (s: string) => /\p{N}/u.test(s);

/** Length of the long identifier grams (`j:`): a date of birth plus two, a case's court and type. */
export const IDENTIFIER_LONG_GRAM = 6;

function grams(value: string, size: number): string[] {
  const cps = [...value];
  const out: string[] = [];
  for (let i = 0; i + size <= cps.length; i++) out.push(cps.slice(i, i + size).join(''));
  return out;
}

function bigrams(run: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < run.length; i++) out.push(run[i]! + run[i + 1]!);
  return out;
}

export function indexTokens(fields: SearchFields): string[] {
  const tokens = new Set<string>();
  const addIdentifier = (value: string) => {
    for (const g of grams(value, 3)) tokens.add(`i:${g}`);
    for (const g of grams(value, IDENTIFIER_LONG_GRAM)) tokens.add(`j:${g}`);
  };
  const addWord = (word: string) => {
    if (hasDigit(word)) addIdentifier(word.toUpperCase());
    else tokens.add(`w:${word}`);
  };
  for (const name of fields.names) {
    const { hanRuns, words } = segment(searchNormalize(name));
    for (const run of hanRuns) {
      for (const ch of run) tokens.add(`u:${ch}`);
      for (const b of bigrams(run)) tokens.add(`b:${b}`);
    }
    words.forEach(addWord);
  }
  for (const text of fields.text) {
    const { hanRuns, words } = segment(searchNormalize(text));
    for (const run of hanRuns) for (const b of bigrams(run)) tokens.add(`b:${b}`);
    words.forEach(addWord);
  }
  for (const id of fields.identifiers) addIdentifier(identifierNormalize(id));
  return [...tokens];
}

// --- queries ---------------------------------------------------------------------------

export type QueryTerm =
  | { kind: 'identifier'; needle: string; tokens: string[] }
  | { kind: 'han'; needle: string; tokens: string[] }
  | { kind: 'han_name'; needle: string; tokens: string[] }
  | { kind: 'word'; words: string[]; tokens: string[] };

export interface ParsedQuery {
  /** Tokens whose postings must all contain a matching record. */
  tokens: string[];
  terms: QueryTerm[];
  /** The query has terms but no token narrows it: only a scan could answer it. */
  needsScan: boolean;
  /** Chinese hint for the search box, e.g. a number fragment that is too short. */
  problem?: string;
}

/** At most this many tokens per term: each is one index lookup, and a few already narrow to a handful. */
const MAX_TOKENS_PER_TERM = 4;

/**
 * A few of a needle's overlapping grams: the first, the last, and non-overlapping ones
 * between, thinned evenly to the cap. Any subset is still a necessary condition; spread
 * grams are more selective than adjacent ones, which share characters.
 */
function pickSpread(all: readonly string[], step: number): string[] {
  if (all.length <= 1) return [...new Set(all)];
  const idx: number[] = [];
  for (let i = 0; i < all.length - 1; i += step) idx.push(i);
  idx.push(all.length - 1);
  let chosen = idx;
  if (chosen.length > MAX_TOKENS_PER_TERM) {
    chosen = [];
    for (let k = 0; k < MAX_TOKENS_PER_TERM; k++) {
      chosen.push(idx[Math.round((k * (idx.length - 1)) / (MAX_TOKENS_PER_TERM - 1))]!);
    }
  }
  return [...new Set(chosen.map((i) => all[i]!))];
}

function splitTerms(query: string): string[] {
  return query
    .normalize('NFKC')
    .replace(/(\d)[\s\-\u2010-\u2015\u2212]+(?=\d)/g, '$1')
    .split(/\s+/)
    .filter((t) => t !== '');
}

function parseTerm(term: string): QueryTerm | null {
  const id = identifierNormalize(term);
  if (hasDigit(id)) {
    const length = [...id].length;
    const tokens =
      length >= IDENTIFIER_LONG_GRAM
        ? pickSpread(grams(id, IDENTIFIER_LONG_GRAM), IDENTIFIER_LONG_GRAM).map((g) => `j:${g}`)
        : length >= 3
          ? pickSpread(grams(id, 3), 3).map((g) => `i:${g}`)
          : [];
    return { kind: 'identifier', needle: id, tokens };
  }
  const needle = searchNormalize(term);
  const { hanRuns, words } = segment(needle);
  if (hanRuns.length > 0) {
    const longRuns = hanRuns.filter((r) => r.length >= 2);
    if (longRuns.length > 0) {
      const all = longRuns.flatMap((r) => pickSpread(bigrams(r), 2));
      return { kind: 'han', needle, tokens: pickSpread(all, 1).map((b) => `b:${b}`) };
    }
    const chars = [...new Set(hanRuns.flat())];
    return { kind: 'han_name', needle, tokens: chars.slice(0, MAX_TOKENS_PER_TERM).map((c) => `u:${c}`) };
  }
  if (words.length > 0) return { kind: 'word', words, tokens: [...new Set(words)].map((w) => `w:${w}`) };
  return null;
}

export function queryTokens(query: string): ParsedQuery {
  const terms = splitTerms(query)
    .map(parseTerm)
    .filter((t): t is QueryTerm => t !== null);
  const tokens = [...new Set(terms.flatMap((t) => t.tokens))];
  const parsed: ParsedQuery = { tokens, terms, needsScan: terms.length > 0 && tokens.length === 0 };
  if (terms.some((t) => t.kind === 'identifier' && t.tokens.length === 0)) {
    parsed.problem = '号码片段请至少输入 3 位';
  }
  return parsed;
}

/**
 * Exact check of one record against a query (the semantics above). An empty query
 * matches every record: an empty search box filters nothing.
 */
export function matchesQuery(fields: SearchFields, query: string | ParsedQuery): boolean {
  const parsed = typeof query === 'string' ? queryTokens(query) : query;
  if (parsed.terms.length === 0) return true;

  const names = fields.names.map(searchNormalize);
  const texts = fields.text.map(searchNormalize);
  const identifiers = fields.identifiers.map(identifierNormalize);
  const digitWords: string[] = [];
  const plainWords = new Set<string>();
  for (const s of [...names, ...texts]) {
    for (const w of segment(s).words) {
      if (hasDigit(w)) digitWords.push(w.toUpperCase());
      else plainWords.add(w);
    }
  }

  return parsed.terms.every((term) => {
    switch (term.kind) {
      case 'identifier':
        return identifiers.some((s) => s.includes(term.needle)) || digitWords.some((w) => w.includes(term.needle));
      case 'han':
        return names.some((s) => s.includes(term.needle)) || texts.some((s) => s.includes(term.needle));
      case 'han_name':
        return names.some((s) => s.includes(term.needle));
      case 'word':
        return term.words.every((w) => plainWords.has(w));
    }
  });
}
