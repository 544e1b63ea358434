/** A criminal-case contact as the form sends it; tests override what they need. */
export function contact(overrides: Record<string, unknown> = {}) {
  return {
    time: '2026-11-20T09:30:00.000+08:00',
    lawyerId: 'lawyer-a',
    place: 'detention_centre',
    clientRole: 'suspect',
    clientName: '王𠮷',
    idType: 'none',
    caseType: 'criminal',
    criminalStage: 'investigation',
    caseNumber: '(2026)辽0102刑初123号',
    cause: '盗窃罪',
    helpTypes: ['legal_consultation'],
    question: '被刑事拘留后家属能否申请取保候审',
    advice: '可以由近亲属提出取保候审申请，并说明理由',
    specialGroups: [],
    ...overrides,
  };
}
