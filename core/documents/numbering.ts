/**
 * Document numbers: 〔2026〕LN0102-KSS01值字第0042号. The station code (unique within the
 * province, the same code batches carry) keeps numbers unique once the centre merges
 * batches from many stations; the counter restarts each year, as paper registers do.
 *
 * The legal papers a station hands out (值字) form one register. The shift log is the
 * station's internal record of a shift, not a paper handed to anyone, so it keeps a register
 * of its own (日志字): printing a shift log leaves no gap in the 值字 numbers the centre
 * audits, and a shift log is never mistaken for a legal document by its number.
 */
export type NumberSeries = 'legal' | 'shift_log';

const SERIES_WORD: Record<NumberSeries, string> = { legal: '值字', shift_log: '日志字' };

/** The register a document kind is numbered in. */
export function numberSeriesOf(kind: string): NumberSeries {
  return kind === 'shift_log' ? 'shift_log' : 'legal';
}

export function formatDocumentNumber(year: number, stationCode: string, sequence: number, series: NumberSeries = 'legal'): string {
  return `〔${year}〕${stationCode}${SERIES_WORD[series]}第${String(sequence).padStart(4, '0')}号`;
}

/** Shown in the preview before saving, where the number is not yet assigned. */
export function pendingDocumentNumber(year: number, stationCode: string, series: NumberSeries = 'legal'): string {
  return `〔${year}〕${stationCode}${SERIES_WORD[series]}第＿＿＿＿号`;
}

/** The meta key under which a station's counter for one year of one register is kept. */
export function numberCounterKey(year: number, series: NumberSeries = 'legal'): string {
  // The legal register keeps the key it always had, so existing counters carry on.
  return series === 'legal' ? `documentNumber:${year}` : `shiftLogNumber:${year}`;
}
