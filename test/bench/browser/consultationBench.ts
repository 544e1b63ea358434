import { SEE_ALL } from '../../unit/viewers';
// Runs inside Chromium (bundled by test/bench/consultations.ts): seeds IndexedDB through the
// real repository code (same rows, tokens and sealing as the app) and times what a duty
// lawyer waits for.
import { StationDb } from '../../../renderer/src/db/database';
import { db as appDb } from '../../../renderer/src/db';
import { ConsultationsPage } from '../../../renderer/src/features/consultations/ConsultationsPage';
import { StationContext, type StationContextValue } from '../../../renderer/src/state/StationContext';
import { SessionContext, type Session } from '../../../renderer/src/session/SessionContext';
import { ANTD_CONFIG } from '../../../renderer/src/app/antdConfig';
import { StyleKeeper } from '../../../renderer/src/app/StyleKeeper';
import { App as AntApp, ConfigProvider } from 'antd';
import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import {
  consultationStore,
  countLiveConsultations,
  createConsultation,
  editConsultation,
  loadConsultations,
  newestConsultations,
  orderIndex,
  queryConsultations,
} from '../../../renderer/src/db/consultations';
import { vaultFromDataKey } from '../../../renderer/src/db/keyMaterial';
import type { Vault } from '../../../renderer/src/db/vault';
import { checkGenerated, makeConsultation } from './generate';
import { FACTS_BUILT, rebuildStatFacts, factsBetween } from '../../../renderer/src/db/statFacts';
import { INDEX_STATE, mergeTail, reindexConsultations } from '../../../renderer/src/db/searchIndex';
import { mediationStore } from '../../../renderer/src/db/mediations';
import { mediationInputSchema } from '../../../core/mediations/schema';
import { computeStatistics } from '../../../core/statistics/compute';
import { statisticsTables } from '../../../core/statistics/tables';
import { DEFAULT_ENUMERATIONS } from '../../../core/domain/enums';
import { createElement, Fragment } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { StatisticsCharts } from '../../../renderer/src/features/statistics/StatisticsCharts';
import { StatTableView } from '../../../renderer/src/features/statistics/StatTableView';
import { ConsultationForm } from '../../../renderer/src/features/consultations/ConsultationForm';

dayjs.locale('zh-cn');

let db: StationDb;
let vault: Vault;

async function setup(): Promise<void> {
  // The app's own connection (its database name), so the list's hook and table can be drawn.
  db = appDb;
  // A fixed key, so the reloaded page can open what the seeding page sealed.
  vault = await vaultFromDataKey(new Uint8Array(32).fill(42));
}

/**
 * Seeds n records in batches through the repository codec (tokens, blinding, sealing),
 * one transaction per batch, numbering them as the repository would; the search postings
 * are then built in one pass by the same function the upgrade and a restore use.
 */
async function seed(n: number, batch = 2000): Promise<{ ms: number; indexEntries: number; postingRows: number }> {
  await setup();
  await db.transaction('rw', [db.consultations, db.postings, db.tailTokens, db.orderSnapshot, db.orderLog, db.meta], async () => {
    await Promise.all([db.consultations.clear(), db.postings.clear(), db.tailTokens.clear(), db.orderSnapshot.clear(), db.orderLog.clear()]);
    await db.meta.delete(INDEX_STATE);
  });
  const store = consultationStore(db, vault);
  const start = Date.parse('2025-12-01T00:00:00Z');
  const span = 360 * 86_400_000;
  const t0 = performance.now();
  let entries = 0;
  for (let i = 0; i < n; i += batch) {
    const pending = [];
    for (let j = i; j < Math.min(n, i + batch); j++) {
      const c = makeConsultation(j, start, span);
      const at = c.time;
      pending.push(store.codec.encode({ ...c, id: crypto.randomUUID(), rev: 1, createdAt: at, updatedAt: at, deleted: false }));
    }
    const rows = await Promise.all(pending);
    rows.forEach((r, k) => (r.doc = i + k));
    if ((globalThis as { BENCH_NO_TOKENS?: boolean }).BENCH_NO_TOKENS) for (const r of rows) r.tokens = [];
    for (const row of rows) entries += row.tokens.length;
    await db.consultations.bulkAdd(rows);
    if ((i / batch) % 5 === 0) console.log(`seeded ${i + rows.length} in ${Math.round(performance.now() - t0)} ms`);
  }
  const t1 = performance.now();
  await db.transaction('rw', [db.consultations, db.postings, db.tailTokens, db.orderSnapshot, db.orderLog, db.meta], () => reindexConsultations(db));
  console.log(`postings built in ${Math.round(performance.now() - t1)} ms`);
  return { ms: performance.now() - t0, indexEntries: entries, postingRows: await db.postings.count() };
}

