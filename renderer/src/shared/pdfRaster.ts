import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export function base64ToBytes(b64: string): Uint8Array {
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

/**
 * Draws every page of a PDF onto canvases with pdf.js, so the preview is the real file in
 * both the app and the browser harness (neither shows a PDF plugin in a sandboxed page).
 */
export async function rasterizePdf(
  pdfBase64: string,
  cssWidth: number,
  pixelRatio = window.devicePixelRatio || 1,
  onPage?: (done: number, total: number) => void,
): Promise<HTMLCanvasElement[]> {
  // No eval and no fetches: the CSP forbids both, and the file is fully self-contained.
  const task = pdfjs.getDocument({ data: base64ToBytes(pdfBase64), isEvalSupported: false, disableFontFace: false, useSystemFonts: false });
  const doc = await task.promise;
  try {
    const canvases: HTMLCanvasElement[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const scale = (cssWidth / base.width) * pixelRatio;
      const viewport = page.getViewport({ scale });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${cssWidth}px`;
      canvas.style.height = `${Math.floor(viewport.height / pixelRatio)}px`;
      await page.render({ canvas, viewport }).promise;
      canvases.push(canvas);
      onPage?.(n, doc.numPages);
    }
    return canvases;
  } finally {
    await task.destroy();
  }
}
