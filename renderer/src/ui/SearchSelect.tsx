import type { KeyboardEvent } from 'react';
import { Select, type SelectProps } from 'antd';

/** Typing filters the options by their Chinese label (never by the stored code). */
export const SEARCH_BY_LABEL = { optionFilterProp: 'label' } as const;

/**
 * Ant Design's select picks the highlighted option on Tab while its list is open, and then
 * keeps the focus: the next keys land in the select again. Stopped before the select sees
 * it, Tab leaves the field as in any other input; Enter is what picks.
 */
function tabMovesOn(e: KeyboardEvent) {
  if (e.key === 'Tab') e.stopPropagation();
}

/**
 * The app's select: type to filter, Enter to pick, Tab to move on. Every select of the
 * renderer is this one, so the keys behave the same in every form and filter bar.
 */
export function SearchSelect<V = unknown>(props: SelectProps<V>) {
  // Ant Design hands props it does not know to the select's root element; its types do not list this one.
  const onRoot = { onKeyDownCapture: tabMovesOn } as SelectProps<V>;
  return <Select<V> showSearch={SEARCH_BY_LABEL} {...props} {...onRoot} />;
}
