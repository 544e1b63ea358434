import { startTransition, useEffect, useState } from 'react';
import { Badge, Checkbox, DatePicker, Descriptions, Empty, Input, InputNumber, Radio, Select, Skeleton, Table, Tabs, Tag, Timeline, Typography } from 'antd';

/**
 * One hidden instance of each heavy Ant Design component the pages use, mounted from the
 * sign-in screen on. Ant Design computes a component's styles when the first instance
 * mounts and drops them when the last one unmounts; with these kept mounted, opening a
 * page (the consultation list after sign-in, every page after navigating) skips that work
 * (docs/PERFORMANCE.md). Drawn when the browser is idle, so start-up is not delayed.
 */
export function StyleKeeper() {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const id = requestIdleCallback(() => startTransition(() => setShown(true)), { timeout: 3000 });
    return () => cancelIdleCallback(id);
  }, []);
  if (!shown) return null;
  return (
    <div aria-hidden style={{ display: 'none' }} data-testid="style-keeper">
      <Tabs items={[{ key: 'k', label: 'k' }]} />
      <Input.Search />
      <Select options={[]} />
      <Select mode="multiple" options={[]} />
      <DatePicker />
      <DatePicker.RangePicker />
      <InputNumber />
      <Checkbox />
      <Radio.Group options={['k']} optionType="button" />
      <Badge count={1} />
      <Tag>k</Tag>
      <Typography.Text>k</Typography.Text>
      <Skeleton active paragraph={false} />
      <Empty />
      <Table columns={[{ title: 'k', dataIndex: 'k' }]} dataSource={[]} pagination={false} />
      <Descriptions items={[{ key: 'k', label: 'k', children: 'k' }]} />
      <Timeline items={[{ children: 'k' }]} />
    </div>
  );
}
