import { useState } from 'react';
import { Tabs } from 'antd';
import { navigate, useRoute } from '../../state/router';
import { CurrentShift } from './CurrentShift';
import { ShiftHistory } from './ShiftHistory';
import { DutyRoster } from './DutyRoster';

/** 值班: sign in and out, the shift logs, and the roster. `#/shifts?log=<id>` opens a log. */
export function ShiftsPage() {
  const { params } = useRoute();
  const logId = params.get('log');
  const [tab, setTab] = useState(logId ? 'history' : 'current');
  const activeTab = logId ? 'history' : tab;
  return (
    <Tabs
      activeKey={activeTab}
      onChange={(k) => {
        if (logId) navigate('shifts');
        setTab(k);
      }}
      items={[
        { key: 'current', label: '签到 / 签退', children: <CurrentShift /> },
        {
          key: 'history',
          label: '值班记录',
          children: (
            <ShiftHistory
              key={logId ?? ''}
              openLogId={logId}
              onCloseLog={() => {
                setTab('history');
                if (logId) navigate('shifts');
              }}
            />
          ),
        },
        { key: 'roster', label: '排班表', children: <DutyRoster /> },
      ]}
    />
  );
}
