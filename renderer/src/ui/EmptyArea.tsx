import type { ReactNode } from 'react';
import { Card, Empty } from 'antd';

/** An area with no records yet: says so plainly, and what will appear here. */
export function EmptyArea({ title, description, action }: { title: string; description: string; action?: ReactNode }) {
  return (
    <Card>
      <Empty
        description={
          <>
            <div style={{ fontSize: 16, marginBottom: 4 }}>{title}</div>
            <div style={{ color: 'rgba(0,0,0,0.45)' }}>{description}</div>
          </>
        }
      >
        {action}
      </Empty>
    </Card>
  );
}
