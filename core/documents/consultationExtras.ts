import type { Consultation } from '../consultations/schema';
import type { EnumEntry, Enumerations } from '../domain/enums';

/**
 * Consultation fields that the rules work adds to the record (docs/SHARED-NAMES: 是否已委托辩护人,
 * 羁押状态, 办案机关, 认罪认罚 …). Pre-fill reads them through this one typed accessor, from
 * the record as an object, so that documents print them where a record has them and older
 * records (or a schema without them) simply leave the fields for the lawyer.
 */
export interface ConsultationExtras {
  hasDefenceCounsel?: boolean;
  custodyStatus?: string;
  handlingAuthority?: string;
  defenderNotified?: boolean;
  defenderNotifiedAt?: string;
  pleaLeniency?: boolean;
  sentencingProposal?: string;
  pleaViewFacts?: string;
  pleaViewCharge?: string;
  pleaViewProposal?: string;
  pleaViewProcedure?: string;
  lawyerOpinion?: string;
  transferRecipient?: string;
  transferReceiver?: string;
  transferredBy?: string;
}

const TEXT_KEYS = [
  'custodyStatus',
  'handlingAuthority',
  'defenderNotifiedAt',
  'sentencingProposal',
  'pleaViewFacts',
  'pleaViewCharge',
  'pleaViewProposal',
  'pleaViewProcedure',
  'lawyerOpinion',
  'transferRecipient',
  'transferReceiver',
  'transferredBy',
] as const;
const FLAG_KEYS = ['hasDefenceCounsel', 'defenderNotified', 'pleaLeniency'] as const;

export function consultationExtras(c: Consultation): ConsultationExtras {
  const raw = c as unknown as Record<string, unknown>;
  const out: ConsultationExtras = {};
  for (const k of TEXT_KEYS) {
    const v = raw[k];
    if (typeof v === 'string' && v.trim() !== '') out[k] = v.trim();
  }
  for (const k of FLAG_KEYS) {
    const v = raw[k];
    if (typeof v === 'boolean') out[k] = v;
  }
  return out;
}

/** Labels of custody codes, as agreed for enums' `custodyStatuses`; used until that list is present. */
const CUSTODY_LABELS: Record<string, string> = {
  detained: '羁押',
  bail: '取保候审',
  residential_surveillance: '监视居住',
  not_detained: '未被羁押',
};

export function custodyLabel(code: string | undefined, enums: Enumerations): string {
  if (!code) return '';
  const list = (enums as unknown as Partial<Record<string, EnumEntry[]>>).custodyStatuses;
  return list?.find((e) => e.code === code)?.label ?? CUSTODY_LABELS[code] ?? code;
}
