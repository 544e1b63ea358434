import type { SearchFields } from '../search/tokens';
import type { ConsultationInput } from './schema';

/**
 * What of a consultation is searchable. The repository feeds the same fields to
 * indexTokens (when saving) and to matchesQuery (when verifying candidates), so the two
 * cannot drift apart. The advice is included because lawyers look up "what did we tell
 * the person who asked about X"; it is the largest contributor to index size, measured
 * in docs/PERFORMANCE.md.
 */
export function consultationSearchFields(
  c: Pick<ConsultationInput, 'clientName' | 'idNumber' | 'phone' | 'caseNumber' | 'cause' | 'address' | 'question' | 'advice'>,
): SearchFields {
  const present = (values: (string | undefined)[]) => values.filter((v): v is string => v !== undefined && v !== '');
  return {
    names: present([c.clientName]),
    identifiers: present([c.idNumber, c.phone, c.caseNumber]),
    text: present([c.cause, c.address, c.question, c.advice]),
  };
}
