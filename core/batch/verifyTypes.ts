import type { Sha256Factory } from './archive';
import type { Manifest } from './format';
import type { ManifestV2 } from './formatV2';
import type { RecipientSecret, SuiteRegistry } from './suite';

/**
 * The verifier's vocabulary, shared by the v1 and v2 checks. Every rule of
 * shared/spec/batch-format.md is a problem code; any problem rejects the whole batch.
 */
export type ProblemCode =
  | 'not_zip'
  | 'truncated'
  | 'unsafe_entry'
  | 'duplicate_entry'
  | 'missing_manifest'
  | 'missing_signature'
  | 'manifest_invalid'
  | 'bad_signature'
  | 'key_mismatch'
  | 'chain_broken'
  | 'missing_file'
  | 'extra_file'
  | 'hash_mismatch'
  | 'size_mismatch'
  | 'line_count_mismatch'
  | 'invalid_line'
  | 'missing_field'
  | 'outside_period'
  | 'count_mismatch'
  | 'document_file'
  | 'unreadable_entry'
  | 'too_large'
  | 'too_many_problems'
  // Format v2
  | 'unknown_suite'
  | 'no_recipients'
  | 'plaintext_entry'
  | 'decrypt_failed'
  | 'plain_hash_mismatch'
  | 'not_recipient'
  | 'unwrap_failed';

export interface BatchProblem {
  code: ProblemCode;
  /** Plain Chinese, fit to show a supervisor. */
  message: string;
  path?: string;
  line?: number;
}

export interface ChainExpectation {
  /** SHA-256 of the last manifest the receiver has from this station (v1, and v2 in intl-1). */
  previousManifestSha256: string;
  /** SM3 of that manifest: what a gm-1 batch names (the chain may cross from v1 to v2). */
  previousManifestSm3?: string;
  /** Its sequence, when known: the next batch must be exactly one more. */
  previousSequence?: number;
}

export interface Expectation {
  registeredPublicKey?: string;
  chain?: ChainExpectation;
}

export interface VerifyOptions {
  /** The archive's file name, checked against the manifest (a mismatch is a warning). */
  fileName?: string;
  /** The key registered for the station; absent = the manifest's own key is trusted. */
  registeredPublicKey?: string;
  /** The chain the receiver has; absent = only the batch's own consistency is checked. */
  chain?: ChainExpectation;
  /**
   * Chooses the registered key and the chain from the manifest being verified (the
   * receiver's registry is looked up by the station that manifest names), so the
   * expectation can never come from another read of the file than the one checked.
   */
  expect?(manifest: Manifest): Expectation;
  /** The same for a v2 manifest; absent = registeredPublicKey and chain apply. */
  expectV2?(manifest: ManifestV2): Expectation;
  sha256?: Sha256Factory;
  /** The v2 suites' algorithms; without them a v2 batch is refused as of an unknown suite. */
  suites?: SuiteRegistry;
  /** A receiving centre's private key: a v2 batch is then decrypted and checked in full. */
  recipientKey?: RecipientSecret;
  /**
   * Chooses the receiver's private key from the manifest being verified (a centre holding
   * several keys picks the one the batch names by keyId); undefined = check without a key.
   * Takes precedence over `recipientKey`.
   */
  recipientKeyFor?(manifest: ManifestV2): RecipientSecret | undefined;
  /** Handed the exact bytes of manifest.json once they are read (a receiver keeps their other hashes). */
  onManifestBytes?(bytes: Uint8Array): void;
  /** Called as bytes of listed files are read (for a progress bar). */
  onProgress?(done: number, total: number): void;
  /** Checked between files; when it returns true verification stops with `cancelled`. */
  cancelled?(): boolean;
}

export interface VerifyReport {
  ok: boolean;
  /** A v1 manifest; null for v2 (see manifestV2). */
  manifest: Manifest | null;
  /** A v2 manifest, once it parsed. */
  manifestV2?: ManifestV2 | null;
  /** SHA-256 of manifest.json, whatever the version. */
  manifestSha256: string | null;
  /** H of manifest.json in the batch's suite (v2): what the next batch names as previousManifestHash. */
  manifestHash?: string | null;
  /** Whether the data files were decrypted and their plaintext checked (v2 with a recipient key). */
  decrypted?: boolean;
  problems: BatchProblem[];
  warnings: BatchProblem[];
  /** Record lines read and valid, per file. */
  records: number;
}

/** Per file, at most this many line problems are listed; the rest are summed up. */
export const LINE_PROBLEM_LIMIT = 20;
/** At most this many problems are listed in all; the rest are counted. */
export const PROBLEM_LIMIT = 200;
export const MANIFEST_LIMIT = 32 * 1024 * 1024;
/** More files than any batch lists (one PDF per document, up to 100,000 documents). */
export const MAX_LISTED_FILES = 100_004;

export class VerifyCancelled extends Error {
  constructor() {
    super('已取消校验');
    this.name = 'VerifyCancelled';
  }
}

/** Where a verifier puts its findings: past PROBLEM_LIMIT they are only counted. */
export interface ProblemSink {
  push(p: BatchProblem): void;
  readonly length: number;
  has(codes: readonly ProblemCode[]): boolean;
}
