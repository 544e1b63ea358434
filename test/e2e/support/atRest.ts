import { expect, type Locator, type Page } from '@playwright/test';

/** The classes of antd's floating panels: dialogs, drawers, popconfirms and drop-down lists. */
const PANEL_CLASSES = ['ant-modal', 'ant-drawer-content-wrapper', 'ant-popover', 'ant-dropdown', 'ant-select-dropdown', 'ant-picker-dropdown'];

const hasClass = (name: string) => `contains(concat(' ', normalize-space(@class), ' '), ' ${name} ')`;

/** The nearest floating panel holding an element, or the element itself if it is one. */
const PANEL = `xpath=ancestor-or-self::*[${PANEL_CLASSES.map(hasClass).join(' or ')}][1]`;

/**
 * rc-motion's classes while a panel zooms, slides or fades in: `ant-zoom-appear`,
 * `ant-zoom-big-enter`, `ant-drawer-panel-motion-right-enter`, `ant-slide-up-appear` and the
 * rest; they are removed when the motion ends.
 */
const MOVING_IN = /(^|\s)ant-[\w-]+-(appear|enter)(\s|$)/;

/**
 * Waits until the floating panel holding `inside` (or being it) has stopped sliding or
 * zooming in, as a person waits before clicking in it. Under load a click aimed at a panel
 * still moving can press on a button and release beside it: the button takes the focus and
 * nothing happens. An element in no panel needs no wait.
 */
export async function panelAtRest(inside: Locator, timeout?: number): Promise<void> {
  await inside.waitFor({ state: 'visible', ...(timeout === undefined ? {} : { timeout }) });
  const panel = inside.locator(PANEL);
  if ((await panel.count()) === 0) return;
  await expect(panel).not.toHaveClass(MOVING_IN, timeout === undefined ? {} : { timeout });
}

type Method = (this: Locator, ...args: unknown[]) => Promise<void>;
type ClickOptions = { force?: boolean; trial?: boolean; timeout?: number } | undefined;

/** The clicking methods of a Locator, each with the place of its options among its arguments. */
const CLICKING = { click: 0, dblclick: 0, check: 0, uncheck: 0, setChecked: 1 } as const;

let installed = false;

/**
 * Makes every click, double click and check of the e2e specs wait first for the panel it
 * lands in to be at rest (`panelAtRest`), so that no spec has to remember it before each
 * click in a dialog, drawer or popconfirm: the lost clicks of the five-run series were all
 * of that kind, each in a different spec. A forced or trial click is left as it is.
 * Installed once per worker, on the prototype that every Locator shares.
 */
export function installClickAtRest(page: Page): void {
  if (installed) return;
  installed = true;
  const proto = Object.getPrototypeOf(page.locator('body')) as Record<keyof typeof CLICKING, Method>;
  for (const [name, at] of Object.entries(CLICKING) as [keyof typeof CLICKING, number][]) {
    const original = proto[name];
    proto[name] = async function (this: Locator, ...args: unknown[]) {
      const options = args[at] as ClickOptions;
      if (!options?.force && !options?.trial) await panelAtRest(this, options?.timeout);
      return original.apply(this, args);
    };
  }
}
