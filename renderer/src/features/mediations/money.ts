import { fenToYuan, toFen } from '../../../../core/mediations/schema';

/** An amount as the lawyer reads it: always two decimals ("38500.00"), a dash when absent. */
export function yuanText(amount: string | undefined): string {
  const fen = amount ? toFen(amount) : null;
  return fen === null ? '—' : fenToYuan(fen);
}
