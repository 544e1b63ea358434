import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';

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

/**
 * Parsed faces, kept for the life of the process: parsing a 15 MB CJK font is most of a
 * cold render, and pdfkit accepts a parsed font, so each document only subsets.
 */
export class FontSet {
  private readonly cache = new Map<Face, fontkit.Font>();
  private readonly widths = new Map<string, number>();

  constructor(private readonly files: FontFiles) {}

  face(face: Face): fontkit.Font {
    let font = this.cache.get(face);
    if (!font) {
      font = fontkit.create(readFileSync(this.files[face])) as fontkit.Font;
      this.cache.set(face, font);
    }
    return font;
  }

  /** The face that can draw `ch` in the wanted weight, or null when none has it. */
  faceFor(ch: string, bold: boolean): Face | null {
    const cp = ch.codePointAt(0)!;
    const primary: Face = bold ? 'bold' : 'regular';
    if (this.face(primary).hasGlyphForCodePoint(cp)) return primary;
    if (this.face('fallback').hasGlyphForCodePoint(cp)) return 'fallback';
    return null;
  }

  /** Advance width of one character in em. */
  charWidth(ch: string, bold: boolean): number {
    const key = `${bold ? 'b' : 'r'}${ch}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      const face = this.faceFor(ch, bold) ?? (bold ? 'bold' : 'regular');
      const font = this.face(face);
      const glyph = font.glyphForCodePoint(ch.codePointAt(0)!);
      w = glyph.advanceWidth / font.unitsPerEm;
      this.widths.set(key, w);
    }
    return w;
  }

  measure(text: string, bold: boolean, size: number): number {
    let w = 0;
    for (const ch of text) w += this.charWidth(ch, bold);
    return w * size;
  }
}
