import { deflateSync } from 'node:zlib';

/**
 * zlib level for every stream of a document. pdfkit deflates at zlib's default (6) with no
 * way to choose; deflate was a quarter of a warm render. Level 3 takes about half the time
 * and the files grow by a few per cent (measured in docs/PERFORMANCE.md).
 */
export const STREAM_LEVEL = 3;

/**
 * Buffers drawn again unchanged in later documents (a cached font subset, see
 * FontSet.subsetFile), with their deflated form once made. The key is the buffer object
 * itself, so an entry lives exactly as long as whoever keeps the buffer; buffers not marked
 * here are deflated afresh (pdfkit makes new ones for every document).
 */
const reused = new WeakMap<Uint8Array, Buffer | null>();

/** Marks `raw`, which must never change, as drawn again: it is deflated only once. */
export function markReused(raw: Uint8Array): Uint8Array {
  if (!reused.has(raw)) reused.set(raw, null);
  return raw;
}

/** The FlateDecode form of `raw`, at STREAM_LEVEL. */
export function deflateStream(raw: Uint8Array): Buffer {
  if (!reused.has(raw)) return deflateSync(raw, { level: STREAM_LEVEL });
  let out = reused.get(raw);
  if (!out) {
    out = deflateSync(raw, { level: STREAM_LEVEL });
    reused.set(raw, out);
  }
  return out;
}

/** The parts of pdfkit's PDFReference (not in its typings) a stream is made of. */
interface StreamReference {
  data: Record<string, unknown>;
  buffer: Uint8Array[];
  write(chunk: string | Uint8Array): void;
  finalize(): void;
}

interface Referencing {
  ref(data?: Record<string, unknown>): unknown;
}

/**
 * Makes `doc` write each of its streams (page contents, font files, ToUnicode maps) deflated
 * by deflateStream. The document must be made with `compress: false`, else pdfkit deflates
 * them again. pdfkit creates every object through `doc.ref`, and a stream's bytes sit in the
 * reference's buffer until `finalize` writes it out, so the buffer is swapped there for its
 * deflated form and pdfkit writes the Filter and Length as for any dictionary. A stream that
 * already names a filter (an image pdfkit took as DCT) is left as it is.
 *
 * pdfkit also turns each drawing operator into bytes on its own, a JavaScript loop per line;
 * here a stream's text is gathered and turned into bytes at once (the same bytes: pdfkit keeps
 * the low byte of each code unit, as Node's latin1 does).
 */
export function deflateStreamsOf(doc: object): void {
  const document = doc as Referencing;
  const ref = document.ref.bind(document);
  document.ref = (data) => {
    const made = ref(data) as StreamReference;
    const write = made.write.bind(made);
    let text: string[] = [];
    const flushText = () => {
      if (text.length === 0) return;
      const bytes = Buffer.from(text.join(''), 'latin1');
      text = [];
      write(bytes);
    };
    made.write = (chunk) => {
      if (typeof chunk === 'string') text.push(`${chunk}\n`);
      else {
        flushText();
        write(chunk);
      }
    };
    const finalize = made.finalize.bind(made);
    made.finalize = () => {
      flushText();
      const parts = made.buffer;
      if (parts.length > 0 && made.data.Filter === undefined) {
        made.buffer = [deflateStream(parts.length === 1 ? parts[0]! : Buffer.concat(parts))];
        made.data.Filter = 'FlateDecode';
      }
      finalize();
    };
    return made;
  };
}
