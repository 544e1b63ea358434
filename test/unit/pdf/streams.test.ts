import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { templateOf } from '../../../core/documents/templates/index';
import { developmentFontFiles, FontSet } from '../../../electron/services/pdf/fonts';
import { renderPdf } from '../../../electron/services/pdf/renderPdf';
import { STREAM_LEVEL } from '../../../electron/services/pdf/streams';
import { sample } from '../documents/samples/help_record';
import { streamsOf } from './pdfObjects';

const fonts = new FontSet(developmentFontFiles());
const NUMBER = '〔2026〕LN0102-KSS01值字第0042号';

describe('PDF streams', () => {
  it('stores every stream deflated at the chosen level, and a reader opens the file without complaint', async () => {
    const r = await renderPdf(templateOf('help_record')!, sample, NUMBER, fonts);
    const streams = streamsOf(r.bytes);
    // Two pages of content, two faces each with a font file and a ToUnicode map.
    expect(streams.length).toBeGreaterThanOrEqual(2 + 2 * 2);
    for (const s of streams) {
      expect(s.dictionary, `object ${s.id}`).toMatch(/\/Filter \/FlateDecode/);
      expect(s.stored.length, `object ${s.id}`).toBeLessThan(s.data.length);
      expect(Buffer.compare(s.stored, deflateSync(s.data, { level: STREAM_LEVEL })), `object ${s.id}`).toBe(0);
    }
    // The font files are the TrueType subsets the pages are drawn with.
    const file = r.bytes.toString('latin1');
    const fontFiles = streams.filter((s) => file.includes(`/FontFile2 ${s.id} 0 R`));
    expect(fontFiles.length).toBeGreaterThanOrEqual(2);
    for (const f of fontFiles) expect(['00010000', '74727565']).toContain(f.data.subarray(0, 4).toString('hex')); // 1.0 or 'true'

    const dir = mkdtempSync(path.join(os.tmpdir(), 'dls-streams-'));
    const saved = path.join(dir, 'help_record.pdf');
    writeFileSync(saved, r.bytes);
    // pdftoppm reports a broken stream or font on stderr; -q would hide it.
    const raster = execFileSync('pdftoppm', ['-r', '20', '-png', saved, path.join(dir, 'page')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(raster).toBe('');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', saved, '-'], { encoding: 'utf8' });
    expect(text).toContain('值班律师法律帮助记录表');
    expect(text).toContain(String(sample.clientName));
  });
});
