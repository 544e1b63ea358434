import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { SUITES, type SuiteId } from '../../../core/batch/formatV2';
import type { ReceiptOutcome } from '../../../core/api/contract';
import { canonicalReceiptBytes, type ReceiptDocument } from '../../../core/batch/receipt';
import { createDelivery, type Delivery } from '../../../electron/services/batch/delivery';
import { createLedger } from '../../../electron/services/batch/ledger';
import { signingKeyFingerprint } from '../../../electron/services/batch/stationKey';
import { suiteOf } from '../../../electron/services/batch/suites';
import { normalCentreUrl } from '../../../electron/services/batch/uploadClient';
import type { ExportTarget } from '../../../electron/services/batch/exportJob';
import { centreSigningKeys, startCentreServer, writeReceiptFile, type CentreServer } from '../../support/centreServer';
import { consultation, exportBatch, testStation, type TestStation } from './support';
import { centre, type Centre } from './v2Support';

const SUPERVISOR = { id: 'u1', name: '李主任' };

interface Rig {
  station: TestStation;
  delivery: Delivery;
  centre: Centre;
  receiptFile: { path: string | null };
  /** Exports one batch through the real service; with an upload address set, delivery takes it from there. */
  exportOne(): Promise<{ batchId: string; path: string; sequence: number }>;
  /** A new main process over the same settings and data, as after a restart. */
  restart(): Delivery;
}

const stopped: Delivery[] = [];
const servers: CentreServer[] = [];
afterEach(async () => {
  for (const d of stopped.splice(0)) d.stop();
  for (const s of servers.splice(0)) await s.close();
});

