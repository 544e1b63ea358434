import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App as AntApp, ConfigProvider } from 'antd';
import { App } from './app/App';
import { ANTD_CONFIG } from './app/antdConfig';
import './app/global.css';
import './print.css';

dayjs.locale('zh-cn');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider {...ANTD_CONFIG}>
      <AntApp style={{ height: "100%" }}>
        <App />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
