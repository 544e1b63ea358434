/**
 * What the repositories need to keep record contents unreadable at rest: sealing a
 * payload for one record, opening it again, and blinding index tokens so that lists,
 * filters and search work on keyed hashes rather than on names and ID numbers.
 */
export interface Sealed {
  v: 1;
  iv: string;
  ct: string;
}

export interface Vault {
  seal(recordType: string, id: string, payload: unknown): Promise<Sealed>;
  open<T>(recordType: string, id: string, sealed: Sealed): Promise<T>;
  blind(token: string): string;
}