function rig(suite: SuiteId, options: { retryDelaysMs?: number[]; fetch?: typeof fetch } = {}): Rig {
  const c = centre(suite, '沈阳市法律援助中心');
  const target: ExportTarget = { version: 2, suite, recipients: [c.publicKey] };
  const receiptFile = { path: null as string | null };
  let delivery: Delivery | null = null;
  const station = testStation({ exportTarget: () => target, onExported: (batchId, actor) => delivery?.exported(batchId, actor) });
  const make = () => {
    const d = createDelivery({
      store: station.store,
      ledger: createLedger(station.store),
      dataDir: station.dataDir,
      protector: station.protector,
      chooseReceiptFile: async () => receiptFile.path,
      stationCode: () => 'LN0102-KSS01',
      centreNames: () => [c.name],
      retryDelaysMs: options.retryDelaysMs ?? [40, 80],
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    stopped.push(d);
    d.resume();
    return d;
  };
  delivery = make();
  return {
    station,
    get delivery() {
      return delivery!;
    },
    centre: c,
    receiptFile,
    async exportOne() {
      const r = await exportBatch(station, { consultations: [consultation(), consultation()] });
      return { batchId: r.batchId, path: r.path, sequence: r.sequence };
    },
    restart() {
      delivery!.stop();
      delivery = make();
      return delivery;
    },
  };
}

async function server(options: Parameters<typeof startCentreServer>[0] = {}): Promise<CentreServer> {
  const s = await startCentreServer(options);
  servers.push(s);
  return s;
}

/** Waits (polling what the history page reads) until the batch's upload reaches a state. */
async function until(r: Rig, batchId: string, done: (state: string | undefined, delivered: boolean) => boolean, ms = 15_000) {
  const end = Date.now() + ms;
  for (;;) {
    const status = r.delivery.state().uploads.find((u) => u.batchId === batchId);
    const delivered = r.station.service.history().find((e) => e.batchId === batchId)?.receipt !== undefined;
    if (done(status?.state, delivered)) return status;
    if (Date.now() > end) throw new Error(`upload of ${batchId} stuck at ${status?.state ?? 'none'}: ${status?.message ?? ''}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const accepted = (o: ReceiptOutcome | null) => {
  if (o?.outcome !== 'accepted') throw new Error(`expected accepted, got ${JSON.stringify(o)}`);
  return o;
};
const confirming = (o: ReceiptOutcome | null) => {
  if (o?.outcome !== 'confirm') throw new Error(`expected confirm, got ${JSON.stringify(o)}`);
  return o;
};

describe.each(SUITES)('uploading batches to the centre, suite %s', (suite) => {
  it('uploads after export; the first receipt waits for the centre key’s fingerprint, later ones are taken at once', async () => {
    const r = rig(suite);
    const centreServer = await server({ recipientKey: r.centre.secret });
    r.delivery.setCentreUrl({ url: centreServer.url, actor: SUPERVISOR });

    const one = await r.exportOne();
    const waiting = await until(r, one.batchId, (s) => s === 'confirm');
    expect(waiting!.message).toBe('接收中心已接收该批次；其回执的签名公钥尚未确认');
    expect(r.station.service.history()[0]!.status).toBe('exported');

    const review = confirming(await r.delivery.reviewUploadReceipt({ batchId: one.batchId, actor: SUPERVISOR }));
    expect(review.fingerprint).toBe(signingKeyFingerprint(suite, centreServer.signingKeys[suite].publicKey));
    expect(review.suggestedName).toBe('沈阳市法律援助中心');
    await expect(
      r.delivery.confirmReceiptKey({ token: review.token, confirmedFingerprint: '0000', name: '沈阳市法律援助中心', actor: SUPERVISOR }),
    ).rejects.toThrow('确认的指纹与回执签名公钥的指纹不一致，未登记');
    const again = confirming(await r.delivery.reviewUploadReceipt({ batchId: one.batchId, actor: SUPERVISOR }));
    const taken = accepted(
      await r.delivery.confirmReceiptKey({
        token: again.token,
        confirmedFingerprint: again.fingerprint.toLowerCase(),
        name: '沈阳市法律援助中心',
        actor: SUPERVISOR,
      }),
    );
    expect(taken).toMatchObject({ sequence: 1, centre: '沈阳市法律援助中心' });

    const entry = r.station.service.history().find((e) => e.batchId === one.batchId)!;
    expect(entry.status).toBe('delivered');
    expect(entry.receipt).toMatchObject({
      centre: '沈阳市法律援助中心',
      via: 'upload',
      document: { suite, receipt: { batchId: one.batchId, sequence: 1, records: 2 } },
    });
    expect(r.delivery.state().uploads).toEqual([]);
    expect(r.delivery.state().pinnedKeys.map((k) => k.name)).toEqual(['沈阳市法律援助中心']);
    // Exactly the bytes on the drive went to the centre.
    expect(centreServer.bodies[0]!.equals(readFileSync(one.path))).toBe(true);

    const two = await r.exportOne();
    await until(r, two.batchId, (_s, delivered) => delivered);
    expect(r.station.service.history().find((e) => e.batchId === two.batchId)!.receipt!.document.receipt.sequence).toBe(2);
    expect(centreServer.answers).toEqual([201, 201]);
    expect(await r.delivery.centreHead()).toEqual({ sequence: 2, manifestHash: r.station.service.history()[0]!.receipt!.document.receipt.manifestHash });
  });
});

describe('the upload queue', () => {
  it('retries after 503s with the same bytes, and shows the failure while it waits', async () => {
    const centreServer = await server({ signingKeys: pinnedKeys });
    const r = rig('intl-1', { retryDelaysMs: [300, 300] });
    pin(r);
    r.delivery.setCentreUrl({ url: centreServer.url, actor: SUPERVISOR });
    centreServer.failNext(2);
    const one = await r.exportOne();
    const waiting = await until(r, one.batchId, (s) => s === 'waiting' && centreServer.answers.length >= 1);
    expect(waiting!.message).toBe('接收中心暂时无法处理（HTTP 503）');
    expect(waiting!.nextAttemptAt).not.toBeNull();
    await until(r, one.batchId, (_s, delivered) => delivered);
    expect(centreServer.answers).toEqual([503, 503, 201]);
    const file = readFileSync(one.path);
    expect(centreServer.bodies).toHaveLength(3);
    for (const body of centreServer.bodies) expect(body.equals(file)).toBe(true);
  });

  it('takes the 200 of a batch the centre already has, when the first answer was lost', async () => {
    const centreServer = await server({ signingKeys: pinnedKeys });
    let lost = 1;
    const flaky: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (lost-- > 0) {
        await res.arrayBuffer();
        throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
      }
      return res;
    };
    const r = rig('gm-1', { fetch: flaky });
    pin(r);
    r.delivery.setCentreUrl({ url: centreServer.url, actor: SUPERVISOR });
    const one = await r.exportOne();
    await until(r, one.batchId, (_s, delivered) => delivered);
    expect(centreServer.answers).toEqual([201, 200]);
    expect(centreServer.bodies[0]!.equals(centreServer.bodies[1]!)).toBe(true);
  });

  it('shows the centre’s head on a 409 and uploads once the chain is filled in', async () => {
    const centreServer = await server({ signingKeys: pinnedKeys });
    const r = rig('intl-1');
    pin(r);
    const one = await r.exportOne(); // no address yet: carried on the stick, say
    r.delivery.setCentreUrl({ url: `${centreServer.url}/`, actor: SUPERVISOR });
    const two = await r.exportOne();
    const conflict = await until(r, two.batchId, (s) => s === 'conflict');
    expect(conflict!.message).toBe('批次链不接续：接收中心尚无本站的批次，本批次为第 2 号');

    await r.delivery.uploadNow({ batchId: one.batchId, actor: SUPERVISOR });
    await until(r, one.batchId, (_s, delivered) => delivered);
    await r.delivery.uploadNow({ batchId: two.batchId, actor: SUPERVISOR });
    await until(r, two.batchId, (_s, delivered) => delivered);

    // A centre that holds more than this station has sent names its head.
    centreServer.heads.get('LN0102-KSS01')!.sequence = 5;
    const three = await r.exportOne();
    const ahead = await until(r, three.batchId, (s) => s === 'conflict');
    expect(ahead!.centreHead).toMatchObject({ sequence: 5 });
    expect(ahead!.message).toBe('批次链不接续：接收中心记录的本站最新批次为第 5 号，本批次为第 3 号');
  });

  it('lists the centre’s reasons on a 422 and does not retry by itself', async () => {
    const other = centre('intl-1', '另一个中心');
    const centreServer = await server({ signingKeys: pinnedKeys, recipientKey: other.secret });
    const r = rig('intl-1', { retryDelaysMs: [20] });
    r.delivery.setCentreUrl({ url: centreServer.url, actor: SUPERVISOR });
    const one = await r.exportOne();
    const refused = await until(r, one.batchId, (s) => s === 'refused');
    expect(refused!.message).toBe('接收中心拒收该批次');
    expect(refused!.reasons.length).toBeGreaterThan(0);
    expect(refused!.reasons.join('')).toMatch(/接收方|私钥|密钥/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(centreServer.answers).toEqual([422]);
  });

  it('resumes after a restart: a waiting upload and one cut off mid-way both go on', async () => {
    const centreServer = await server({ signingKeys: pinnedKeys });
    const r = rig('intl-1', { retryDelaysMs: [60_000] });
    pin(r);
    r.delivery.setCentreUrl({ url: centreServer.url, actor: SUPERVISOR });
    centreServer.failNext(1);
    const one = await r.exportOne();
    await until(r, one.batchId, (s) => s === 'waiting' && centreServer.answers.length === 1);
    // The app quits before the minute is up; a try that was under way when it stopped counts as due.
    const queue = r.station.store.get('deliveryQueue') as { state: string; nextAttemptAt: string | null }[];
    r.station.store.set(
      'deliveryQueue',
      queue.map((i) => ({ ...i, state: 'uploading', nextAttemptAt: null })),
    );
    r.restart();
    await until(r, one.batchId, (_s, delivered) => delivered);
    expect(centreServer.answers).toEqual([503, 201]);
  });

  it('reports an unreachable centre and keeps the batch for the next try', async () => {
    const centreServer = await server({ signingKeys: pinnedKeys });
    const url = centreServer.url;
    await centreServer.close();
    servers.length = 0;
    const r = rig('intl-1', { retryDelaysMs: [60_000] });
    r.delivery.setCentreUrl({ url, actor: SUPERVISOR });
    const one = await r.exportOne();
    const waiting = await until(r, one.batchId, (s) => s === 'waiting' && r.delivery.state().uploads[0]!.attempts === 1);
    expect(waiting!.message).toBe('无法连接接收中心（连接被拒绝）');
    expect(r.station.service.history()[0]!.status).toBe('exported');
  });

  it('accepts only https, or http to this machine, as the upload address', () => {
    expect(normalCentreUrl('https://legalaid.example.cn/upload/')).toBe('https://legalaid.example.cn/upload');
    expect(normalCentreUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(() => normalCentreUrl('http://legalaid.example.cn')).toThrow('上传地址须以 https:// 开头（http:// 仅限本机地址，用于测试）');
    expect(() => normalCentreUrl('https://user:pw@legalaid.example.cn')).toThrow('上传地址不能包含用户名或密码');
    expect(() => normalCentreUrl('ftp://legalaid.example.cn')).toThrow('上传地址须以 https://');
    expect(() => normalCentreUrl('legalaid')).toThrow('上传地址无效');
  });
});

/** One centre's signing keys, pinned in advance where a test is not about the first confirmation. */
const pinnedKeys = centreSigningKeys();
function pin(r: Rig) {
  const keys = SUITES.map((s) => ({
    name: '沈阳市法律援助中心',
    suite: s,
    publicKey: pinnedKeys[s].publicKey,
    fingerprint: signingKeyFingerprint(s, pinnedKeys[s].publicKey)!,
    pinnedAt: '2026-12-01T09:00:00.000+08:00',
    pinnedBy: SUPERVISOR,
  }));
  r.station.store.set('receiptKeys', keys);
}

describe('receipt files carried back on the stick', () => {
  it('takes a good receipt after the first confirmation, refuses forged and other stations’ receipts with every reason, and asks again for an unknown key', async () => {
    const r = rig('gm-1');
    const one = await r.exportOne();
    const keys = centreSigningKeys();
    const good = await writeReceiptFile(one.path, keys, r.centre.secret);

    r.receiptFile.path = good.path;
    const first = confirming(await r.delivery.openReceipt({ actor: SUPERVISOR }));
    expect(first).toMatchObject({ sequence: 1, suite: 'gm-1', fingerprint: signingKeyFingerprint('gm-1', keys['gm-1'].publicKey) });
    accepted(
      await r.delivery.confirmReceiptKey({ token: first.token, confirmedFingerprint: first.fingerprint, name: '辽宁省法律援助中心', actor: SUPERVISOR }),
    );
    const entry = r.station.service.history()[0]!;
    expect(entry).toMatchObject({ status: 'delivered', delivered: { by: SUPERVISOR }, receipt: { centre: '辽宁省法律援助中心', via: 'file' } });
    expect(entry.receipt!.document).toEqual(good.document);

    // The next batch's receipt from the same, now pinned, key is taken without asking.
    const two = await r.exportOne();
    r.receiptFile.path = (await writeReceiptFile(two.path, keys, r.centre.secret)).path;
    expect(accepted(await r.delivery.openReceipt({ actor: SUPERVISOR }))).toMatchObject({ sequence: 2, centre: '辽宁省法律援助中心' });

    const three = await r.exportOne();
    const genuine = await writeReceiptFile(three.path, keys, r.centre.secret);
    const edit = (change: (d: ReceiptDocument) => ReceiptDocument) => {
      const path = `${three.path}.edited.receipt.json`;
      writeFileSync(path, JSON.stringify(change(structuredClone(genuine.document))));
      r.receiptFile.path = path;
      return r.delivery.openReceipt({ actor: SUPERVISOR });
    };
    // More records than the centre signed for.
    expect(await edit((d) => ({ ...d, receipt: { ...d.receipt, records: 999 } }))).toEqual({ outcome: 'refused', sequence: 3, problems: ['回执签名无效'] });
    // Another station's receipt, signed by the centre, does not deliver this station's batch.
    const foreign = await edit((d) => {
      const receipt = { ...d.receipt, stationCode: 'LN0102-KSS02', sequence: 7 };
      const signature = Buffer.from(suiteOf('gm-1').sign(canonicalReceiptBytes(receipt), keys['gm-1'].privateKey)).toString('base64');
      return { ...d, receipt, signature };
    });
    expect(foreign).toEqual({
      outcome: 'refused',
      sequence: 3,
      problems: ['回执所指的工作站编码 LN0102-KSS02 与本站 LN0102-KSS01 不一致', '回执所指的批次序号 7 与本批次 3 不一致'],
    });
    expect(await edit((d) => ({ ...d, receipt: { ...d.receipt, batchId: '6f1c1c2e-8c1a-4b7e-9a43-3f7a3f0f6b11' } }))).toEqual({
      outcome: 'refused',
      sequence: null,
      problems: ['回执所指的批次不是本站导出的批次（报送记录中没有该批次编号）'],
    });
    expect(await edit(() => ({ hello: 1 }) as unknown as ReceiptDocument)).toMatchObject({ outcome: 'refused', sequence: null });
    expect(r.station.service.history()[0]!.status).toBe('exported');

    // A receipt signed by a key never met needs the same confirmation, whatever it claims.
    const stranger = centreSigningKeys();
    r.receiptFile.path = (await writeReceiptFile(three.path, stranger, r.centre.secret)).path;
    const unknown = confirming(await r.delivery.openReceipt({ actor: SUPERVISOR }));
    expect(unknown.fingerprint).toBe(signingKeyFingerprint('gm-1', stranger['gm-1'].publicKey));
    expect(r.station.service.history()[0]!.status).toBe('exported');

    // A file far larger than a receipt is not read as one.
    const big = `${three.path}.big.receipt.json`;
    writeFileSync(big, ' '.repeat(100_000));
    r.receiptFile.path = big;
    await expect(r.delivery.openReceipt({ actor: SUPERVISOR })).rejects.toThrow('所选文件不是回执文件（文件过大）');
  });
});
