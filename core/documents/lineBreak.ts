/**
 * Chinese line breaking (GB/T 15834 and common typesetting practice, 避头尾): a line may
 * not start with closing punctuation nor end with opening punctuation, and runs of Latin
 * letters and digits (case numbers, amounts, ID numbers) are not split unless a run is
 * longer than a line.
 */

/** Must not begin a line. */
export const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉”’…—·%‰℃｝］〗〙〛・～ー', ...',.;:?!)]}%']);

/** Must not end a line. */
export const NO_LINE_END = new Set([...'（《「『【〔〈“‘｛［〖〘〚', ...'([{']);

/** Letters, digits and the punctuation inside numbers and codes (12,345.00, 2026-11, a/b). */
const WORD_CHAR = /[A-Za-z0-9.,:_@\-+/%]/u;

/**
 * Counters and units that stay on the line of the number before them: 38,500.00元, 3人, 2份,
 * a case number's 123号, a date's 2026年11月24日, 第3条, 7日内. A narrow table cell otherwise
 * broke "…民初123" from its "号".
 */
const NUMBER_UNIT = new Set([...'元人份件次号年月日时分秒岁页条款项天个']);

/** Splits a paragraph into break units: one CJK character, or a whole Latin/number run. */
export function breakUnits(text: string): string[] {
  const units: string[] = [];
  let word = '';
  for (const ch of text) {
    if (WORD_CHAR.test(ch) || (NUMBER_UNIT.has(ch) && /\d$/.test(word))) {
      word += ch;
      continue;
    }
    if (word) {
      units.push(word);
      word = '';
    }
    units.push(ch);
  }
  if (word) units.push(word);
  return units;
}

export interface BrokenLine {
  text: string;
  /** False for a paragraph's last line: it is not stretched to the full width. */
  wrapped: boolean;
}

/**
 * Greedy fill with the prohibition rules applied by pulling characters back to the
 * next line. `measure` gives the width of a string; `firstIndent` is taken from the
 * first line's width (paragraph indent, list numbers).
 */
export function breakParagraph(text: string, width: number, measure: (s: string) => number, firstIndent = 0): BrokenLine[] {
  if (text === '') return [{ text: '', wrapped: false }];
  const units = breakUnits(text);
  const lines: BrokenLine[] = [];
  let start = 0;
  while (start < units.length) {
    const avail = (lines.length === 0 ? width - firstIndent : width) + 0.01;
    let end = start;
    let w = 0;
    while (end < units.length) {
      const uw = measure(units[end]!);
      if (w + uw > avail) break;
      w += uw;
      end++;
    }
    if (end === start) {
      // One unit wider than the line (a very long number): split it by characters.
      const chars = [...units[start]!];
      let take = 0;
      let cw = 0;
      while (take < chars.length && cw + measure(chars[take]!) <= avail) cw += measure(chars[take++]!);
      take = Math.max(1, take);
      units.splice(start, 1, chars.slice(0, take).join(''), chars.slice(take).join(''));
      end = start + 1;
    } else if (end < units.length) {
      end = adjustBreak(units, start, end);
    }
    lines.push({ text: units.slice(start, end).join(''), wrapped: end < units.length });
    start = end;
  }
  return lines;
}

function firstChar(s: string): string {
  return [...s][0] ?? '';
}

function lastChar(s: string): string {
  const cps = [...s];
  return cps[cps.length - 1] ?? '';
}

/** Moves the break earlier while it would start a line badly or end one badly. */
function adjustBreak(units: string[], start: number, end: number): number {
  let e = end;
  while (e > start + 1 && (NO_LINE_START.has(firstChar(units[e]!)) || NO_LINE_END.has(lastChar(units[e - 1]!)))) e--;
  // A line made only of forbidden pairs cannot be fixed by pulling back; keep the greedy break.
  return e > start ? e : end;
}
