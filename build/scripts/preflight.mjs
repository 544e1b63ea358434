// `npm test` preflight: the suite needs a few system programs that npm cannot install.
// Say exactly which are missing and how to get them, instead of failing deep inside a spec.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, delimiter } from 'node:path';

const require = createRequire(import.meta.url);

function onPath(program) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, program)));
}

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Looks for a CJK face where fontconfig looks, a few levels down. */
function hasCjkFont(dirs = ['/usr/share/fonts', '/usr/local/share/fonts', join(process.env.HOME ?? '/root', '.fonts')]) {
  const pattern = /(noto(sans|serif)cjk|sourcehan|wqy|droidsansfallback)/i;
  const walk = (dir, depth) => {
    let entries;
    try {
      entries = readdirSync(dir);
    } catch {
      return false;
    }
    for (const name of entries) {
      if (pattern.test(name)) return true;
      const full = join(dir, name);
      if (depth > 0) {
        try {
          if (statSync(full).isDirectory() && walk(full, depth - 1)) return true;
        } catch {
          /* unreadable entry: keep looking */
        }
      }
    }
    return false;
  };
  return dirs.some((d) => walk(d, 4));
}

const target = process.env.STATION_E2E_TARGET;
const needsChromium = target === 'harness' || (target !== 'electron' && !electronBinary());
const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].some((p) => p && existsSync(p));

const missing = [];
if (needsChromium && !chromium) {
  missing.push({ what: 'Chromium（端到端测试在没有 Electron 时用它打开应用 / runs the e2e specs where Electron is absent）', apt: 'chromium' });
}
if (!onPath('pdftotext') || !onPath('pdftoppm')) {
  missing.push({ what: 'poppler-utils 的 pdftotext、pdftoppm（检查生成的 PDF / read the generated PDFs）', apt: 'poppler-utils' });
}
if (!hasCjkFont()) {
  missing.push({ what: '中文字体（界面截图和浏览器显示汉字 / CJK glyphs in the browser）', apt: 'fonts-noto-cjk' });
}

if (missing.length > 0) {
  console.error('\n测试需要以下系统软件，当前缺少 / The tests need these system packages, missing here:\n');
  for (const m of missing) console.error(`  - ${m.what}`);
  console.error(`\n在 Debian/Ubuntu 上安装 / install on Debian or Ubuntu:\n  sudo apt-get install ${missing.map((m) => m.apt).join(' ')}\n`);
  if (needsChromium && !chromium) console.error('已安装的 Chromium 不在默认位置时，设置 CHROMIUM_PATH 指向它。\n');
  process.exit(1);
}
