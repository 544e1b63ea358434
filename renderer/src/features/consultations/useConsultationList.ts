import { useCallback, useEffect, useRef, useState } from 'react';
import { liveQuery } from 'dexie';
import { db } from '../../db';
import {
  countLiveConsultations,
  loadConsultations,
  newestConsultations,
  orderIndex,
  queryConsultations,
  type ConsultationQuery,
  type StoredConsultation,
} from '../../db/consultations';
import type { Vault } from '../../db/vault';

const PAGE = 50;

export interface ConsultationList {
  /** Number of matching records, or null while counting. */
  total: number | null;
  problem?: string;
  /** The record at a position, once its page is loaded. */
  at(index: number): StoredConsultation | undefined;
  /** Loads the pages covering [start, end). */
  ensure(start: number, end: number): void;
  /** Bumped whenever rows arrive, so the list re-renders. */
  version: number;
}

function isEmptyQuery(q: ConsultationQuery): boolean {
  return !Object.values(q).some((v) => (typeof v === 'string' ? v.trim() !== '' : Boolean(v)));
}

/**
 * A windowed view of the consultation log: only the pages on screen are read and
 * decrypted. Without filters it walks the time index directly (so the first screen does
 * not wait for 100,000 keys); with filters it asks the repository for the matching ids
 * and reads pages of those. It reloads when the table changes (another save, an undo).
 */
export function useConsultationList(vault: Vault, query: ConsultationQuery): ConsultationList {
  const [total, setTotal] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | undefined>();
  const [version, setVersion] = useState(0);
  const rows = useRef(new Map<number, StoredConsultation>());
  const loading = useRef(new Set<number>());
  const ids = useRef<string[] | null>(null);
  const generation = useRef(0);
  const queryKey = JSON.stringify(query);

  const loadPage = useCallback(
    async (page: number, gen: number) => {
      if (loading.current.has(page)) return;
      loading.current.add(page);
      try {
        const start = page * PAGE;
        const records = ids.current
          ? await loadConsultations(db, vault, ids.current.slice(start, start + PAGE))
          : await newestConsultations(db, vault, start, PAGE);
        if (gen !== generation.current) return;
        if (ids.current) {
          const byId = new Map(records.map((r) => [r.id, r]));
          ids.current.slice(start, start + PAGE).forEach((id, i) => {
            const r = byId.get(id);
            if (r) rows.current.set(start + i, r);
          });
        } else {
          records.forEach((r, i) => rows.current.set(start + i, r));
        }
        setVersion((v) => v + 1);
      } finally {
        loading.current.delete(page);
      }
    },
    [vault],
  );

  useEffect(() => {
    const parsedQuery = JSON.parse(queryKey) as ConsultationQuery;
    const run = async () => {
      const gen = ++generation.current;
      rows.current = new Map();
      loading.current = new Set();
      if (isEmptyQuery(parsedQuery)) {
        ids.current = null;
        const count = await countLiveConsultations(db);
        if (gen !== generation.current) return;
        setProblem(undefined);
        setTotal(count);
      } else {
        const result = await queryConsultations(db, vault, parsedQuery);
        if (gen !== generation.current) return;
        ids.current = result.ids;
        setProblem(result.problem);
        setTotal(result.ids.length);
      }
      await loadPage(0, gen);
      // Build the order index while the lawyer reads the first screen, so the first search does not wait for it.
      void orderIndex(db).catch(() => undefined);
    };
    // Re-run when any consultation changes; the first emission runs it once. Reading one
    // row over the table's whole key range subscribes to every write of the table; a
    // count() would subscribe alike but walks 100,000 keys in Chromium (~330 ms).
    const subscription = liveQuery(() => db.consultations.limit(1).toArray()).subscribe({
      next: () => void run(),
    });
    return () => subscription.unsubscribe();
  }, [queryKey, vault, loadPage]);

  const ensure = useCallback(
    (start: number, end: number) => {
      for (let page = Math.floor(start / PAGE); page <= Math.floor(Math.max(start, end - 1) / PAGE); page++) {
        if (!rows.current.has(page * PAGE)) void loadPage(page, generation.current);
      }
    },
    [loadPage],
  );

  return { total, problem, at: (i) => rows.current.get(i), ensure, version };
}
