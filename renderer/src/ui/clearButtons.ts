/**
 * Ant Design draws a field's clear button (✖) as a real button, added once the field holds
 * a value: a field filled while the user types elsewhere (gender and birth date from the ID
 * number) would grow an extra Tab stop, and Tab would land somewhere else than a moment
 * before. Kept out of the Tab order, every clear button still answers the mouse.
 */
const CLEAR_BUTTONS = 'button.ant-select-clear, button.ant-picker-clear, button.ant-input-clear-icon';

function untab(el: Element): void {
  if (el.matches(CLEAR_BUTTONS)) el.setAttribute('tabindex', '-1');
  for (const button of el.querySelectorAll(CLEAR_BUTTONS)) button.setAttribute('tabindex', '-1');
}

/** Watches only added elements: typing into a field adds none. */
export function keepClearButtonsOutOfTabOrder(root: HTMLElement): () => void {
  untab(root);
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) untab(node);
  });
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
