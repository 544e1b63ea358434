import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_TEMPLATES } from '../../../core/documents/templates/index';
import type { Block, DocumentTemplate, DocumentValues } from '../../../core/documents/template';
import { NO_LINE_START } from '../../../core/documents/lineBreak';
import { createDocumentService } from '../../../electron/services/documents/documentService';
import { developmentFontFiles } from '../../../electron/services/pdf/fonts';
import { realisticValues } from './fixtures';

const service = createDocumentService(developmentFontFiles());
const dir = mkdtempSync(path.join(os.tmpdir(), 'dls-docs-'));
const NUMBER = '〔2026〕LN0102-KSS01值字第0042号';

/** Dates and money as a reader sees them printed, written out by hand for the fixture values. */
const PRINTED: Record<string, string> = {
  '2026-11-24': '2026年11月24日',
  '1980-01-01': '1980年1月1日',
  '38500': '38,500.00元',
  '3600': '3,600.00元',
  '900': '900.00元',
  '1000': '1,000.00元',
};

function printed(value: string): string {
  return PRINTED[value] ?? value;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
}

/** Every filled value, in the order a reader meets it on the page. */
function expectedSequence(template: DocumentTemplate, values: DocumentValues): string[] {
  const out: string[] = [];
  const push = (name: string) => {
    if (name === 'docNumber') return out.push(NUMBER);
    const v = values[name];
    if (Array.isArray(v)) out.push(...v);
    else if (typeof v === 'string')
      out.push(
        ...v
          .split('\n')
          .filter((p) => p.trim() !== '')
          .map(printed),
      );
  };
  const visit = (block: Block) => {
    switch (block.type) {
      case 'title':
        return out.push(block.text);
      case 'number':
        return out.push(NUMBER);
      case 'line':
      case 'heading':
        return 'text' in block ? placeholders(block.text).forEach(push) : undefined;
      case 'labelled':
        out.push(block.label);
        return push(block.field);
      case 'prose':
      case 'list':
        return push(block.field);
      case 'table':
        for (const row of block.rows)
          for (const cell of row) {
            if (cell.label) out.push(cell.label);
            if (cell.field) push(cell.field);
            if (cell.text) placeholders(cell.text).forEach(push);
          }
        return;
      case 'signature':
        return block.lines.forEach((l) => placeholders(typeof l === 'string' ? l : 'sign' in l ? l.sign : `{{${l.date}}}`).forEach(push));
      case 'gap':
      case 'cut':
        return;
    }
  };
  template.blocks.forEach(visit);
  return out;
}

function extract(pdf: Buffer, name: string, raw = true): string {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [...(raw ? ['-raw'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

function pageCount(pdf: Buffer, name: string): number {
  const file = path.join(dir, `${name}-info.pdf`);
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)![1]);
}

const squash = (s: string) => s.replace(/\s+/g, '');

describe.each(DOCUMENT_TEMPLATES.map((t) => [t.name, t] as const))('%s', (_name, template) => {
  const values = realisticValues(template);

  it('prints every filled value in order, with page numbers, identically on a second render', async () => {
    const first = await service.renderBytes({ kind: template.kind, values, docNumber: NUMBER });
    expect(first.missingCharacters).toEqual([]);

    const pages = pageCount(first.bytes, template.kind);
    expect(pages).toBe(first.pages);
    // The 2,000-character text cannot fit one page at these sizes.
    expect(pages).toBeGreaterThanOrEqual(2);

    const text = extract(first.bytes, template.kind);
    const pageTexts = text.split('\f').filter((p) => p.trim() !== '');
    expect(pageTexts).toHaveLength(pages);
    pageTexts.forEach((p, i) => expect(squash(p)).toContain(`第${i + 1}页共${pages}页`));

    // A table row continued on the next page repeats its label there; the reader skips it. (A row of
    // labels only, a column head, is never continued.)
    const labels = template.blocks.flatMap((b) =>
      b.type === 'table'
        ? b.rows
            .filter((r) => r.some((c) => !c.label))
            .flatMap((r) => r.flatMap((c) => (c.label ? [squash(c.label).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')] : [])))
        : [],
    );
    // Only a label already printed on the page before is a repeat; a row that starts a page keeps its label.
    const squashed = pageTexts.map((p) => squash(p.replace(/第\s*\d+\s*页\s*共\s*\d+\s*页/g, '')));
    // A table continued on a page repeats its header rows first.
    const headers = template.blocks.flatMap((b) =>
      b.type === 'table' && b.header
        ? [
            squash(
              b.rows
                .slice(0, b.header)
                .flat()
                .map((c) => c.label ?? '')
                .join(''),
            ),
          ]
        : [],
    );
    const unrepeat = (p: string, prev: string) => {
      const header = headers.find((h) => h !== '' && p.startsWith(h) && prev.includes(h));
      const rest = header ? p.slice(header.length) : p;
      return rest.replace(new RegExp(`^(${labels.join('|') || '(?!)'})`), (label) => (prev.includes(label) ? '' : label));
    };
    const body = squashed.map((p, i) => (i > 0 ? unrepeat(p, squashed[i - 1]!) : p)).join('');
    let at = 0;
    for (const expected of expectedSequence(template, values)) {
      const needle = squash(expected);
      const found = body.indexOf(needle, at);
      expect(found, `“${expected.slice(0, 40)}” after position ${at}`).toBeGreaterThanOrEqual(0);
      at = found + needle.length;
    }
    expect(body).toContain('𠮷');

    const second = await service.renderBytes({ kind: template.kind, values, docNumber: NUMBER });
    expect(second.sha256).toBe(first.sha256);
    expect(Buffer.compare(second.bytes, first.bytes)).toBe(0);
  });

  it('never starts a line with closing punctuation', async () => {
    const r = await service.renderBytes({ kind: template.kind, values, docNumber: NUMBER });
    const lines = extract(r.bytes, `${template.kind}-layout`, false)
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    const bad = lines.filter((l) => NO_LINE_START.has([...l][0]!));
    expect(bad).toEqual([]);
  });
});

describe('fonts', () => {
  it('draws a character the main face lacks with the fallback face and reports one no face has', async () => {
    const r = await service.renderBytes({
      kind: 'civil_complaint',
      values: {
        plaintiff: '王𠮷',
        defendant: '某公司𪚥',
        claims: ['支付工资'],
        facts: '事实',
        court: '某区人民法院',
        plaintiffName: '王𠮷',
        date: '2026-11-24',
      },
      docNumber: NUMBER,
    });
    expect(r.missingCharacters).toEqual(['𪚥']);
    const fonts = execFileSync(
      'pdffonts',
      [path.join(dir, 'fonts.pdf')].map((f) => (writeFileSync(f, r.bytes), f)),
      { encoding: 'utf8' },
    );
    expect(fonts).toMatch(/\+NotoSerifSC-Regular/);
    expect(fonts).toMatch(/\+NotoSerifJP-Regular/);
  });

  it('refuses values that break the template rules, naming the field', async () => {
    await expect(service.renderBytes({ kind: 'civil_complaint', values: { plaintiff: '' }, docNumber: NUMBER })).rejects.toMatchObject({
      code: 'invalid_values',
      issues: expect.arrayContaining([
        { path: ['plaintiff'], message: '请填写原告' },
        { path: ['claims'], message: '请至少填写一条诉讼请求' },
      ]),
    });
  });
});
