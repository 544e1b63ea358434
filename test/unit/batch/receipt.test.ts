import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalReceiptBytes, checkReceipt, RECEIPT_FORMAT, receiptFileName, type BatchReceipt } from '../../../core/batch/receipt';
import { SUITES, type SuiteId } from '../../../core/batch/formatV2';
import { nodeSuites, suiteOf } from '../../../electron/services/batch/suites';

function signed(suiteId: SuiteId, receipt: BatchReceipt) {
  const suite = suiteOf(suiteId);
  const key = suite.generateSigningKey();
  const signature = Buffer.from(suite.sign(canonicalReceiptBytes(receipt), key.privateKey)).toString('base64');
  return { format: RECEIPT_FORMAT, suite: suiteId, receipt, publicKey: key.publicKey, signature };
}

const receipt = (): BatchReceipt => ({
  batchId: randomUUID(),
  stationCode: 'LN0102-KSS01',
  sequence: 3,
  manifestHash: 'ab'.repeat(32),
  receivedAt: '2026-12-03T14:05:00+08:00',
  records: 1250,
});

const expectOf = (r: BatchReceipt, suite: SuiteId) => ({
  batchId: r.batchId,
  stationCode: r.stationCode,
  sequence: r.sequence,
  manifestHash: r.manifestHash,
  suite,
});

describe('batch receipts', () => {
  it('signs the canonical bytes: keys sorted, no spaces', () => {
    const r = receipt();
    const text = new TextDecoder().decode(
      canonicalReceiptBytes({
        records: r.records,
        batchId: r.batchId,
        sequence: 3,
        stationCode: r.stationCode,
        receivedAt: r.receivedAt,
        manifestHash: r.manifestHash,
      }),
    );
    expect(text).toBe(
      `{"batchId":"${r.batchId}","manifestHash":"${r.manifestHash}","receivedAt":"${r.receivedAt}","records":1250,"sequence":3,"stationCode":"LN0102-KSS01"}`,
    );
    expect(receiptFileName('LN0102-KSS01_000003.zip')).toBe('LN0102-KSS01_000003.zip.receipt.json');
  });

  for (const suite of SUITES) {
    it(`accepts a receipt the centre signed in ${suite} and refuses a changed one`, () => {
      const r = receipt();
      const doc = signed(suite, r);
      expect(checkReceipt(doc, expectOf(r, suite), nodeSuites).ok).toBe(true);
      const forged = { ...doc, receipt: { ...r, records: r.records + 1 } };
      const check = checkReceipt(forged, expectOf(r, suite), nodeSuites);
      expect(check.ok).toBe(false);
      if (!check.ok) expect(check.problems).toContain('回执签名无效');
    });
  }

  it('refuses a receipt for another batch, another station, or from a centre key other than the pinned one', () => {
    const r = receipt();
    const doc = signed('gm-1', r);
    const other = { ...expectOf(r, 'gm-1'), batchId: randomUUID(), stationCode: 'LN0102-KSS02', pinnedPublicKey: signed('gm-1', r).publicKey };
    const check = checkReceipt(doc, other, nodeSuites);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.problems).toEqual([
        '回执所指的批次编号与本批次不一致',
        '回执所指的工作站编码 LN0102-KSS01 与本站 LN0102-KSS02 不一致',
        '回执的签名公钥与此前登记的接收中心签名公钥不一致',
      ]);
    }
    const wrongSuite = checkReceipt(doc, expectOf(r, 'intl-1'), nodeSuites);
    expect(wrongSuite.ok).toBe(false);
    if (!wrongSuite.ok) expect(wrongSuite.problems[0]).toBe('回执的算法套件 gm-1 与批次的 intl-1 不一致');
  });

  it('says in Chinese what is missing from a malformed receipt', () => {
    const check = checkReceipt({ format: RECEIPT_FORMAT, suite: 'intl-1', receipt: {} }, expectOf(receipt(), 'intl-1'), nodeSuites);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems.every((p) => p.startsWith('回执格式不符：'))).toBe(true);
  });
});
