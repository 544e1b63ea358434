import { useCallback, useEffect, useState } from 'react';
import { Space } from 'antd';
import type { BatchHistoryEntry, DeliveryState } from '../../../../core/api/contract';
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
  const [delivery, setDelivery] = useState<DeliveryState | null>(null);
  const [focus, setFocus] = useState<string | null>(null);
  const reload = useCallback(() => {
    void window.station.batch.history().then(setHistory);
    void window.station.delivery.state().then(setDelivery, () => setDelivery(null));
  }, []);
  useEffect(reload, [reload]);
  // Uploads run in main: while one is under way or waiting for its next try, the page follows it.
  const active = delivery?.uploads.some((u) => u.state === 'uploading' || u.state === 'waiting') ?? false;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(reload, 1000);
    return () => clearInterval(timer);
  }, [active, reload]);
  const mayExport = can(session.actor.role, 'batch.export');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {mayExport && <ExportPanel onExported={reload} />}
      {mayExport && <HistoryPanel history={history} delivery={delivery} onChanged={reload} />}
      <ImportPanel onImported={setFocus} />
      <ImportedRecords focus={focus} />
    </Space>
  );
}
