import { useCallback, useEffect, useRef, useState } from 'react';
import { liveQuery } from 'dexie';
import { db } from '../../db';
import {
  countLiveConsultations,
  loadConsultations,
  newestConsultations,
  orderIndex,
  queryConsultations,
  viewsAllConsultations,
  type ConsultationQuery,
  type VisibleConsultation,
} from '../../db/consultations';
import type { Vault } from '../../db/vault';
import type { Viewer } from '../../../../core/access/recordViews';

const PAGE = 50;

export interface ConsultationList {
  /** Number of matching records, or null while counting. */
  total: number | null;
  problem?: string;
  /** The record at a position, once its page is loaded. */
  at(index: number): VisibleConsultation | undefined;
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
export function useConsultationList(vault: Vault, viewer: Viewer, query: ConsultationQuery): ConsultationList {
  const viewerId = viewer.id;
  const viewerRole = viewer.role;
  const [total, setTotal] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | undefined>();
  const [version, setVersion] = useState(0);
  const rows = useRef(new Map<number, VisibleConsultation>());
  const loading = useRef(new Set<number>());
  const ids = useRef<string[] | null>(null);
  const generation = useRef(0);
  const queryKey = JSON.stringify(query);

  /** One page of the list (matching ids, or the newest records), by position. */
  const readPage = useCallback(
    async (page: number, idList: string[] | null): Promise<[number, VisibleConsultation][]> => {
      const start = page * PAGE;
      const reader = { id: viewerId, role: viewerRole };
      if (!idList) return (await newestConsultations(db, vault, reader, start, PAGE)).map((r, i) => [start + i, r]);
      const slice = idList.slice(start, start + PAGE);
      const byId = new Map((await loadConsultations(db, vault, reader, slice)).map((r) => [r.id, r]));
      return slice.flatMap((id, i): [number, VisibleConsultation][] => {
        const r = byId.get(id);
        return r ? [[start + i, r]] : [];
      });
    },
    [vault, viewerId, viewerRole],
  );

  const loadPage = useCallback(
    async (page: number, gen: number) => {
      if (loading.current.has(page)) return;
      loading.current.add(page);
      try {
        const entries = await readPage(page, ids.current);
        if (gen !== generation.current) return;
        for (const [i, r] of entries) rows.current.set(i, r);
        setVersion((v) => v + 1);
      } finally {
        loading.current.delete(page);
      }
    },
    [readPage],
  );

  useEffect(() => {
    const parsedQuery = JSON.parse(queryKey) as ConsultationQuery;
    const run = async () => {
      const gen = ++generation.current;
      let nextIds: string[] | null = null;
      let nextProblem: string | undefined;
      let count: number;
      const reader = { id: viewerId, role: viewerRole };
      // Someone who may not read every record sees the ones he may: the list asks for them.
      if (isEmptyQuery(parsedQuery) && viewsAllConsultations(reader)) {
        count = await countLiveConsultations(db);
      } else {
        const result = await queryConsultations(db, vault, reader, parsedQuery);
        nextIds = result.ids;
        nextProblem = result.problem;
        count = result.ids.length;
      }
      // The first screen is read before anything changes on screen: the list goes from the
      // old rows to the new ones in one render, without a pass of placeholders between.
      const first = count > 0 ? await readPage(0, nextIds) : [];
      if (gen !== generation.current) return;
      ids.current = nextIds;
      rows.current = new Map(first);
      loading.current = new Set();
      setProblem(nextProblem);
      setTotal(count);
      setVersion((v) => v + 1);
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
  }, [queryKey, vault, viewerId, viewerRole, readPage]);

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
