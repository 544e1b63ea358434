/** The place a shift or contact starts with, by the kind of station. */
export function defaultPlaceOf(kind: string): string | undefined {
  switch (kind) {
    case 'detention_center':
      return 'detention_centre';
    case 'procuratorate':
      return 'procuratorate';
    case 'police_station':
      return 'police_case_centre';
    case 'court':
      return 'court_service_centre';
    case 'legal_aid_centre':
      return 'legal_aid_centre';
    default:
      return undefined;
  }
}
