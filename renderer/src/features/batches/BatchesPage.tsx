import { useCallback, useEffect, useState } from 'react';
import { Space } from 'antd';
import type { BatchHistoryEntry } from '../../../../core/api/contract';
import { useSession } from '../../session/SessionContext';
import { can } from '../../../../core/access/permissions';
import { ExportPanel } from './ExportPanel';
import { HistoryPanel } from './HistoryPanel';
import { ImportPanel } from './ImportPanel';
import { ImportedRecords } from './ImportedRecords';

/** 数据报送: what is pending, the export, the history, and batches from other stations. */
export function BatchesPage() {
  const session = useSession();
  const [history, setHistory] = useState<BatchHistoryEntry[] | null>(null);
  const [focus, setFocus] = useState<string | null>(null);
  const reload = useCallback(() => void window.station.batch.history().then(setHistory), []);
  useEffect(reload, [reload]);
  const mayExport = can(session.actor.role, 'batch.export');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {mayExport && <ExportPanel onExported={reload} />}
      {mayExport && <HistoryPanel history={history} onChanged={reload} />}
      <ImportPanel onImported={setFocus} />
      <ImportedRecords focus={focus} />
    </Space>
  );
}
