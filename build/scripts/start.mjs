// `npm start`: builds and opens the Electron app, or says plainly why it cannot.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    return require('electron');
  } catch {
    return null;
  }
}

// Dependencies' install scripts do not run (.npmrc ignore-scripts), so Electron's own
// downloader has not run yet on a fresh install: try it once here (it fails fast without network).
if (!electronBinary() && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('正在下载 Electron 可执行文件… (fetching the Electron binary)');
  spawnSync(process.execPath, [require.resolve('electron/install.js')], { stdio: 'inherit' });
}

if (!electronBinary()) {
  console.error(`
未找到 Electron 可执行文件（安装时跳过了下载，或下载失败）。The Electron binary is missing.

  有网络时获取 / to fetch it:   node node_modules/electron/install.js
  已有离线包 / offline zip:      设置 ELECTRON_OVERRIDE_DIST_PATH 指向解压后的 Electron 目录

没有 Electron 时，可以在 Chromium 浏览器窗口中打开同一个应用（后台服务相同）：
  npm run preview
`);
  process.exit(1);
}

const result = spawnSync('npx', ['electron-vite', 'preview'], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
