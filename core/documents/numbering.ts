/**
 * Document numbers: 〔2026〕LN0102-KSS01值字第0042号. The station code (unique within the
 * province, the same code batches carry) keeps numbers unique once the centre merges
 * batches from many stations; the counter restarts each year, as paper registers do.
 */
export function formatDocumentNumber(year: number, stationCode: string, sequence: number): string {
  return `〔${year}〕${stationCode}值字第${String(sequence).padStart(4, '0')}号`;
}

/** Shown in the preview before saving, where the number is not yet assigned. */
export function pendingDocumentNumber(year: number, stationCode: string): string {
  return `〔${year}〕${stationCode}值字第＿＿＿＿号`;
}

/** The meta key under which a station's counter for one year is kept. */
export function numberCounterKey(year: number): string {
  return `documentNumber:${year}`;
}
