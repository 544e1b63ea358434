/**
 * Where a justified line may take extra space. Chinese text is spaced between characters,
 * but a number, an amount or a Latin word stays one piece: "38,500.00" or "2026" spread
 * out reads as separate figures, and a court clerk would read it as a typing error.
 */
const GLUED = /[0-9A-Za-z.,:%/-]/;

function glued(a: string, b: string): boolean {
  return GLUED.test(a) && GLUED.test(b);
}

/** How many places between characters of `text` take the extra space of a justified line. */
export function justifyGaps(text: string): number {
  const chars = [...text];
  let gaps = 0;
  for (let i = 0; i + 1 < chars.length; i++) if (!glued(chars[i]!, chars[i + 1]!)) gaps++;
  return gaps;
}

/**
 * `text` cut into the pieces a renderer draws: `spaced` pieces take the extra space after
 * every character; a glued piece (a number, a Latin word) is drawn tight and takes it once, after its last character.
 */
export function spacingPieces(text: string): { text: string; spaced: boolean }[] {
  const pieces: { text: string; spaced: boolean }[] = [];
  const chars = [...text];
  let i = 0;
  while (i < chars.length) {
    let j = i;
    while (j + 1 < chars.length && glued(chars[j]!, chars[j + 1]!)) j++;
    if (j > i) {
      pieces.push({ text: chars.slice(i, j + 1).join(''), spaced: false });
      i = j + 1;
      continue;
    }
    const last = pieces[pieces.length - 1];
    if (last?.spaced) last.text += chars[i];
    else pieces.push({ text: chars[i]!, spaced: true });
    i++;
  }
  return pieces;
}
