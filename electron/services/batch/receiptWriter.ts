import { toBase64 } from '../../../core/batch/keys';
import { canonicalReceiptBytes, RECEIPT_FORMAT, receiptSuiteOf, type BatchReceipt, type ReceiptDocument } from '../../../core/batch/receipt';
import { ServiceError } from '../errors';
import type { RegisteredBatch, RegisteredStation } from './importRegistry';
import type { StationKeys } from './stationKey';

/**
 * The receipt a centre gives for a batch it imported (core/batch/receipt.ts), from what the
 * import registry kept of it, signed with this station's own signing key in the batch's
 * suite (v1: the Ed25519 key, as intl-1). The same batch always yields the same receipt
 * fields, so writing it again later says the same thing.
 */
export function receiptOf(
  station: RegisteredStation,
  batch: RegisteredBatch,
  keys: Pick<StationKeys, 'ensureSuite' | 'sign'>,
): { document: ReceiptDocument; bytes: Uint8Array; fileName: string; folder: string } {
  const { formatVersion, manifestHash, receivedAt, records, fileName, folder } = batch;
  if (formatVersion === undefined || !manifestHash || !receivedAt || records === undefined || !fileName || folder === undefined) {
    throw new ServiceError('no_receipt_data', '该批次是在本版本之前导入的，缺少写回执所需的记录；请重新选择该批次文件导入一次，再写回执');
  }
  const suite = receiptSuiteOf(formatVersion, batch.suite);
  const receipt: BatchReceipt = { batchId: batch.batchId, stationCode: station.code, sequence: batch.sequence, manifestHash, receivedAt, records };
  keys.ensureSuite(suite);
  const { signature, publicKey } = keys.sign(suite, canonicalReceiptBytes(receipt));
  const document: ReceiptDocument = { format: RECEIPT_FORMAT, suite, receipt, publicKey, signature: toBase64(signature) };
  return { document, bytes: new TextEncoder().encode(`${JSON.stringify(document, null, 2)}\n`), fileName, folder };
}
