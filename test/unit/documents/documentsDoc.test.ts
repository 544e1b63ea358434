import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_TEMPLATES } from '../../../core/documents/templates/index';

/** docs/DOCUMENTS.md is the list a legal-aid centre reads: a new kind must be documented there. */
describe('docs/DOCUMENTS.md', () => {
  const rows = readFileSync(new URL('../../../docs/DOCUMENTS.md', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) => l.split('|').map((c) => c.trim()));

  it.each(DOCUMENT_TEMPLATES.map((t) => [t.kind, t] as const))('has a row for %s with its name, legal basis and signers', (kind, t) => {
    const row = rows.find((r) => r[1] === `\`${kind}\``);
    expect(row, `docs/DOCUMENTS.md lacks a row for ${kind}`).toBeDefined();
    expect(row![2]).toBe(t.name);
    expect(t.legalBasis, `${kind} has no legalBasis`).toBeTruthy();
    expect(t.signers, `${kind} has no signers`).toBeTruthy();
    expect(row![3]).toBe(t.legalBasis);
    expect(row![4]).toBe(t.signers);
  });
});
