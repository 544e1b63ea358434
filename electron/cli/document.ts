import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { DOCUMENT_TEMPLATES } from '../../core/documents/templates/index';
import { numberSeriesOf, pendingDocumentNumber } from '../../core/documents/numbering';
import { createDocumentService } from '../services/documents/documentService';
import { resolveFontFiles } from '../services/pdf/fonts';
import { ServiceError } from '../services/errors';

/**
 * `npm run document -- kinds [--json]` lists every document kind with its fields;
 * `npm run document -- render <kind> <values.json> <out.pdf> [--number <文号>]` renders one
 * with the same engine the app uses (template work, checks, batch printing).
 */
const USAGE = `用法：
  npm run document -- kinds [--json]
  npm run document -- render <kind> <values.json> <out.pdf> [--number <文书编号>]`;

function kinds(json: boolean): void {
  const list = DOCUMENT_TEMPLATES.map((t) => ({
    kind: t.kind,
    name: t.name,
    description: t.description,
    style: t.style,
    sources: t.sources,
    legalBasis: t.legalBasis ?? '',
    signers: t.signers ?? '',
    fields: t.fields.map((f) => ({
      name: f.name,
      label: f.label,
      type: f.type,
      required: f.required ?? false,
      ...(f.max ? { max: f.max } : {}),
      ...(f.unit ? { unit: f.unit } : {}),
    })),
  }));
  if (json) {
    process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return;
  }
  for (const t of list) {
    process.stdout.write(`${t.kind}\t${t.name}\n    依据：${t.legalBasis || '—'}\n    签署：${t.signers || '—'}\n`);
    for (const f of t.fields) process.stdout.write(`    ${f.name}\t${f.label}\t${f.type}${f.required ? '\t必填' : ''}\n`);
  }
}

async function render(args: string[]): Promise<number> {
  const numberAt = args.indexOf('--number');
  const docNumber = numberAt >= 0 ? args.splice(numberAt, 2)[1] : undefined;
  const [kind, valuesPath, outPath] = args;
  if (!kind || !valuesPath || !outPath) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let values: unknown;
  try {
    values = JSON.parse(readFileSync(valuesPath, 'utf8'));
  } catch (err) {
    process.stderr.write(`无法读取栏目值文件 ${valuesPath}：${(err as Error).message}\n`);
    return 2;
  }
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    process.stderr.write('栏目值文件应为一个 JSON 对象（栏目名 → 文字或文字列表）\n');
    return 2;
  }
  const service = createDocumentService(resolveFontFiles());
  try {
    const r = await service.renderBytes({
      kind,
      values: values as Record<string, string | string[]>,
      docNumber: docNumber ?? pendingDocumentNumber(new Date().getFullYear(), 'STATION', numberSeriesOf(kind)),
    });
    // Never leave a half-written PDF where a printer queue or a script would pick it up.
    const partial = `${outPath}.partial`;
    writeFileSync(partial, r.bytes);
    renameSync(partial, outPath);
    process.stdout.write(`${outPath}\t${r.pages} 页\t${r.bytes.length} 字节\tsha256 ${r.sha256}\n`);
    if (r.missingCharacters.length > 0) process.stderr.write(`警告：字体缺少以下字符，已以空白代替：${r.missingCharacters.join(' ')}\n`);
    return 0;
  } catch (err) {
    if (err instanceof ServiceError) {
      for (const issue of err.issues ?? [{ path: [], message: err.message }]) process.stderr.write(`${issue.path.join('.') || kind}：${issue.message}\n`);
      return 1;
    }
    throw err;
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'kinds') {
    kinds(rest.includes('--json'));
    return 0;
  }
  if (command === 'render') return render(rest);
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

// exitCode, not exit(): a long `kinds --json` written to a pipe must be flushed before the process ends.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(3);
  },
);
