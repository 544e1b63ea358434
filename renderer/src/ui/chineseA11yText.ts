/**
 * Two English strings that Ant Design's building blocks hard-code with no locale entry
 * and, for tabs, no prop: the select's clear button is named "Clear", and a focused tab
 * announces "Tab 1 of 2" to screen readers. Both appear in forms this module does not
 * own, so they are translated where they enter the page: only added nodes are looked
 * at, and typing into a field adds none.
 */
const TAB_POSITION = /^Tab (\d+) of (\d+)$/;

function translate(el: Element): void {
  if (el.getAttribute('aria-label') === 'Clear') el.setAttribute('aria-label', '清除');
  for (const clear of el.querySelectorAll('[aria-label="Clear"]')) clear.setAttribute('aria-label', '清除');
  for (const live of el.matches('[aria-live]') ? [el] : el.querySelectorAll('[aria-live]')) {
    for (const text of live.childNodes) if (text.nodeType === Node.TEXT_NODE) translateText(text);
  }
}

/** In place, so React keeps the text node it owns and can update it later. */
function translateText(text: Node): void {
  const match = TAB_POSITION.exec(text.nodeValue ?? '');
  if (match) text.nodeValue = `第 ${match[1]} 个标签，共 ${match[2]} 个`;
}

export function translateEnglishA11yText(root: HTMLElement): () => void {
  translate(root);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) translate(node);
      if (record.type === 'attributes' && record.target instanceof Element) translate(record.target);
      if (record.type === 'characterData') translateText(record.target);
    }
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['aria-label'] });
  return () => observer.disconnect();
}