/**
 * The consultation list page itself (search box, filters, the virtualised table and its
 * hook), with the app's Ant Design settings, drawn into the page until the first row
 * shows a client's name.
 */
async function drawList(): Promise<{ rows: number; complete: number }> {
  const host = document.createElement('div');
  host.style.width = '1280px';
  host.style.height = '800px';
  document.body.append(host);
  const root = createRoot(host);
  const station = { enums: DEFAULT_ENUMERATIONS, profile: { kind: 'detention_center' } } as unknown as StationContextValue;
  const session: Session = { actor: { id: 'lawyer-1', name: '张律师', role: 'lawyer' }, username: 'zhang', vault, lawyerId: 'lawyer-1' };
  const t0 = performance.now();
  root.render(
    createElement(
      ConfigProvider,
      ANTD_CONFIG,
      createElement(
        AntApp,
        null,
        createElement(
          StationContext.Provider,
          { value: station },
          createElement(SessionContext.Provider, { value: session }, createElement(ConsultationsPage)),
        ),
      ),
    ),
  );
  const hasName = () => host.querySelector('[data-testid="consultation-row"] strong')?.textContent;
  while (!hasName()) await new Promise((r) => requestAnimationFrame(r));
  const rows = performance.now() - t0;
  // The filter bar follows the rows (ConsultationsPage): the page is complete with it.
  while (!host.querySelector('.ant-picker-range')) await new Promise((r) => requestAnimationFrame(r));
  const complete = performance.now() - t0;
  root.unmount();
  host.remove();
  return { rows, complete };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Time to answer a query and have its first screen of rows decrypted. */
async function searchAndFirstPage(text: string): Promise<number> {
  return timeIt(async () => {
    const { ids } = await queryConsultations(db, vault, SEE_ALL, { text });
    await loadConsultations(db, vault, SEE_ALL, ids.slice(0, 50));
  });
}

/**
 * Two figures of the machine itself, taken in the same run as the app's: a raw IndexedDB
 * count() over the consultation store (the browser's own cost of touching every row's
 * key) and a warm read of the newest 50 rows through the time index. Every other figure
 * is also printed as a multiple of them, so runs on different machines compare.
 */
async function anchors(): Promise<{ anchorCountMs: number; anchorRead50Ms: number }> {
  // `--keystroke-only` asks for the anchors first, before anything has opened the database.
  if (!db) await setup();
  if (!db.isOpen()) await db.open();
  const idb = db.backendDB();
  const request = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const count = () => request(idb.transaction('consultations', 'readonly').objectStore('consultations').count());
  const read50 = () =>
    new Promise<number>((resolve, reject) => {
      const rows: unknown[] = [];
      const cursor = idb.transaction('consultations', 'readonly').objectStore('consultations').index('liveTime').openCursor(null, 'prev');
      cursor.onerror = () => reject(cursor.error);
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (c && rows.length < 50) {
          rows.push(c.value);
          c.continue();
        } else resolve(rows.length);
      };
    });
  const counts: number[] = [];
  for (let i = 0; i < 5; i++) counts.push(await timeIt(count));
  await read50();
  const reads: number[] = [];
  for (let i = 0; i < 11; i++) reads.push(await timeIt(read50));
  return { anchorCountMs: median(counts), anchorRead50Ms: median(reads) };
}

/**
 * The consultation form, as the list page opens it, drawn on the full database; the
 * keystroke latencies are collected from the 咨询事项 box (keys are pressed by the
 * Node side through the browser's real input pipeline): from the key event's own time
 * stamp to the first moment after the next frame was produced.
 */
let keyLatencies: number[] = [];
async function openForm(): Promise<void> {
  await setup();
  const host = document.createElement('div');
  host.style.width = '960px';
  document.body.append(host);
  const root = createRoot(host);
  const station = {
    enums: DEFAULT_ENUMERATIONS,
    profile: { kind: 'detention_center', code: 'BENCH', name: '基准测试工作站', regionCode: '210102', address: '' },
    domain: { enumerationExtensions: {} },
  } as unknown as StationContextValue;
  const session: Session = { actor: { id: 'lawyer-1', name: '张律师', role: 'lawyer' }, username: 'zhang', vault, lawyerId: 'lawyer-1' };
  const noop = () => undefined;
  root.render(
    createElement(
      ConfigProvider,
      ANTD_CONFIG,
      createElement(
        AntApp,
        null,
        createElement(
          StationContext.Provider,
          { value: station },
          createElement(SessionContext.Provider, { value: session }, createElement(ConsultationForm, { onSaved: noop, onCancel: noop, onOpenRecord: noop })),
        ),
      ),
    ),
  );
  const box = () => [...host.querySelectorAll('label')].find((l) => l.textContent?.trim() === '咨询事项')?.htmlFor;
  while (!box() || !document.getElementById(box()!)) await new Promise((r) => requestAnimationFrame(r));
  const field = document.getElementById(box()!)!;
  field.setAttribute('data-bench', 'question');
  keyLatencies = [];
  field.addEventListener('keydown', (e) => {
    const pressed = e.timeStamp;
    // After the next frame: a rAF callback runs before the paint, the message after it.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => keyLatencies.push(performance.now() - pressed);
      channel.port2.postMessage(null);
    });
  });
}

