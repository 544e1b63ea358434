import { basename } from 'node:path';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { publicKeyFingerprint } from '../../core/batch/keys';
import { verifyZipFile } from '../services/batch/zipArchive';

/**
 * The receiving side's verifier, on the same core code as the app:
 *   npm run batch -- verify <file.zip> [--previous <manifest sha256>] [--previous-sequence N] [--public-key <base64>] [--json]
 * Exit 0: the batch is valid. Exit 1: it is not (reasons on stderr). Exit 2: usage.
 */
const USAGE = `用法: npm run batch -- verify <批次文件.zip> [--previous <上一批次清单 SHA-256>] [--previous-sequence <序号>] [--public-key <登记的公钥 base64>] [--json]`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        previous: { type: 'string' },
        'previous-sequence': { type: 'string' },
        'public-key': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [command, file] = positionals;
  if (command !== 'verify' || !file || positionals.length > 2) {
    console.error(USAGE);
    return 2;
  }
  if (!existsSync(file)) {
    console.error(`找不到文件：${file}`);
    return 2;
  }
  if (values.previous !== undefined && !/^[0-9a-f]{64}$/.test(values.previous)) {
    console.error('--previous 应为 64 位小写十六进制 SHA-256');
    return 2;
  }
  const previousSequence = values['previous-sequence'] === undefined ? undefined : Number(values['previous-sequence']);
  if (previousSequence !== undefined && (!Number.isInteger(previousSequence) || previousSequence < 1)) {
    console.error('--previous-sequence 应为正整数');
    return 2;
  }
  if (previousSequence !== undefined && values.previous === undefined) {
    console.error('--previous-sequence 须与 --previous 一起使用');
    return 2;
  }

  const report = await verifyZipFile(file, {
    fileName: basename(file),
    ...(values['public-key'] !== undefined ? { registeredPublicKey: values['public-key'] } : {}),
    ...(values.previous !== undefined ? { chain: { previousManifestSha256: values.previous, ...(previousSequence ? { previousSequence } : {}) } } : {}),
  });

  if (values.json) {
    console.log(JSON.stringify(report, null, 2));
    return report.ok ? 0 : 1;
  }
  const m = report.manifest;
  if (m) {
    console.log(`工作站：${m.station.name}（${m.station.code}）`);
    console.log(`批次：第 ${m.sequence} 号，期间 ${m.period.from} 至 ${m.period.to}，创建于 ${m.createdAt}`);
    console.log(`记录：${Object.entries(m.counts).map(([k, v]) => `${k} ${v}`).join('，')}`);
    console.log(`公钥指纹：${publicKeyFingerprint(m.publicKey) ?? '（无效）'}`);
    console.log(`清单 SHA-256：${report.manifestSha256}`);
  }
  for (const w of report.warnings) console.error(`提示：${w.message}`);
  if (report.ok) {
    console.log(`校验通过：${report.records} 条记录。`);
    return 0;
  }
  console.error(`校验未通过（${report.problems.length} 个问题），整个批次不应接收：`);
  for (const p of report.problems) console.error(`  - [${p.code}] ${p.message}`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error(`校验程序出错：${(err as Error).message}`);
    process.exitCode = 1;
  },
);
