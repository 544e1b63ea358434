import type { ConfigProviderProps } from 'antd';
import zhCN from 'antd/locale/zh_CN';

/** Ant Design's settings for the whole app (the bench draws pages with the same). */
export const ANTD_CONFIG: ConfigProviderProps = {
  locale: zhCN,
  button: { autoInsertSpace: false },
  theme: { token: { colorPrimary: '#1f4e8c', borderRadius: 4 } },
};
