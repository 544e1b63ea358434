import type { AuditEntry } from './database';
import type { Sealed, Vault } from './vault';

/**
 * The words that tell a supervisor what an audit entry touched (issue 18 item 7): the
 * record type in Chinese, the person and the document number. Type and number alone would
 * do in the clear, but the person's name would not (docs/SECURITY.md), so the whole label
 * is sealed under the data key, bound to the record it names.
 */
export interface AuditLabel {
  /** The person the record is about (client, parties). */
  person?: string;
  /** A document's number (e.g. 〔2026〕辽0102值字第1号). */
  number?: string;
  /** A document's title (法律意见书…). */
  title?: string;
}

const CONTEXT = 'auditLabels';

export const RECORD_TYPE_LABELS: Readonly<Record<string, string>> = {
  consultations: '咨询记录',
  mediations: '调解记录',
  documents: '法律文书',
  shifts: '值班记录',
  lawyers: '值班律师名册',
  dutyRoster: '排班表',
  accounts: '账户',
};

export function sealAuditLabel(vault: Vault, recordType: string, recordId: string, label: AuditLabel): Promise<Sealed> {
  return vault.seal(CONTEXT, `${recordType}:${recordId}`, label);
}

/** The label of an entry, or undefined for entries without one (written before labels existed). */
export async function openAuditLabel(vault: Vault, entry: Pick<AuditEntry, 'recordType' | 'recordId' | 'label'>): Promise<AuditLabel | undefined> {
  if (!entry.label) return undefined;
  return vault.open<AuditLabel>(CONTEXT, `${entry.recordType}:${entry.recordId}`, entry.label);
}

/** 法律文书：法律意见书 〔2026〕…号，王某 — the type, then whatever the label holds. */
export function describeAuditTarget(recordType: string, label: AuditLabel | undefined): string {
  const type = RECORD_TYPE_LABELS[recordType] ?? recordType;
  if (!label) return type;
  const what = [label.title, label.number].filter(Boolean).join(' ');
  const parts = [what, label.person].filter(Boolean).join('，');
  return parts ? `${type}：${parts}` : type;
}
