import type * as fontkit from 'fontkit';

/** What fontkit's TrueType font exposes to its own subsetter (not in its typings). */
interface TrueTypeFont {
  stream: { buffer: Uint8Array };
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  loca: { version: number; offsets: number[] };
  _variationProcessor?: unknown;
  getGlyph(id: number): TrueTypeGlyph;
}

interface TrueTypeGlyph {
  advanceWidth: number;
  _getMetrics(): { leftBearing: number };
  _decode(): { numberOfContours: number } | null;
}

/** The tables fontkit's TTFSubset writes, in its order ('cvt ' and fpgm only when the face has them). */
const TABLES = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'] as const;

/**
 * The TrueType font file of a subset holding `glyphIds` in that order, byte for byte what
 * fontkit's `TTFSubset.encode` writes (test/unit/pdf/fontFiles.test.ts checks every kind's
 * faces against it), or null for what this does not handle (a variable or CFF face, one with
 * 'cvt ' or fpgm, a composite glyph), where fontkit's own subsetter is used.
 *
 * fontkit builds the same tables through its generic struct encoder, sizing and writing each
 * glyph's loca and hmtx entries field by field: some 15 % of a render with new values. Here
 * the glyph outlines are copied from the face as they are, head, prep and the rest of hhea
 * and maxp are the face's own bytes, and only the counts change.
 */
export function encodeTrueTypeSubset(face: fontkit.Font, glyphIds: readonly number[]): Uint8Array | null {
  const font = face as unknown as TrueTypeFont;
  const tables = font.directory?.tables;
  if (!tables?.glyf || !tables.head || !tables.hhea || !tables.maxp || !font.loca || font._variationProcessor) return null;
  if (tables['cvt '] || tables.fpgm) return null;

  const source = font.stream.buffer;
  const table = (tag: string) => {
    const t = tables[tag]!;
    return source.subarray(t.offset, t.offset + t.length);
  };
  const glyf = tables.glyf.offset;
  const offsets = font.loca.offsets;

  const outlines: Uint8Array[] = [];
  const metrics: number[] = [];
  const loca: number[] = [];
  let size = 0;
  for (const id of glyphIds) {
    const glyph = font.getGlyph(id);
    const parsed = glyph._decode();
    // A composite glyph pulls its components in and is renumbered; none of the faces shipped
    // has one, so that stays with fontkit rather than untested here.
    if (parsed && parsed.numberOfContours < 0) return null;
    const outline = source.subarray(glyf + offsets[id]!, glyf + offsets[id + 1]!);
    outlines.push(outline);
    loca.push(size);
    metrics.push(glyph.advanceWidth, glyph._getMetrics().leftBearing);
    size += outline.length;
  }
  loca.push(size);

  const count = outlines.length;
  const head = new Uint8Array(table('head'));
  new DataView(head.buffer).setInt16(50, font.loca.version); // indexToLocFormat
  const hhea = new Uint8Array(table('hhea'));
  new DataView(hhea.buffer).setUint16(34, count); // numberOfMetrics: every glyph has its advance
  const maxp = new Uint8Array(table('maxp'));
  new DataView(maxp.buffer).setUint16(4, count); // numGlyphs

  const short = font.loca.version === 0;
  const locaBytes = new Uint8Array(loca.length * (short ? 2 : 4));
  const locaView = new DataView(locaBytes.buffer);
  loca.forEach((offset, i) => (short ? locaView.setUint16(i * 2, offset >>> 1) : locaView.setUint32(i * 4, offset)));
  const hmtx = new Uint8Array(count * 4);
  const hmtxView = new DataView(hmtx.buffer);
  for (let i = 0; i < count; i++) {
    hmtxView.setUint16(i * 4, metrics[i * 2]!);
    hmtxView.setInt16(i * 4 + 2, metrics[i * 2 + 1]!);
  }

  const parts: Record<(typeof TABLES)[number], Uint8Array[] | undefined> = {
    head: [head],
    hhea: [hhea],
    loca: [locaBytes],
    maxp: [maxp],
    'cvt ': undefined,
    prep: tables.prep ? [table('prep')] : undefined,
    glyf: outlines,
    hmtx: [hmtx],
    fpgm: undefined,
  };
  const present = TABLES.filter((tag) => parts[tag] !== undefined);
  const lengths = present.map((tag) => parts[tag]!.reduce((n, p) => n + p.length, 0));
  const headerSize = 12 + present.length * 16;
  const out = new Uint8Array(headerSize + lengths.reduce((a, b) => a + b, 0));
  const view = new DataView(out.buffer);
  const exponent = Math.floor(Math.log2(present.length));
  const searchRange = 2 ** exponent * 16;
  out.set([0x74, 0x72, 0x75, 0x65], 0); // 'true', as fontkit writes
  view.setUint16(4, present.length);
  view.setUint16(6, searchRange);
  view.setUint16(8, exponent);
  view.setUint16(10, present.length * 16 - searchRange);
  let at = headerSize;
  present.forEach((tag, i) => {
    const entry = 12 + i * 16;
    for (let c = 0; c < 4; c++) out[entry + c] = tag.charCodeAt(c);
    // checkSum stays 0, as fontkit leaves it.
    view.setUint32(entry + 8, at);
    view.setUint32(entry + 12, lengths[i]!);
    for (const p of parts[tag]!) {
      out.set(p, at);
      at += p.length;
    }
  });
  return out;
}
