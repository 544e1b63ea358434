import { expect, type Locator } from '@playwright/test';

/**
 * Waits until the drawer holding `inside` has stopped sliding in, as a person waits before
 * clicking in it. Under load a click aimed at a panel still moving can press on a button and
 * release beside it: the button takes the focus and nothing happens.
 */
export async function drawerAtRest(inside: Locator): Promise<void> {
  const panel = inside.page().locator('.ant-drawer-content-wrapper').filter({ has: inside });
  await expect(panel).toBeVisible();
  await expect(panel).not.toHaveClass(/panel-motion/);
}
