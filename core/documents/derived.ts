import type { DocumentTemplate, DocumentValues } from './template';

/**
 * The values a template prints: what was filled plus what the template derives from it
 * (a claims total, check boxes). Derived names never shadow a filled field.
 */
export function withDerivedValues(template: DocumentTemplate, values: DocumentValues): DocumentValues {
  if (!template.derive) return values;
  return { ...template.derive(values), ...values };
}
