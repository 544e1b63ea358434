import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchHarness } from './harness';

/**
 * `npm run preview`: the app in a Chromium window, with the real main-process services
 * in this Node process. For machines without the Electron binary.
 *   --data-dir <dir>   profile folder (default ~/.duty-lawyer-station-preview)
 *   --headless         no window (for checking the preview itself on a server)
 */
const args = process.argv.slice(2);
const dirFlag = args.indexOf('--data-dir');
const dataDir = resolve(dirFlag >= 0 && args[dirFlag + 1] ? args[dirFlag + 1]! : join(homedir(), '.duty-lawyer-station-preview'));
const headless = args.includes('--headless');

if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux') {
  console.error('没有图形界面（DISPLAY 未设置）。请在桌面环境中运行，或使用 `xvfb-run npm run preview`，或加 `-- --headless`。');
  process.exit(1);
}

mkdirSync(dataDir, { recursive: true });
const harness = await launchHarness({ dataDir, headless, viewport: null });
console.log(`值班律师工作站（浏览器预览）已打开。数据目录：${dataDir}`);
console.log('关闭浏览器窗口或按 Ctrl+C 退出。');
const stop = async () => {
  await harness.close().catch(() => {});
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
harness.context.on('close', () => process.exit(0));
