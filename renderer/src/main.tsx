import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App as AntApp, ConfigProvider } from 'antd';
import { App } from './app/App';
import { ANTD_CONFIG } from './app/antdConfig';
import './app/global.css';
import './print.css';
import { installChineseValidationMessages } from '../../core/validation/zodLocale';
import { translateEnglishA11yText } from './ui/chineseA11yText';
import { keepClearButtonsOutOfTabOrder } from './ui/clearButtons';

dayjs.locale('zh-cn');
installChineseValidationMessages();

const root = document.getElementById('root')!;
translateEnglishA11yText(document.body);
keepClearButtonsOutOfTabOrder(document.body);

createRoot(root).render(
  <StrictMode>
    <ConfigProvider {...ANTD_CONFIG}>
      <AntApp style={{ height: '100%' }}>
        <App />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
