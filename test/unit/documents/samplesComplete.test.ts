import { describe, expect, it } from 'vitest';
import { DOCUMENT_TEMPLATES } from '../../../core/documents/templates/index';
import { checkDocumentValues } from '../../../core/documents/values';
import type { DocumentValues } from '../../../core/documents/template';
import { sample as helpRecord } from './samples/help_record';
import { sample as legalAidApplication } from './samples/legal_aid_application';
import { sample as hardshipPledge } from './samples/hardship_pledge';
import { sample as transferLetter } from './samples/transfer_letter';
import { sample as bailApplication } from './samples/bail_application';
import { sample as measureChangeApplication } from './samples/measure_change_application';
import { sample as legalOpinion } from './samples/legal_opinion';
import { sample as civilComplaint } from './samples/civil_complaint';
import { sample as civilDefence } from './samples/civil_defence';
import { sample as mediationAgreement } from './samples/mediation_agreement';
import { sample as shiftLog } from './samples/shift_log';

const SAMPLES: Record<string, DocumentValues> = {
  help_record: helpRecord,
  legal_aid_application: legalAidApplication,
  hardship_pledge: hardshipPledge,
  transfer_letter: transferLetter,
  bail_application: bailApplication,
  measure_change_application: measureChangeApplication,
  legal_opinion: legalOpinion,
  civil_complaint: civilComplaint,
  civil_defence: civilDefence,
  mediation_agreement: mediationAgreement,
  shift_log: shiftLog,
};

/**
 * The typical case of each existing kind is a paper the template accepts as finished, naming
 * every field it has (kinds added since have their samples checked by the layout test).
 */
describe.each(Object.keys(SAMPLES))('%s sample', (kind) => {
  const template = DOCUMENT_TEMPLATES.find((t) => t.kind === kind)!;
  it('sets every field and passes the template’s checks, legal basis and signers included', () => {
    const sample = SAMPLES[kind]!;
    expect(Object.keys(sample).sort()).toEqual(template.fields.map((f) => f.name).sort());
    expect(checkDocumentValues(template, sample)).toEqual([]);
    expect(template.legalBasis).toMatch(/《.+》/);
    expect(template.signers).toBeTruthy();
  });
});
