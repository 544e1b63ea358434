import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { markReused } from './streams';

/**
 * The faces documents are set in: Noto Serif SC regular and bold (OFL), and Noto Serif JP
 * as the fallback for characters the SC subset lacks (e.g. 𠮷 U+20BB7, used in names).
 * In the packaged app they sit in resources/fonts (build/electron-builder.yml); in
 * development, tests and the harness they come from the npm packages.
 */
export interface FontFiles {
  regular: string;
  bold: string;
  fallback: string;
}

const FILE_NAMES = {
  regular: 'NotoSerifSC-Regular.ttf',
  bold: 'NotoSerifSC-Bold.ttf',
  fallback: 'NotoSerifJP-Regular.ttf',
} as const;

export function packagedFontFiles(resourcesDir: string): FontFiles {
  const dir = path.join(resourcesDir, 'fonts');
  return { regular: path.join(dir, FILE_NAMES.regular), bold: path.join(dir, FILE_NAMES.bold), fallback: path.join(dir, FILE_NAMES.fallback) };
}

export function developmentFontFiles(): FontFiles {
  const require = createRequire(import.meta.url);
  const sc = path.dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json'));
  const jp = path.dirname(require.resolve('@expo-google-fonts/noto-serif-jp/package.json'));
  return {
    regular: path.join(sc, '400Regular', 'NotoSerifSC_400Regular.ttf'),
    bold: path.join(sc, '700Bold', 'NotoSerifSC_700Bold.ttf'),
    fallback: path.join(jp, '400Regular', 'NotoSerifJP_400Regular.ttf'),
  };
}

/** Packaged fonts when present, else the development copies. */
export function resolveFontFiles(resourcesDir?: string): FontFiles {
  if (resourcesDir) {
    const packaged = packagedFontFiles(resourcesDir);
    if (existsSync(packaged.regular)) return packaged;
  }
  return developmentFontFiles();
}

export type Face = 'regular' | 'bold' | 'fallback';

const SHAPED_RUNS_KEPT = 20_000;
const SHAPED_RUNS_CHECK = 64;
/**
 * Font subsets kept for reuse (see subsetFile). The regular face of a one- or two-page paper
 * is some 70 KB before deflate and 45 KB after, of a six-page one about twice that (glyph
 * outlines deflate poorly), so this holds under 8 MB.
 */
export const SUBSET_FILES_KEPT = 32;

/**
 * Parsed faces, kept for the life of the process: parsing a 15 MB CJK font is most of a
 * cold render, and pdfkit accepts a parsed font, so each document only subsets.
 */
export class FontSet {
  private readonly cache = new Map<Face, fontkit.Font>();
  /** Advance widths in em by code point, regular and bold apart: measuring is most of laying out. */
  private readonly widths = { regular: new Map<number, number>(), bold: new Map<number, number>() };
  /**
   * The face drawing each code point, by weight: asked for every character twice a render
   * (to measure it and to draw it), and fontkit's cmap lookup is not free.
   */
  private readonly facesFor = { regular: new Map<number, Face | null>(), bold: new Map<number, Face | null>() };

  /** Shaped runs by text, per face, shared by every document drawn with this set (see shapedRuns). */
  private readonly shaped = new Map<Face, Record<string, unknown>>();
  private shapedAsked = 0;

  /** Encoded subsets by face and glyph ids, least recently used first (see subsetFile). */
  private readonly subsets = new Map<string, Uint8Array>();

  constructor(private readonly files: FontFiles) {}

  /**
   * The font file of a subset of `face` holding `glyphIds`, in that order: `encode` makes it
   * the first time, and a later document drawn with the same glyphs gets the same bytes
   * without subsetting or deflating again (the labels, fixed wording and bold headings of a
   * kind make the same subset in every paper of that kind). The order is part of the key: a
   * glyph's place in the subset is the code the page's text is written in.
   */
  subsetFile(face: Face, glyphIds: readonly number[], encode: () => Uint8Array): Uint8Array {
    const key = `${face}:${glyphIds.join(',')}`;
    let file = this.subsets.get(key);
    if (file) this.subsets.delete(key);
    else {
      file = markReused(encode());
      if (this.subsets.size >= SUBSET_FILES_KEPT) this.subsets.delete(this.subsets.keys().next().value!);
    }
    this.subsets.set(key, file);
    return file;
  }

