import { templateOf } from '../../../core/documents/templates/index';
import { checkDocumentValues, normalizeDocumentValues } from '../../../core/documents/values';
import type { DocumentTemplate, DocumentValues } from '../../../core/documents/template';
import { ServiceError } from '../errors';
import { FontSet, type FontFiles } from '../pdf/fonts';
import { renderPdf } from '../pdf/renderPdf';

export interface RenderRequest {
  kind: string;
  values: DocumentValues;
  docNumber: string;
  /** A preview while typing: required fields may be empty. */
  draft?: boolean;
}

export interface RenderResult {
  /** Base64: the IPC envelope and Playwright's binding both carry JSON. */
  pdf: string;
  pages: number;
  sha256: string;
  missingCharacters: string[];
  /** The values as printed (trimmed, empty list items dropped); saved with the document. */
  values: DocumentValues;
}

export interface DocumentService {
  render(request: RenderRequest): Promise<RenderResult>;
  renderBytes(request: RenderRequest): Promise<{ bytes: Buffer; pages: number; sha256: string; missingCharacters: string[]; values: DocumentValues }>;
  /** A template built at run time (the statistics report), set by the same engine and fonts. */
  renderTemplate(template: DocumentTemplate, values: DocumentValues, docNumber: string): Promise<{ bytes: Buffer; pages: number }>;
}

/** Renders documents in the main process with one font set kept warm for the process. */
export function createDocumentService(fontFiles: FontFiles): DocumentService {
  const fonts = new FontSet(fontFiles);
  const renderBytes: DocumentService['renderBytes'] = async ({ kind, values, docNumber, draft }) => {
    const template = templateOf(kind);
    if (!template) throw new ServiceError('unknown_kind', `没有“${kind}”这种文书`);
    const problems = checkDocumentValues(template, values, { draft: draft ?? false });
    if (problems.length > 0) {
      throw new ServiceError(
        'invalid_values',
        problems[0]!.message,
        problems.map((p) => ({ path: [p.field], message: p.message })),
      );
    }
    const clean = normalizeDocumentValues(template, values);
    const r = await renderPdf(template, clean, docNumber, fonts);
    return { ...r, values: clean };
  };
  return {
    renderBytes,
    async renderTemplate(template, values, docNumber) {
      const r = await renderPdf(template, values, docNumber, fonts);
      return { bytes: r.bytes, pages: r.pages };
    },
    async render(request) {
      const r = await renderBytes(request);
      return { pdf: r.bytes.toString('base64'), pages: r.pages, sha256: r.sha256, missingCharacters: r.missingCharacters, values: r.values };
    },
  };
}
