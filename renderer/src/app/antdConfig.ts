import { createElement, useMemo, useSyncExternalStore } from 'react';
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

const REDUCE_MOTION = '(prefers-reduced-motion: reduce)';

/** Under "reduce motion" panels still open and close the same way, in a hundredth of a second. */
const BRIEF_MOTION = { motionDurationFast: '0.01s', motionDurationMid: '0.01s', motionDurationSlow: '0.01s' };

function subscribeToMotion(changed: () => void): () => void {
  const query = matchMedia(REDUCE_MOTION);
  query.addEventListener('change', changed);
  return () => query.removeEventListener('change', changed);
}

/**
 * The system's "reduce motion" setting (Windows: 在 Windows 中显示动画 off), followed live:
 * drawers and dialogs open in a hundredth of a second instead of sliding and zooming for a third,
 * so a click never lands on a panel still moving in. The e2e runs ask for it too: under load
 * a click aimed at a moving panel pressed a button and released beside it.
 */
export function useAntdConfig(): ConfigProviderProps {
  const reduce = useSyncExternalStore(subscribeToMotion, () => matchMedia(REDUCE_MOTION).matches);
  return useMemo(() => (reduce ? { ...ANTD_CONFIG, theme: { token: { ...ANTD_CONFIG.theme?.token, ...BRIEF_MOTION } } } : ANTD_CONFIG), [reduce]);
}