function keystrokes(): { keys: number; medianMs: number; p95Ms: number } {
  const sorted = [...keyLatencies].sort((a, b) => a - b);
  return { keys: sorted.length, medianMs: median(sorted), p95Ms: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]! };
}

async function measure(): Promise<Record<string, number>> {
  // Chromium starts its IndexedDB backend on the first open of any database, the same for
  // an empty one: timed apart, on a database of its own.
  const backendStartup = await timeIt(async () => {
    const empty = new StationDb('bench-startup');
    await empty.meta.get('none');
    empty.close();
  });
  await setup();
  // The app opens its database at sign-in (accounts, session), before the list is shown:
  // that open is timed on its own, then the list page's own hook and table are drawn, cold,
  // until the first row shows a client's name.
  const dbOpen = await timeIt(() => db.meta.get('none'));
  // The app mounts its StyleKeeper while the sign-in screen is up: timed apart.
  const keeperHost = document.createElement('div');
  document.body.append(keeperHost);
  const keeperRoot = createRoot(keeperHost);
  const keeperStart = performance.now();
  keeperRoot.render(createElement(ConfigProvider, ANTD_CONFIG, createElement(StyleKeeper)));
  while (!keeperHost.querySelector('[data-testid="style-keeper"] .ant-timeline')) await new Promise((r) => setTimeout(r, 5));
  const styleKeeper = performance.now() - keeperStart;
  const firstPage = await drawList();
  // Opened again (the lawyer comes back to the list): components and data warm.
  const listAgain: { rows: number; complete: number }[] = [];
  for (let i = 0; i < 5; i++) listAgain.push(await drawList());
  const storeCount = await timeIt(() => db.consultations.count());
  const total = await countLiveConsultations(db);
  const firstPageWarm: number[] = [];
  for (let i = 0; i < 10; i++) firstPageWarm.push(await timeIt(() => newestConsultations(db, vault, SEE_ALL, 0, 50)));
  // The list builds its order index in the background after the first screen.
  const orderIndexCold = await timeIt(() => orderIndex(db));

  // Queries from records spread over the whole year (the order index is built by now).
  const order = await orderIndex(db);
  const spread = order.ids.filter((_, i) => i % Math.max(1, Math.floor(order.ids.length / 200)) === 0).slice(0, 200);
  const sample = { names: [] as string[], ids: [] as string[], cases: [] as string[] };
  for (const c of await loadConsultations(db, vault, SEE_ALL, spread)) {
    sample.names.push([...c.clientName].slice(0, 2).join(''));
    if (c.idNumber) sample.ids.push(c.idNumber.slice(6, 14));
    // Typed with half-width parentheses: stored with full-width ones.
    if (c.caseNumber) sample.cases.push(c.caseNumber.replace('（', '(').replace('）', ')'));
  }

  const runs = async (queries: string[]) => {
    const times: number[] = [];
    for (const q of queries.slice(0, 21)) times.push(await searchAndFirstPage(q));
    return times;
  };
  const names = await runs(sample.names);
  const ids = await runs(sample.ids);
  const cases = await runs(sample.cases);
  const words = await runs([
    '取保候审',
    '劳动仲裁',
    '具结书',
    '人身安全保护令',
    '赡养费',
    '工伤认定',
    '速裁程序',
    '借条',
    '诉讼时效',
    '会见',
    '家暴',
    '拖欠工资',
    '交通事故',
    '量刑建议',
    '保证人',
    '仲裁委员会',
    '书面申请',
    '转账记录',
    '伤情照片',
    '民事诉讼',
    '认罪认罚',
  ]);

  const saves: number[] = [];
  const afterSave: number[] = [];
  const actor = { id: 'lawyer-1', name: '张律师', role: 'lawyer' };
  // 51 saves back to back (a lawyer saves one every half minute or so): single saves vary
  // with IndexedDB's own background work on a freshly copied 100,000-record profile.
  for (let i = 0; i < 51; i++) {
    const c = makeConsultation(100_000 + i, Date.now() - 3600_000, 1000);
    const { ownerId: _o, ...input } = c;
    saves.push(await timeIt(() => createConsultation(db, vault, DEFAULT_ENUMERATIONS, input, actor)));
    // The list refreshes after a save: the order index follows the change instead of being rebuilt.
    afterSave.push(await searchAndFirstPage(sample.names[i % sample.names.length]!));
  }
  // Edits of a record merged long ago: its blocks change in place, one row per token gained or lost.
  const edits: number[] = [];
  const supervisor = { id: 'sup-1', name: '负责人', role: 'supervisor' };
  for (let i = 0; i < 11; i++) {
    const id = order.ids[order.ids.length - 1 - i * 97]!;
    const [old] = await loadConsultations(db, vault, SEE_ALL, [id]);
    const { id: _i, rev, createdAt: _c, updatedAt: _u, deleted: _d, ownerId: _o, ...input } = old!;
    edits.push(
      await timeIt(() =>
        editConsultation(db, vault, DEFAULT_ENUMERATIONS, id, { ...input, advice: `${input.advice ?? ''}，另告知可向法律援助中心申请复核` }, supervisor, rev),
      ),
    );
  }
  // One step of the background merge (MERGE_CHUNK of the saves above into the blocks),
  // and a save made while it runs, which waits for it.
  const tail = await db.tailTokens.count();
  const merging = timeIt(() => mergeTail(db));
  const { ownerId: _o2, ...during } = makeConsultation(100_100, Date.now() - 3600_000, 1000);
  const saveDuringMerge = await timeIt(() => createConsultation(db, vault, DEFAULT_ENUMERATIONS, during, actor));
  const mergeMs = await merging;
  return {
    records: total,
    ...(await anchors()),
    indexedDbStartupMs: backendStartup,
    databaseOpenMs: dbOpen,
    styleKeeperAtSignInMs: styleKeeper,
    listOpenColdMs: firstPage.rows,
    listPageCompleteColdMs: firstPage.complete,
    listOpenAgainMedianMs: median(listAgain.map((l) => l.rows)),
    listPageCompleteAgainMedianMs: median(listAgain.map((l) => l.complete)),
    storeCountMs: storeCount,
    firstPageWarmMedianMs: median(firstPageWarm),
    orderIndexColdMs: orderIndexCold,
    nameSearchMedianMs: median(names),
    nameSearchMaxMs: Math.max(...names),
    idSearchMedianMs: median(ids),
    idSearchMaxMs: Math.max(...ids),
    caseNumberSearchMedianMs: median(cases),
    caseNumberSearchMaxMs: Math.max(...cases),
    wordSearchMedianMs: median(words),
    wordSearchMaxMs: Math.max(...words),
    saveMedianMs: median(saves),
    saveP90Ms: [...saves].sort((a, b) => a - b)[Math.floor(saves.length * 0.9)]!,
    saveMaxMs: Math.max(...saves),
    nameSearchAfterSaveMedianMs: median(afterSave),
    editOldRecordMedianMs: median(edits),
    tailRecords: tail,
    mergeStepMs: mergeMs,
    saveDuringMergeMs: saveDuringMerge,
  };
}

