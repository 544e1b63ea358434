import type { Route } from './router';
import { EmptyArea } from '../ui/EmptyArea';

const EMPTY: Record<Exclude<Route, 'settings' | 'consultations' | 'shifts' | 'mediations'>, { title: string; description: string }> = {
  documents: { title: '还没有法律文书', description: '为当事人代写、打印的文书会编号存档在这里。' },
  batches: { title: '还没有报送批次', description: '导出给法律援助中心的签名数据批次及其历史会列在这里。' },
  statistics: { title: '还没有可统计的数据', description: '有了登记记录后，这里按期间、律师、帮助类型和特殊群体汇总。' },
};

export function AreaPage({ route }: { route: Exclude<Route, 'settings' | 'consultations' | 'shifts' | 'mediations'> }) {
  const empty = EMPTY[route];
  return <EmptyArea title={empty.title} description={empty.description} />;
}
