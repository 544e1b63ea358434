import { expect, type Locator } from '@playwright/test';

const PANEL = `xpath=ancestor-or-self::*[contains(concat(' ', normalize-space(@class), ' '), ' ant-modal ') or contains(concat(' ', normalize-space(@class), ' '), ' ant-drawer-content-wrapper ')][1]`;

/**
 * Waits until the drawer or dialog holding `inside` (or being it) has stopped sliding or
 * zooming in, as a person waits before clicking in it. Under load a click aimed at a panel
 * still moving can press on a button and release beside it: the button takes the focus and
 * nothing happens.
 */
export async function panelAtRest(inside: Locator): Promise<void> {
  const panel = inside.locator(PANEL);
  await expect(panel).toBeVisible();
  await expect(panel).not.toHaveClass(/panel-motion|zoom-(appear|enter)/);
}

/** The record's drawer, once it has stopped moving. */
export const drawerAtRest = panelAtRest;
