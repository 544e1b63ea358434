import { formatFen, yuanToFen } from '../../../../core/money';

/** An amount as the lawyer reads it: grouped, two decimals ("38,500.00", with `unit` "38,500.00元"), a dash when absent. */
export function yuanText(amount: string | undefined, unit = ''): string {
  const fen = amount ? yuanToFen(amount) : null;
  return fen === null ? '—' : `${formatFen(fen)}${unit}`;
}
