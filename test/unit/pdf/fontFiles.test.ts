import { describe, expect, it } from 'vitest';
import { DOCUMENT_TEMPLATES, templateOf } from '../../../core/documents/templates/index';
import type { DocumentValues } from '../../../core/documents/template';
import { developmentFontFiles, FontSet, SUBSET_FILES_KEPT, type Face } from '../../../electron/services/pdf/fonts';
import { renderPdf } from '../../../electron/services/pdf/renderPdf';
import { encodeTrueTypeSubset } from '../../../electron/services/pdf/subset';
import { sample } from '../documents/samples/help_record';
import { SAMPLES } from '../documents/samples/index';
import { streamsOf } from './pdfObjects';

const files = developmentFontFiles();
const shared = new FontSet(files);
const NUMBER = '〔2026〕LN0102-KSS01值字第0042号';

/** A fresh subset of the regular face holding the glyphs of `text`, in the order met. */
function subsetOf(fonts: FontSet, text: string) {
  const font = fonts.face('regular');
  const subset = font.createSubset();
  for (const glyph of font.layout(text).glyphs) subset.includeGlyph(glyph);
  return subset as unknown as { glyphs: number[]; encode(): Uint8Array };
}

function fontFilesOf(pdf: Buffer): Buffer[] {
  const text = pdf.toString('latin1');
  return streamsOf(pdf)
    .filter((s) => text.includes(`/FontFile2 ${s.id} 0 R`))
    .map((s) => s.data);
}

describe('font files reused across documents', () => {
  it('gives a cached subset byte for byte as a fresh one, without subsetting again', () => {
    const fonts = new FontSet(files);
    const first = subsetOf(fonts, '值班律师法律帮助记录表');
    let encoded = 0;
    const made = fonts.subsetFile('regular', first.glyphs, () => (encoded++, first.encode()));
    const again = subsetOf(fonts, '值班律师法律帮助记录表');
    const reused = fonts.subsetFile('regular', again.glyphs, () => (encoded++, again.encode()));
    expect(encoded).toBe(1);
    expect(Buffer.compare(Buffer.from(reused), Buffer.from(subsetOf(new FontSet(files), '值班律师法律帮助记录表').encode()))).toBe(0);
    expect(reused).toBe(made);
  });

  it('never hands one glyph set the file of another: other glyphs, the same glyphs in another order, another face', () => {
    const fonts = new FontSet(files);
    const texts = ['法律帮助', '助帮律法', '法律帮', '法律帮助记录'];
    const made = texts.map((t) => {
      const subset = subsetOf(fonts, t);
      return fonts.subsetFile('regular', subset.glyphs, () => subset.encode());
    });
    texts.forEach((t, i) => expect(Buffer.compare(Buffer.from(made[i]!), Buffer.from(subsetOf(fonts, t).encode())), t).toBe(0));
    expect(new Set(made.map((f) => Buffer.from(f).toString('hex'))).size).toBe(texts.length);

    const regular = subsetOf(fonts, '法律帮助');
    const bold = fonts.subsetFile('bold', regular.glyphs, () => new Uint8Array([1, 2, 3]));
    expect([...bold]).toEqual([1, 2, 3]);
  });

  it('keeps a bounded number of subsets, the least recently used dropped first', () => {
    const fonts = new FontSet(files);
    let encoded = 0;
    const encode = () => (encoded++, new Uint8Array([encoded]));
    for (let i = 1; i <= SUBSET_FILES_KEPT; i++) fonts.subsetFile('regular', [0, i], encode);
    fonts.subsetFile('regular', [0, 1], encode); // used again: now the newest
    fonts.subsetFile('regular', [0, SUBSET_FILES_KEPT + 1], encode); // drops [0, 2]
    expect(encoded).toBe(SUBSET_FILES_KEPT + 1);
    fonts.subsetFile('regular', [0, 1], encode);
    expect(encoded).toBe(SUBSET_FILES_KEPT + 1);
    fonts.subsetFile('regular', [0, 2], encode);
    expect(encoded).toBe(SUBSET_FILES_KEPT + 2);
  });

  it('renders a document after others exactly as a first render does, embedded fonts included', async () => {
    const template = templateOf('help_record')!;
    const other: DocumentValues = { ...sample, clientName: '王𠮷', question: '询问取保候审的条件。' };
    const fresh = async (values: DocumentValues) => (await renderPdf(template, values, NUMBER, new FontSet(files))).bytes;

    const a1 = (await renderPdf(template, sample, NUMBER, shared)).bytes;
    const b = (await renderPdf(template, other, NUMBER, shared)).bytes;
    const a2 = (await renderPdf(template, sample, NUMBER, shared)).bytes;

    expect(Buffer.compare(a1, await fresh(sample))).toBe(0);
    expect(Buffer.compare(b, await fresh(other))).toBe(0);
    expect(Buffer.compare(a2, a1)).toBe(0);
    // The other values draw other glyphs, so their regular face is a file of its own.
    expect(fontFilesOf(b).map((f) => f.toString('hex'))).not.toEqual(fontFilesOf(a1).map((f) => f.toString('hex')));
    // 𠮷 is drawn with the fallback face: three font files against two.
    expect(fontFilesOf(b)).toHaveLength(3);
    expect(fontFilesOf(a1)).toHaveLength(2);
  });

  it('writes each subset of every kind’s sample exactly as fontkit’s subsetter does', async () => {
    const fonts = new FontSet(files);
    const asked: { face: Face; glyphs: number[] }[] = [];
    const subsetFile = fonts.subsetFile.bind(fonts);
    fonts.subsetFile = (face, glyphIds, encode) => {
      asked.push({ face, glyphs: [...glyphIds] });
      return subsetFile(face, glyphIds, encode);
    };
    for (const template of DOCUMENT_TEMPLATES) await renderPdf(template, SAMPLES[template.kind]!, NUMBER, fonts);
    expect(new Set(asked.map((a) => a.face))).toEqual(new Set(['regular', 'bold', 'fallback']));
    for (const { face, glyphs } of asked) {
      const fresh = fonts.face(face).createSubset() as unknown as { includeGlyph(id: number): number; encode(): Uint8Array };
      for (const id of glyphs) fresh.includeGlyph(id);
      const ours = encodeTrueTypeSubset(fonts.face(face), glyphs);
      expect(ours, `${face}, ${glyphs.length} glyphs`).not.toBeNull();
      expect(Buffer.compare(Buffer.from(ours!), Buffer.from(fresh.encode())), `${face}, ${glyphs.length} glyphs`).toBe(0);
    }
  });
});