  /**
   * The cache pdfkit keeps per document of each text it has shaped with a face, shared across
   * documents: labels, fixed wording and names recur from paper to paper, and shaping CJK with
   * fontkit is a fifth of a warm render. A run depends only on the face and the text (pdfkit
   * scales it by the face's units per em). Started afresh past SHAPED_RUNS_KEPT texts, so a
   * long session does not grow it without bound.
   */
  shapedRuns(face: Face): Record<string, unknown> {
    let runs = this.shaped.get(face);
    // Counting the texts walks every key, so it is done every SHAPED_RUNS_CHECK documents only.
    this.shapedAsked++;
    if (!runs || (this.shapedAsked % SHAPED_RUNS_CHECK === 0 && Object.keys(runs).length > SHAPED_RUNS_KEPT)) {
      runs = Object.create(null) as Record<string, unknown>;
      this.shaped.set(face, runs);
    }
    return runs;
  }

  face(face: Face): fontkit.Font {
    let font = this.cache.get(face);
    if (!font) {
      font = fontkit.create(readFileSync(this.files[face])) as fontkit.Font;
      keepDecodedGlyphs(font);
      this.cache.set(face, font);
    }
    return font;
  }

  /** The face that can draw `ch` in the wanted weight, or null when none has it. */
  faceFor(ch: string, bold: boolean): Face | null {
    const cp = ch.codePointAt(0)!;
    const known = bold ? this.facesFor.bold : this.facesFor.regular;
    let face = known.get(cp);
    if (face === undefined) {
      const primary: Face = bold ? 'bold' : 'regular';
      if (this.face(primary).hasGlyphForCodePoint(cp)) face = primary;
      else if (this.face('fallback').hasGlyphForCodePoint(cp)) face = 'fallback';
      else face = null;
      known.set(cp, face);
    }
    return face;
  }

  /** Advance width of one character, by code point, in em. */
  private widthOf(cp: number, bold: boolean): number {
    const widths = bold ? this.widths.bold : this.widths.regular;
    let w = widths.get(cp);
    if (w === undefined) {
      const face = this.faceFor(String.fromCodePoint(cp), bold) ?? (bold ? 'bold' : 'regular');
      const font = this.face(face);
      w = font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm;
      widths.set(cp, w);
    }
    return w;
  }

  measure(text: string, bold: boolean, size: number): number {
    let w = 0;
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      // A character outside the BMP (𠮷) is two code units.
      if (cp > 0xffff) i++;
      w += this.widthOf(cp, bold);
    }
    return w * size;
  }
}

/** What fontkit's TrueType glyph objects expose to the subsetter (not in its typings). */
interface DecodableGlyph {
  _decode(): unknown;
  decodeKept?: true;
}

/**
 * Every document subsets the faces again, and fontkit's subsetter re-parses each glyph's
 * outline (`_decode`) only to learn whether it is a composite: about half of a warm
 * one-page render. fontkit keeps one glyph object per id for the life of the font, so the
 * parsed outline is kept on it. Safe for these static faces: the parse is only read (a
 * variable font's outline would depend on the variation and is not used here).
 */
function keepDecodedGlyphs(font: fontkit.Font): void {
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id, codePoints) => {
    const made = getGlyph(id, codePoints);
    const glyph = made as unknown as DecodableGlyph | null;
    if (glyph && !glyph.decodeKept && typeof glyph._decode === 'function') {
      const decode = glyph._decode.bind(glyph);
      let parsed: unknown;
      let done = false;
      glyph._decode = () => {
        if (!done) {
          parsed = decode();
          done = true;
        }
        return parsed;
      };
      glyph.decodeKept = true;
    }
    return made;
  };
}
