import { useEffect, useRef } from 'react';
import { Empty, Skeleton, Tag, Typography } from 'antd';
import { useVirtualizer } from '@tanstack/react-virtual';
import dayjs from 'dayjs';
import { labelOf } from '../../../../core/domain/enums';
import { REQUEST_KINDS } from '../../../../core/consultations/schema';
import { useStation } from '../../state/StationContext';
import { transferClockOf } from '../../../../core/consultations/transferDeadline';
import { TransferTag } from './TransferTag';
import type { ConsultationList } from './useConsultationList';

const ROW_HEIGHT = 56;
const COLUMNS = '150px 150px 110px 1fr 130px 120px';

/** The consultation log as a virtualised list: only the rows on screen exist in the DOM. */
export function ConsultationTable({ list, lawyerNames, onOpen }: { list: ConsultationList; lawyerNames: Map<string, string>; onOpen(id: string): void }) {
  const { enums } = useStation();
  const parent = useRef<HTMLDivElement>(null);
  const count = list.total ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensure } = list;
  useEffect(() => {
    if (count > 0) ensure(first, last + 1);
  }, [first, last, count, ensure]);

  if (list.total === 0) {
    return <Empty style={{ padding: 48 }} description={list.problem ?? '没有符合条件的登记'} />;
  }

  return (
    <div role="table" aria-label="咨询登记列表" aria-rowcount={count} style={{ background: '#fff', border: '1px solid #f0f0f0', borderRadius: 6 }}>
      <div
        role="row"
        style={{
          display: 'grid',
          gridTemplateColumns: COLUMNS,
          padding: '8px 12px',
          background: '#fafafa',
          fontWeight: 600,
          borderBottom: '1px solid #f0f0f0',
        }}
      >
        <span role="columnheader">接待时间</span>
        <span role="columnheader">来访人</span>
        <span role="columnheader">案件类型</span>
        <span role="columnheader">帮助与咨询事项</span>
        <span role="columnheader">值班律师</span>
        <span role="columnheader">法律援助</span>
      </div>
      <div ref={parent} style={{ height: 'calc(100vh - 330px)', minHeight: 240, overflow: 'auto' }} data-testid="consultation-scroll">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const c = list.at(item.index);
            return (
              <div
                key={item.key}
                role="row"
                tabIndex={0}
                data-testid="consultation-row"
                onClick={() => c && onOpen(c.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && c) onOpen(c.id);
                }}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                  display: 'grid',
                  gridTemplateColumns: COLUMNS,
                  alignItems: 'center',
                  padding: '0 12px',
                  borderBottom: '1px solid #f5f5f5',
                  cursor: 'pointer',
                }}
              >
                {c ? (
                  <>
                    <span role="cell">{dayjs(c.time).format('YYYY-MM-DD HH:mm')}</span>
                    <span role="cell">
                      <Typography.Text strong>{c.clientName}</Typography.Text>
                      <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                        {labelOf(enums.clientRoles, c.clientRole)}
                      </Typography.Text>
                    </span>
                    <span role="cell">{labelOf(enums.caseTypes, c.caseType)}</span>
                    <span role="cell" style={{ overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }}>
                      {c.withheld ? (
                        // The request view: a lawyer's contact on the transfer queue, or a colleague's request.
                        <Tag color="purple">{c.requestKind ? `在押人员${labelOf(REQUEST_KINDS, c.requestKind)}` : '法律援助申请'}</Tag>
                      ) : c.helpTypes.length > 0 ? (
                        c.helpTypes.map((h) => labelOf(enums.helpTypes, h)).join('、')
                      ) : (
                        <Tag color="purple">在押人员{labelOf(REQUEST_KINDS, c.requestKind ?? '')}</Tag>
                      )}
                      <Typography.Text type="secondary"> · {c.withheld ? '咨询内容无权查看' : c.question}</Typography.Text>
                    </span>
                    <span role="cell">{(c.lawyerId && lawyerNames.get(c.lawyerId)) || '—'}</span>
                    <span role="cell">
                      {transferClockOf(c) ? (
                        <TransferTag record={c} now={Date.now()} />
                      ) : (
                        c.legalAidOutcome !== 'not_needed' && <Tag color="blue">{labelOf(enums.legalAidOutcomes, c.legalAidOutcome)}</Tag>
                      )}
                      {c.specialGroups.length > 0 && <Tag>{labelOf(enums.specialGroups, c.specialGroups[0]!)}</Tag>}
                    </span>
                  </>
                ) : (
                  <Skeleton active paragraph={false} title={{ width: '90%' }} style={{ gridColumn: '1 / -1' }} />
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