/**
 * Issue 5's figure: a year of statistics over n consultations. The search index is left
 * out of the seed (statistics never read it, and it is what makes seeding 100,000 records
 * take most of an hour); the day buckets are built by the app's own rebuild, timed.
 */
async function seedForStatistics(n: number): Promise<{ seedMs: number; rebuildMs: number; buckets: number; mediations: number }> {
  (globalThis as { BENCH_NO_TOKENS?: boolean }).BENCH_NO_TOKENS = true;
  const seeded = await seed(n);
  await db.transaction('rw', [db.statFacts, db.meta, db.mediations], async () => {
    await db.statFacts.clear();
    await db.meta.delete(FACTS_BUILT);
    await db.mediations.clear();
  });
  const mediations = Math.round(n / 100);
  const store = mediationStore(db, vault);
  const rows = [];
  for (let i = 0; i < mediations; i++) {
    const date = new Date(Date.parse('2025-12-01T00:00:00Z') + (i % 360) * 86_400_000).toISOString().slice(0, 10);
    const at = `${date}T10:00:00+08:00`;
    const m = mediationInputSchema(DEFAULT_ENUMERATIONS).parse({
      type: 'pre_litigation',
      cause: '劳务合同纠纷',
      date,
      place: '诉讼服务中心',
      lawyerIds: [`lawyer-${1 + (i % 12)}`],
      parties: [
        { name: '申请人', role: 'applicant' },
        { name: '被申请人', role: 'respondent' },
      ],
      outcome: i % 3 === 0 ? 'no_agreement' : 'agreement',
      ...(i % 3 === 0 ? {} : { terms: '一次性支付', amountAgreed: String(1000 + i), paymentMethod: 'lump_sum', amountRecovered: String(500 + i) }),
    });
    rows.push(store.codec.encode({ ...m, ownerId: 'lawyer-1', id: crypto.randomUUID(), rev: 1, createdAt: at, updatedAt: at, deleted: false }));
  }
  await db.mediations.bulkAdd(await Promise.all(rows));
  const t0 = performance.now();
  const built = await rebuildStatFacts(db, vault);
  return { seedMs: seeded.ms, rebuildMs: performance.now() - t0, buckets: built.buckets, mediations };
}

