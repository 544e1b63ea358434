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
import { meetingRecord } from './meetingRecord';
import { detentionNecessityReviewApplication } from './detentionNecessityReviewApplication';
import { incidentalCivilComplaint } from './incidentalCivilComplaint';
import { labourArbitrationApplication } from './labourArbitrationApplication';
import { paymentOrderApplication } from './paymentOrderApplication';
import { litigationFeeReliefApplication } from './litigationFeeReliefApplication';
import { judicialConfirmationApplication } from './judicialConfirmationApplication';
import { applicationReceipt } from './applicationReceipt';
import { supplementaryMaterialsNotice } from './supplementaryMaterialsNotice';
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
  // The papers stations write every day: criminal, then civil, then the legal-aid desk's own.
  meetingRecord,
  detentionNecessityReviewApplication,
  incidentalCivilComplaint,
  labourArbitrationApplication,
  paymentOrderApplication,
  litigationFeeReliefApplication,
  judicialConfirmationApplication,
  applicationReceipt,
  supplementaryMaterialsNotice,
];

export function templateOf(kind: string): DocumentTemplate | undefined {
  return DOCUMENT_TEMPLATES.find((t) => t.kind === kind);
}

export function documentKindLabel(kind: string): string {
  return templateOf(kind)?.name ?? kind;
}
