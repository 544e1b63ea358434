import PDFDocument from 'pdfkit';
import { createHash } from 'node:crypto';
import { layoutDocument, PAGE, type TextOp } from '../../../core/documents/layout';
import { spacingPieces } from '../../../core/documents/justify';
import type { DocumentTemplate, DocumentValues } from '../../../core/documents/template';
import type { Face, FontSet } from './fonts';
import { deflateStreamsOf } from './streams';
import { encodeTrueTypeSubset } from './subset';

export interface RenderedPdf {
  bytes: Buffer;
  pages: number;
  sha256: string;
  /** Characters no embedded face can draw; the lawyer is warned before saving. */
  missingCharacters: string[];
}

/**
 * Fixed metadata: the same template and values must give byte-identical files, so the
 * SHA-256 recorded at saving can be checked later. pdfkit derives the file ID from the
 * info dictionary, so fixing the dates fixes the ID too.
 */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

/** What pdfkit's embedded font exposes (not in its typings): its shaping cache and fontkit subset. */
interface EmbeddedFace {
  layoutCache?: Record<string, unknown>;
  subset?: { glyphs: number[]; encode(): Uint8Array };
}

interface Segment {
  text: string;
  face: Face | null;
}

function segmentsOf(text: string, bold: boolean, fonts: FontSet): Segment[] {
  const out: Segment[] = [];
  for (const ch of text) {
    const face = fonts.faceFor(ch, bold);
    const last = out[out.length - 1];
    if (last && last.face === face) last.text += ch;
    else out.push({ text: ch, face });
  }
  return out;
}

export function renderPdf(template: DocumentTemplate, values: DocumentValues, docNumber: string, fonts: FontSet): Promise<RenderedPdf> {
  const laid = layoutDocument({ template, values, docNumber, measure: (t, b, s) => fonts.measure(t, b, s) });
  const missing = new Set<string>();

  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    // Streams are deflated by deflateStreamsOf, at a faster level than pdfkit's.
    compress: false,
    // No default face: pdfkit would parse Helvetica's metrics for every document, unused here.
    font: null as unknown as string,
    info: {
      Title: template.name,
      Creator: '值班律师工作站',
      Producer: '值班律师工作站',
      CreationDate: FIXED_DATE,
      ModDate: FIXED_DATE,
    },
    lang: 'zh-CN',
    displayTitle: true,
  });
  deflateStreamsOf(doc);
  const registered = new Set<Face>();
  const use = (face: Face) => {
    const first = !registered.has(face);
    if (first) {
      doc.registerFont(face, fonts.face(face) as unknown as string);
      registered.add(face);
    }
    doc.font(face);
    // pdfkit's per-document cache of shaped text, shared across documents (FontSet.shapedRuns).
    // Left alone if a pdfkit version no longer has it: only speed depends on it.
    const embedded = (doc as unknown as { _font?: EmbeddedFace })._font;
    if (first && embedded?.layoutCache) embedded.layoutCache = fonts.shapedRuns(face);
    // The font file of the subset, reused when a document before drew the same glyphs
    // (FontSet.subsetFile). Read when pdfkit embeds the face, at the end of the document.
    const subset = first ? embedded?.subset : undefined;
    if (subset && typeof subset.encode === 'function' && Array.isArray(subset.glyphs)) {
      const encode = subset.encode.bind(subset);
      subset.encode = () => fonts.subsetFile(face, subset.glyphs, () => encodeTrueTypeSubset(fonts.face(face), subset.glyphs) ?? encode());
    }
  };

  const drawText = (op: TextOp) => {
    // Baseline at the optical middle of the line box, so faces with different ascenders line up.
    const baseline = op.y + (op.lineHeight + op.size * 0.76) / 2;
    let x = op.x;
    for (const run of op.runs) {
      for (const seg of segmentsOf(run.text, run.bold, fonts)) {
        if (seg.face === null) for (const ch of seg.text) missing.add(ch);
        use(seg.face ?? (run.bold ? 'bold' : 'regular'));
        doc.fontSize(op.size);
        if (op.charSpacing === 0) {
          doc.text(seg.text, x, baseline, { lineBreak: false, baseline: 'alphabetic', characterSpacing: 0 });
          x += fonts.measure(seg.text, run.bold, op.size);
          continue;
        }
        // Numbers and Latin words stay tight; the justifying space goes between the rest.
        for (const piece of spacingPieces(seg.text)) {
          const spacing = piece.spaced ? op.charSpacing : 0;
          doc.text(piece.text, x, baseline, { lineBreak: false, baseline: 'alphabetic', characterSpacing: spacing });
          x += fonts.measure(piece.text, run.bold, op.size) + (piece.spaced ? op.charSpacing * [...piece.text].length : op.charSpacing);
        }
      }
    }
  };

  for (const ops of laid.pages) {
    doc.addPage({ size: 'A4', margin: 0 });
    doc.lineWidth(0.6).strokeColor('#000000').fillColor('#000000');
    for (const op of ops) {
      if (op.op === 'rule') {
        if (op.dash) doc.dash(op.dash, { space: op.dash });
        doc.moveTo(op.x1, op.y1).lineTo(op.x2, op.y2).stroke();
        if (op.dash) doc.undash();
      } else drawText(op);
    }
  }

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('error', reject);
    doc.on('end', () => {
      const bytes = Buffer.concat(chunks);
      resolve({
        bytes,
        pages: laid.pages.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        missingCharacters: [...missing],
      });
    });
    doc.end();
  });
}

export { PAGE };
