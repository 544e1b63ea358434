import { basename } from 'node:path';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { publicKeyFingerprint } from '../../core/batch/keys';
import { isSuiteId, SUITES } from '../../core/batch/formatV2';
import type { RecipientSecret } from '../../core/batch/suite';
import type { VerifyReport } from '../../core/batch/verify';
import { createRecipientKeyFiles, readRecipientSecret, recipientFingerprint, serializeKeyFile } from '../services/batch/recipientKeys';
import { verifyZipFile } from '../services/batch/zipArchive';

/**
 * The receiving side's tools, on the same core code as the app:
 *   npm run batch -- verify <file.zip> [--recipient-key <private key file>] [--previous <hash>] [--previous-sequence N] [--public-key <base64>] [--json]
 *   npm run batch -- keygen --suite intl-1|gm-1 --name <centre> --out <path prefix>
 * verify: exit 0 when the batch is valid, 1 when it is not (reasons on stderr), 2 on a usage error.
 */
const USAGE = [
  '用法:',
  '  npm run batch -- verify <批次文件.zip> [--recipient-key <接收方私钥文件>] [--previous <上一批次清单的哈希>] [--previous-sequence <序号>] [--public-key <登记的公钥 base64>] [--json]',
  '      --previous 为上一批次 manifest.json 的哈希，按本批次的算法：格式 v1 与 intl-1 为 SHA-256，gm-1 为 SM3',
  `  npm run batch -- keygen --suite <${SUITES.join('|')}> --name <中心名称> --out <输出路径前缀>`,
  '      写出 <前缀>.public.json（交给工作站）与 <前缀>.private.json（由中心保管）',
].join('\n');

const HEX64 = /^[0-9a-f]{64}$/;

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
        'recipient-key': { type: 'string' },
        suite: { type: 'string' },
        name: { type: 'string' },
        out: { type: 'string' },
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
  if (positionals[0] === 'keygen' && positionals.length === 1) return keygen(values);
  const [command, file] = positionals;
  if (command !== 'verify' || !file || positionals.length > 2) {
    console.error(USAGE);
    return 2;
  }
  if (!existsSync(file)) {
    console.error(`找不到文件：${file}`);
    return 2;
  }
  if (values.previous !== undefined && !HEX64.test(values.previous)) {
    console.error('--previous 应为 64 位小写十六进制哈希');
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
  let recipientKey: RecipientSecret | undefined;
  if (values['recipient-key'] !== undefined) {
    let text: string;
    try {
      text = readFileSync(values['recipient-key'], 'utf8');
    } catch {
      console.error(`无法读取接收方私钥文件：${values['recipient-key']}`);
      return 2;
    }
    const read = readRecipientSecret(text);
    if (!read.ok) {
      console.error(`接收方私钥文件无效：${read.reason}`);
      return 2;
    }
    recipientKey = read.value;
  }

  const report = await verifyZipFile(file, {
    fileName: basename(file),
    ...(values['public-key'] !== undefined ? { registeredPublicKey: values['public-key'] } : {}),
    // The hash given is the previous manifest's under this batch's algorithm, whichever that is.
    ...(values.previous !== undefined
      ? { chain: { previousManifestSha256: values.previous, previousManifestSm3: values.previous, ...(previousSequence ? { previousSequence } : {}) } }
      : {}),
    ...(recipientKey ? { recipientKey } : {}),
  });
  recipientKey?.privateKey.fill(0);

  if (values.json) {
    console.log(JSON.stringify(report, null, 2));
    return report.ok ? 0 : 1;
  }
  describe(report);
  for (const w of report.warnings) console.error(`提示：${w.message}`);
  if (report.ok) {
    const v2 = report.manifestV2;
    if (v2 && !report.decrypted) console.log('校验通过（未解密：数据文件的存储哈希与大小均符合；如需核对明文，请提供 --recipient-key）。');
    else console.log(`校验通过：${report.records} 条记录${v2 ? '（已解密核对）' : ''}。`);
    return 0;
  }
  console.error(`校验未通过（${report.problems.length} 个问题），整个批次不应接收：`);
  for (const p of report.problems) console.error(`  - [${p.code}] ${p.message}`);
  return 1;
}

function describe(report: VerifyReport): void {
  const m = report.manifest ?? report.manifestV2;
  if (!m) return;
  console.log(`工作站：${m.station.name}（${m.station.code}）`);
  console.log(`批次：第 ${m.sequence} 号，期间 ${m.period.from} 至 ${m.period.to}，创建于 ${m.createdAt}`);
  console.log(
    `记录：${Object.entries(m.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join('，')}`,
  );
  if (report.manifest) {
    console.log(`格式：v1（未加密）`);
    console.log(`公钥指纹：${publicKeyFingerprint(report.manifest.publicKey) ?? '（无效）'}`);
  } else if (report.manifestV2) {
    const v2 = report.manifestV2;
    console.log(`格式：v2，算法套件 ${v2.suite}`);
    console.log(`接收方：${v2.recipients.map((r) => r.keyId).join('，')}`);
    console.log(`清单 ${v2.suite === 'gm-1' ? 'SM3' : 'SHA-256'}：${report.manifestHash}`);
  }
  console.log(`清单 SHA-256：${report.manifestSha256}`);
}

function keygen(values: { suite?: string | undefined; name?: string | undefined; out?: string | undefined }): number {
  if (!isSuiteId(values.suite) || !values.name?.trim() || !values.out) {
    console.error(USAGE);
    return 2;
  }
  const { publicFile, privateFile } = createRecipientKeyFiles(values.suite, values.name);
  const publicPath = `${values.out}.public.json`;
  const privatePath = `${values.out}.private.json`;
  if (existsSync(publicPath) || existsSync(privatePath)) {
    console.error(`密钥文件已存在，未覆盖：${existsSync(privatePath) ? privatePath : publicPath}`);
    return 2;
  }
  try {
    // Never over an existing key: a centre that overwrote its private key could read nothing sent to it.
    writeFileSync(privatePath, serializeKeyFile(privateFile), { flag: 'wx', mode: 0o600 });
    writeFileSync(publicPath, serializeKeyFile(publicFile), { flag: 'wx', mode: 0o644 });
  } catch (err) {
    console.error(`无法写出密钥文件（文件已存在或目录不可写）：${(err as Error).message}`);
    return 2;
  }
  console.log(`已生成 ${values.suite} 接收方密钥：${publicFile.name}`);
  console.log(`公钥文件（交给工作站）：${publicPath}`);
  console.log(`私钥文件（请妥善保管）：${privatePath}`);
  console.log(`keyId：${publicFile.keyId}`);
  console.log(`指纹（电话核对用）：${recipientFingerprint(publicFile)}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error(`校验程序出错：${(err as Error).message}`);
    process.exitCode = 1;
  },
);
