import { useEffect, useRef, useState } from 'react';
import { Alert, Spin } from 'antd';
import { rasterizePdf } from './pdfRaster';

/** The real PDF, page by page, scaled to the column it sits in. */
export function PdfPreview({ pdf, width = 520, label = 'PDF 预览' }: { pdf: string | null; width?: number; label?: string }) {
  const host = useRef<HTMLDivElement>(null);
  // Busy while the PDF on screen is not the one asked for.
  const [shown, setShown] = useState<string | null>(null);
  const busy = pdf !== null && pdf !== shown;
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!pdf) return;
    let live = true;
    rasterizePdf(pdf, width)
      .then((canvases) => {
        if (!live || !host.current) return;
        host.current.replaceChildren(
          ...canvases.map((c, i) => {
            c.setAttribute('role', 'img');
            c.setAttribute('aria-label', `第 ${i + 1} 页`);
            c.style.display = 'block';
            c.style.margin = '0 auto 12px';
            c.style.boxShadow = '0 1px 4px rgba(0,0,0,.25)';
            c.style.background = '#fff';
            return c;
          }),
        );
        setError(null);
      })
      .catch(() => live && setError('预览生成失败，请检查填写的内容'))
      .finally(() => live && setShown(pdf));
    return () => {
      live = false;
    };
  }, [pdf, width]);

  return (
    <section aria-label={label} style={{ background: '#e9ebee', padding: 12, minHeight: 300, position: 'relative' }}>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} />}
      {busy && (
        <div style={{ position: 'absolute', top: 12, right: 12 }}>
          <Spin size="small" />
        </div>
      )}
      <div ref={host} data-testid="pdf-pages" />
    </section>
  );
}
