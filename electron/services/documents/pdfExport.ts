import { writeFileAtomic } from '../backup/backupFiles';
import { ServiceError } from '../errors';

export interface PdfExport {
  /** Asks where to save and writes the PDF there atomically; null when the lawyer cancels. */
  exportPdf(input: { fileName: string; pdf: string }): Promise<{ path: string } | null>;
}

/** A file name the save dialog can propose on every platform. */
export function safePdfName(name: string): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, '_')
    .trim()
    .slice(0, 120);
  return cleaned.toLowerCase().endsWith('.pdf') ? cleaned : `${cleaned || '文书'}.pdf`;
}

export function createPdfExport(dialogs: { chooseSavePath(defaultName: string): Promise<string | null> }): PdfExport {
  return {
    async exportPdf({ fileName, pdf }) {
      const bytes = Buffer.from(pdf, 'base64');
      // Only a PDF leaves through this door, whatever the renderer sends.
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new ServiceError('not_pdf', '要保存的内容不是 PDF 文件');
      const target = await dialogs.chooseSavePath(safePdfName(fileName));
      if (!target) return null;
      writeFileAtomic(target.toLowerCase().endsWith('.pdf') ? target : `${target}.pdf`, bytes, 'PDF 文件');
      return { path: target };
    },
  };
}
