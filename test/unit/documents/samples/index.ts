/// <reference types="vite/client" />
import type { DocumentValues } from '../../../../core/documents/template';

/**
 * Typical values per document kind, one file per kind (<kind>.ts exporting `sample`).
 * The layout test renders each; a kind without a file fails it, so a new template
 * arrives with a realistic case.
 */
const modules = import.meta.glob<{ sample: DocumentValues }>('./*.ts', { eager: true });

export const SAMPLES: Readonly<Record<string, DocumentValues>> = Object.fromEntries(
  Object.entries(modules)
    .filter(([file]) => file !== './index.ts')
    .map(([file, mod]) => [file.replace(/^\.\/(.+)\.ts$/, '$1'), mod.sample]),
);
