/**
 * Money, one way everywhere. Amounts are entered and stored as decimal strings of yuan
 * with at most two decimals ("38500", "38500.5"), computed in whole fen (integers, so
 * sums are exact), and printed with thousands grouping and two decimals ("38,500.00"),
 * with the unit where no column header carries it ("38,500.00元").
 */

/** Twelve integer digits: under a trillion yuan, so every sum of fen stays an exact integer. */
const YUAN = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;

/** Yuan as a decimal string (grouping commas allowed) → whole fen; null when it is not a valid amount. */
export function yuanToFen(yuan: string): number | null {
  const t = yuan.trim().replace(/,/g, '');
  if (!YUAN.test(t)) return null;
  const [whole, frac = ''] = t.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/** Yuan as a number (a form's numeric input) → whole fen; throws when it is not a whole number of fen. */
export function numberToFen(value: number): number {
  if (!Number.isFinite(value) || !isWholeFen(value)) throw new RangeError(`not a whole number of fen: ${value}`);
  return Math.round(value * 100);
}

/** True when a yuan number has at most two decimals (float noise allowed). */
export function isWholeFen(value: number): boolean {
  return Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;
}

export function sumFen(amounts: readonly number[]): number {
  return amounts.reduce((a, b) => a + b, 0);
}

/** Whole fen → the decimal string a form holds: 3850005 → "38500.05". */
export function fenToYuan(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Whole fen → grouped, for a column whose header names the unit: 123456789 → "1,234,567.89". */
export function formatFen(fen: number): string {
  const [whole, frac] = fenToYuan(fen).split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/** Whole fen → grouped with the unit: 3850000 → "38,500.00元". */
export function formatYuanFen(fen: number): string {
  return `${formatFen(fen)}元`;
}

/**
 * A stored decimal string → grouped with the unit ("38500" → "38,500.00元"); empty stays
 * empty, and text that is not an amount is shown as typed rather than dropped.
 */
export function formatYuan(yuan: string): string {
  if (yuan.trim() === '') return '';
  const fen = yuanToFen(yuan);
  return fen === null ? yuan : formatYuanFen(fen);
}
