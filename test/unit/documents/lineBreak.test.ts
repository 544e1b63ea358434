import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { breakParagraph, NO_LINE_END, NO_LINE_START } from '../../../core/documents/lineBreak';

/** Every character one unit wide: a line of width 10 holds 10 characters. */
const measure = (s: string) => [...s].length;

describe('breakParagraph', () => {
  it('pulls a character down rather than start a line with a comma', () => {
    const lines = breakParagraph('一二三四五六七八九十，十一', 10, measure);
    expect(lines.map((l) => l.text)).toEqual(['一二三四五六七八九', '十，十一']);
    expect(lines[0]!.wrapped).toBe(true);
    expect(lines[1]!.wrapped).toBe(false);
  });

  it('does not end a line with an opening bracket', () => {
    const lines = breakParagraph('一二三四五六七八九《民法典》', 10, measure);
    expect(lines[0]!.text).toBe('一二三四五六七八九');
    expect(lines[1]!.text).toBe('《民法典》');
  });

  it('keeps an amount or a case number on one line', () => {
    const lines = breakParagraph('一二三四五六七人民币38,500.00元', 10, measure);
    expect(lines.map((l) => l.text)).toEqual(['一二三四五六七人民币', '38,500.00元']);
  });

  it('keeps a case number with its 号 and a date whole, in a narrow cell', () => {
    // Nine wide: "0102民初123" would fill the second line and leave 号 alone on the third.
    const lines = breakParagraph('（2026）辽0102民初123号', 9, measure);
    expect(lines.map((l) => l.text)).toEqual(['（2026）辽', '0102民初', '123号']);
    const date = breakParagraph('一二三四五六2026年11月24日', 12, measure);
    expect(date.map((l) => l.text)).toEqual(['一二三四五六', '2026年11月24日']);
  });

  it('splits a number longer than a line instead of overflowing', () => {
    const lines = breakParagraph('210102198001010031234', 10, measure);
    expect(lines.map((l) => l.text)).toEqual(['2101021980', '0101003123', '4']);
  });

  it('leaves room for the first-line indent', () => {
    const lines = breakParagraph('一二三四五六七八九十', 10, measure, 2);
    expect(lines.map((l) => l.text)).toEqual(['一二三四五六七八', '九十']);
  });

  it('keeps every character, including those outside the BMP, and obeys the rules on ordinary prose', () => {
    // Prose as written: characters, each possibly opened by a bracket or closed by punctuation.
    const token = fc.tuple(
      fc.constantFrom('', '（', '《', '“'),
      fc.constantFrom(...['王', '𠮷', '䶮', '的', '案', '1']),
      fc.constantFrom('', '', '，', '。', '、', '）', '》', '”'),
    );
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 150 }), fc.integer({ min: 6, max: 30 }), (tokens, width) => {
        const text = tokens.map((t) => t.join('')).join('');
        const lines = breakParagraph(text, width, measure);
        expect(lines.map((l) => l.text).join('')).toBe(text);
        lines.forEach((line, i) => {
          const cps = [...line.text];
          expect(cps.length).toBeLessThanOrEqual(width);
          if (i > 0) expect(NO_LINE_START.has(cps[0]!)).toBe(false);
          if (i < lines.length - 1) expect(NO_LINE_END.has(cps[cps.length - 1]!)).toBe(false);
        });
      }),
    );
  });
});
