import { rasterizePdf } from '../../shared/pdfRaster';

/**
 * Prints a PDF through the window's print dialog: the pages are drawn at print
 * resolution into a print-only container (the rest of the screen is hidden by
 * @media print), which works the same in Electron and in the browser harness.
 */
export async function printPdf(pdf: string, onPage?: (done: number, total: number) => void): Promise<void> {
  // 794 CSS px is A4's width at 96 dpi; drawing at 2.5x gives about 240 dpi on paper.
  const canvases = await rasterizePdf(pdf, 794, 2.5, onPage);
  const area = document.createElement('div');
  area.className = 'print-area';
  for (const c of canvases) {
    const img = document.createElement('img');
    img.src = c.toDataURL('image/png');
    img.alt = '';
    area.append(img);
  }
  document.body.append(area);
  try {
    window.print();
  } finally {
    area.remove();
  }
}