/**
 * What the page draws once the figures are there: the charts (until recharts has put
 * its lines and bars in the DOM) and the first breakdown table, at a desktop width.
 */
async function drawPage(lawyers: { id: string; name: string }[]): Promise<number> {
  const facts = await factsBetween(db, vault, '2025-12-01', '2026-11-30');
  const report = computeStatistics({ period: { from: '2025-12-01', to: '2026-11-30' }, ...facts, lawyers, enums: DEFAULT_ENUMERATIONS, now: Date.now() });
  const tables = statisticsTables(report, DEFAULT_ENUMERATIONS, (k) => k);
  const host = document.createElement('div');
  host.style.width = '1200px';
  document.body.append(host);
  const root = createRoot(host);
  const t0 = performance.now();
  flushSync(() => root.render(createElement(Fragment, null, createElement(StatisticsCharts, { report }), createElement(StatTableView, { table: tables[1]! }))));
  while (host.querySelectorAll('.recharts-line').length < 3 || host.querySelectorAll('.recharts-bar-rectangle').length === 0) {
    await new Promise((r) => requestAnimationFrame(r));
  }
  const ms = performance.now() - t0;
  root.unmount();
  host.remove();
  return ms;
}

async function measureStatistics(): Promise<Record<string, number>> {
  await setup();
  const lawyers = Array.from({ length: 12 }, (_, i) => ({ id: `lawyer-${i + 1}`, name: `律师${i + 1}` }));
  const year = async () => {
    const t0 = performance.now();
    const facts = await factsBetween(db, vault, '2025-12-01', '2026-11-30');
    const t1 = performance.now();
    const report = computeStatistics({ period: { from: '2025-12-01', to: '2026-11-30' }, ...facts, lawyers, enums: DEFAULT_ENUMERATIONS, now: Date.now() });
    statisticsTables(report, DEFAULT_ENUMERATIONS, (k) => k);
    return { total: performance.now() - t0, gather: t1 - t0, compute: performance.now() - t1, consultations: report.total.consultations };
  };
  const cold = await year();
  const warm = [];
  for (let i = 0; i < 5; i++) warm.push(await year());
  const draws: number[] = [];
  for (let i = 0; i < 3; i++) draws.push(await drawPage(lawyers));
  const saves: number[] = [];
  const actor = { id: 'lawyer-1', name: '张律师', role: 'lawyer' };
  for (let i = 0; i < 21; i++) {
    const { ownerId: _o, ...input } = makeConsultation(200_000 + i, Date.now() - 3600_000, 1000);
    saves.push(await timeIt(() => createConsultation(db, vault, DEFAULT_ENUMERATIONS, input, actor)));
  }
  return {
    ...(await anchors()),
    consultationsInYear: cold.consultations,
    yearColdMs: cold.total,
    yearMedianMs: median(warm.map((w) => w.total)),
    gatherMedianMs: median(warm.map((w) => w.gather)),
    computeMedianMs: median(warm.map((w) => w.compute)),
    drawMedianMs: median(draws),
    pageMedianMs: median(warm.map((w) => w.total)) + median(draws),
    saveWithBucketMedianMs: median(saves),
  };
}

declare global {
  interface Window {
    bench: {
      seed: typeof seed;
      measure: typeof measure;
      checkGenerated: typeof checkGenerated;
      seedForStatistics: typeof seedForStatistics;
      measureStatistics: typeof measureStatistics;
      openForm: typeof openForm;
      keystrokes: typeof keystrokes;
      anchors: typeof anchors;
    };
  }
}
window.bench = { seed, measure, checkGenerated, seedForStatistics, measureStatistics, openForm, keystrokes, anchors };
