import { inflateSync } from 'node:zlib';

export interface PdfStream {
  id: number;
  dictionary: string;
  /** The stream's bytes as stored in the file. */
  stored: Buffer;
  /** The bytes after its filter, what a reader draws from. */
  data: Buffer;
}

/** The streams of a file pdfkit wrote (one object after another, `n 0 obj` … `endobj`). */
export function streamsOf(pdf: Buffer): PdfStream[] {
  const text = pdf.toString('latin1');
  const out: PdfStream[] = [];
  const header = /(\d+) 0 obj\n(<<(?:(?!endobj)[\s\S])*?>>)\nstream\n/g;
  for (let m = header.exec(text); m; m = header.exec(text)) {
    const dictionary = m[2]!;
    const length = Number(/\/Length (\d+)/.exec(dictionary)![1]);
    const start = m.index + m[0].length;
    const stored = pdf.subarray(start, start + length);
    if (pdf.subarray(start + length, start + length + 10).toString('latin1') !== '\nendstream')
      throw new Error(`object ${m[1]}: /Length does not end at endstream`);
    out.push({ id: Number(m[1]), dictionary, stored, data: /\/Filter \/FlateDecode/.test(dictionary) ? inflateSync(stored) : stored });
  }
  return out;
}
