// Renders build/icons/icon.svg to the 1024 px PNG electron-builder turns into .ico/.icns.
// Run: npx tsx build/scripts/render-icon.ts
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHROMIUM_ARGS, chromiumPath } from '../../test/harness/harness';

const dir = resolve(import.meta.dirname, '../icons');
const svg = readFileSync(resolve(dir, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.screenshot({ path: resolve(dir, 'icon.png'), omitBackground: true });
await browser.close();
