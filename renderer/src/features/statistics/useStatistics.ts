import { useEffect, useState } from 'react';
import { computeStatistics, type StatisticsReport } from '../../../../core/statistics/compute';
import { statisticsTables, type StatTable } from '../../../../core/statistics/tables';
import { documentKindLabel } from '../../../../core/documents/templates/index';
import type { Enumerations } from '../../../../core/domain/enums';
import { db } from '../../db';
import { factsBetween } from '../../db/statFacts';
import { listLawyers } from '../../db/lawyers';
import type { Vault } from '../../db/vault';

export interface StatisticsView {
  report: StatisticsReport;
  tables: StatTable[];
  /** How long reading and computing took, shown for the supervisor's patience. */
  ms: number;
}

/** Reads the period's facts and computes the report with the one core function. */
export function useStatistics(vault: Vault, enums: Enumerations, from: string, to: string, lawyerId: string | undefined, refresh: number) {
  const [view, setView] = useState<StatisticsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const t0 = performance.now();
    void (async () => {
      try {
        const [facts, lawyers] = await Promise.all([factsBetween(db, vault, from, to), listLawyers(db)]);
        const report = computeStatistics({
          period: { from, to },
          ...facts,
          lawyers: lawyers.map((l) => ({ id: l.id, name: l.name })),
          enums,
          now: Date.now(),
          ...(lawyerId ? { lawyerId } : {}),
        });
        const tables = statisticsTables(report, enums, documentKindLabel);
        if (live) {
          setView({ report, tables, ms: performance.now() - t0 });
          setError(null);
        }
      } catch (err) {
        if (live) setError(err instanceof Error ? err.message : String(err));
      }
    })();
    return () => {
      live = false;
    };
  }, [vault, enums, from, to, lawyerId, refresh]);
  return { view, error };
}
