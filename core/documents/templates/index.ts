import type { DocumentTemplate } from '../template';
import { helpRecord } from './helpRecord';
import { legalAidApplication } from './legalAidApplication';
import { hardshipPledge } from './hardshipPledge';
import { transferLetter } from './transferLetter';
import { bailApplication, measureChangeApplication } from './compulsoryMeasures';
import { legalOpinion } from './legalOpinion';
import { civilComplaint, civilDefence } from './civilPleadings';
import { mediationAgreement } from './mediationAgreement';
import { shiftLog } from './shiftLog';
import { ELEMENT_PLEADINGS } from './elementPleadings/index';

/** Every document kind, in the order the lawyer sees them. */
export const DOCUMENT_TEMPLATES: readonly DocumentTemplate[] = [
  helpRecord,
  legalAidApplication,
  hardshipPledge,
  transferLetter,
  bailApplication,
  measureChangeApplication,
  legalOpinion,
  civilComplaint,
  civilDefence,
  ...ELEMENT_PLEADINGS,
  mediationAgreement,
  shiftLog,
];

export function templateOf(kind: string): DocumentTemplate | undefined {
  return DOCUMENT_TEMPLATES.find((t) => t.kind === kind);
}

export function documentKindLabel(kind: string): string {
  return templateOf(kind)?.name ?? kind;
}
