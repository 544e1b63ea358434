import { describe, expect, it } from 'vitest';
import { personAndCaseOf } from '../../../renderer/src/shared/formValues';
import { detaineeRequestDraft } from '../../../core/consultations/detaineeRequest';
import { createConsultationInputSchema, normalizeConsultationInput } from '../../../core/consultations/schema';
import { DEFAULT_ENUMERATIONS } from '../../../core/domain/enums';

const consultationInputSchema = createConsultationInputSchema(DEFAULT_ENUMERATIONS);

describe('a lawyer’s contact started from a detainee’s request', () => {
  const request = consultationInputSchema.parse(
    normalizeConsultationInput(
      detaineeRequestDraft({ requestKind: 'legal_aid_application', receivedAt: '2026-11-30T09:20:00+08:00', clientName: '张小𠮷', idNumber: '210102201005011234', criminalStage: 'investigation', cause: '盗窃罪', caseNumber: '(2026)辽0102刑初88号' }),
      DEFAULT_ENUMERATIONS,
    ),
  );
  const values = personAndCaseOf(request);

  it('takes the person and the case', () => {
    expect(values).toMatchObject({ clientName: '张小𠮷', clientRole: 'suspect', idType: 'resident_id', idNumber: '210102201005011234', gender: 'male', specialGroups: ['minor'], caseType: 'criminal', criminalStage: 'investigation', cause: '盗窃罪', caseNumber: '（2026）辽0102刑初88号', place: 'detention_centre' });
    expect(values.birthDate?.format('YYYY-MM-DD')).toBe('2010-05-01');
  });

  it('leaves the request itself, its time and what staff wrote to the request', () => {
    for (const key of ['requestKind', 'receivedAt', 'transferredAt', 'question', 'helpTypes', 'legalAidOutcome', 'lawyerId', 'time']) expect(values).not.toHaveProperty(key);
  });
});
