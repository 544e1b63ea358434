import { DEFAULT_ENUMERATIONS } from '../../../core/domain/enums';
import type { ConsultationFacts, DocumentFacts, MediationFacts } from '../../../core/statistics/facts';

export const NOW = Date.parse('2026-11-30T12:00:00+08:00');
const c = (id: string, time: string, over: Partial<ConsultationFacts> = {}): ConsultationFacts => ({
  id,
  time,
  lawyerId: 'la',
  caseType: 'criminal',
  helpTypes: ['legal_consultation'],
  specialGroups: [],
  legalAidOutcome: 'not_needed',
  ...over,
});

/*
 * The fixture, November 2026, two lawyers (张 = la, 李 = lb):
 *   c1 11-02 张 criminal  consultation + plea signing presence, minor, applied           侦查     看守所
 *   c2 11-02 张 criminal  consultation, minor + disabled, transferred 20 h after receipt (on time)
 *                                                                                          审查起诉 检察院
 *   c3 11-15 李 civil     consultation + document drafting, migrant worker, not needed    —        法院诉讼服务中心
 *   c4 11-29 李 criminal  detainee application received 11-28 09:00, still pending at 11-30 12:00 (overdue)
 *                                                                                          审判     看守所
 *   c5 11-20 张 criminal  application transferred 30 h after receipt (late), refused-with-reason outcome
 *                                                                                          侦查     公安执法办案中心
 *   c6 10-31 张           outside the period: counted nowhere
 *   m1 11-15 张+李 settled 38,500.00 agreed, 12,000.50 recovered, from c3 (migrant worker, civil)
 *   m2 11-16 李    no agreement, became a legal-aid case, unlinked
 *   m3 12-01 李    outside the period
 *   d1 11-02 张 legal_aid_application from c1 (minor, criminal); d2 11-15 李 civil_complaint from c3; d3 11-15 李 civil_complaint unlinked
 */
export const consultations = [
  c('c1', '2026-11-02T09:00:00+08:00', {
    helpTypes: ['legal_consultation', 'plea_signing_presence'],
    specialGroups: ['minor'],
    legalAidOutcome: 'applied',
    place: 'detention_centre',
    criminalStage: 'investigation',
  }),
  c('c2', '2026-11-02T10:00:00+08:00', {
    specialGroups: ['minor', 'disabled'],
    legalAidOutcome: 'transferred',
    transfer: { receivedAt: '2026-11-02T10:00:00+08:00', transferredAt: '2026-11-03T06:00:00+08:00' },
    place: 'procuratorate',
    criminalStage: 'prosecution_review',
  }),
  c('c3', '2026-11-15T09:00:00+08:00', {
    lawyerId: 'lb',
    caseType: 'civil',
    helpTypes: ['legal_consultation', 'document_drafting'],
    specialGroups: ['migrant_worker'],
    place: 'court_service_centre',
  }),
  c('c4', '2026-11-29T09:00:00+08:00', {
    lawyerId: 'lb',
    legalAidOutcome: 'transferred',
    transfer: { receivedAt: '2026-11-28T09:00:00+08:00' },
    place: 'detention_centre',
    criminalStage: 'trial',
  }),
  c('c5', '2026-11-20T09:00:00+08:00', {
    legalAidOutcome: 'refused',
    transfer: { receivedAt: '2026-11-20T09:00:00+08:00', transferredAt: '2026-11-21T15:00:00+08:00' },
    place: 'police_case_centre',
    criminalStage: 'investigation',
  }),
  c('c6', '2026-10-31T23:59:00+08:00'),
];
/*
 * Two requests detention-centre staff logged (no lawyer, no help given): counted by their
 * transfer only, in the row 看守所登记（未经值班律师接待）:
 *   r1 11-10 minor, investigation, transferred 7 h after receipt (on time)
 *   r2 11-28 prosecution review, received 11-28 09:00, still pending at 11-30 12:00 (overdue)
 */
export const requests: ConsultationFacts[] = [
  {
    id: 'r1',
    time: '2026-11-10T08:00:00+08:00',
    lawyerId: '',
    caseType: 'criminal',
    helpTypes: [],
    specialGroups: ['minor'],
    legalAidOutcome: 'transferred',
    transfer: { receivedAt: '2026-11-10T08:00:00+08:00', transferredAt: '2026-11-10T15:00:00+08:00' },
    place: 'detention_centre',
    criminalStage: 'investigation',
  },
  {
    id: 'r2',
    time: '2026-11-28T09:00:00+08:00',
    lawyerId: '',
    caseType: 'criminal',
    helpTypes: [],
    specialGroups: [],
    legalAidOutcome: 'transferred',
    transfer: { receivedAt: '2026-11-28T09:00:00+08:00' },
    place: 'detention_centre',
    criminalStage: 'prosecution_review',
  },
];
export const mediations: MediationFacts[] = [
  {
    id: 'm1',
    date: '2026-11-15',
    lawyerIds: ['la', 'lb'],
    type: 'pre_litigation',
    outcome: 'agreement',
    agreedFen: 3_850_000,
    recoveredFen: 1_200_050,
    becameLegalAidCase: false,
    specialGroups: ['migrant_worker'],
    caseType: 'civil',
  },
  {
    id: 'm2',
    date: '2026-11-16',
    lawyerIds: ['lb'],
    type: 'in_litigation',
    outcome: 'no_agreement',
    agreedFen: 0,
    recoveredFen: 0,
    becameLegalAidCase: true,
    specialGroups: [],
  },
  {
    id: 'm3',
    date: '2026-12-01',
    lawyerIds: ['lb'],
    type: 'in_litigation',
    outcome: 'agreement',
    agreedFen: 100,
    recoveredFen: 100,
    becameLegalAidCase: false,
    specialGroups: [],
  },
];
export const documents: DocumentFacts[] = [
  { id: 'd1', kind: 'legal_aid_application', createdAt: '2026-11-02T11:00:00+08:00', lawyerId: 'la', specialGroups: ['minor'], caseType: 'criminal' },
  { id: 'd2', kind: 'civil_complaint', createdAt: '2026-11-15T10:00:00+08:00', lawyerId: 'lb', specialGroups: ['migrant_worker'], caseType: 'civil' },
  { id: 'd3', kind: 'civil_complaint', createdAt: '2026-11-15T11:00:00+08:00', lawyerId: 'lb', specialGroups: [] },
];
export const lawyers = [
  { id: 'la', name: '张律师' },
  { id: 'lb', name: '李律师' },
];
export const statisticsInput = {
  period: { from: '2026-11-01', to: '2026-11-30' },
  consultations,
  mediations,
  documents,
  lawyers,
  enums: DEFAULT_ENUMERATIONS,
  now: NOW,
};

export const documentLabel = (k: string) => ({ civil_complaint: '民事起诉状', legal_aid_application: '法律援助申请表' })[k] ?? k;
