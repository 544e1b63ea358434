import { createElement } from 'react';
import type { ConfigProviderProps } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import zhCN from 'antd/locale/zh_CN';

/** Ant Design's settings for the whole app (the bench draws pages with the same). */
export const ANTD_CONFIG: ConfigProviderProps = {
  locale: zhCN,
  button: { autoInsertSpace: false },
  // The search button's name comes from its icon, which Ant Design labels "search".
  inputSearch: { searchIcon: createElement(SearchOutlined, { 'aria-label': '搜索' }) },
  theme: { token: { colorPrimary: '#1f4e8c', borderRadius: 4 } },
};
