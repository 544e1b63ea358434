/**
 * The DER form of an SM2 signature, `SEQUENCE { INTEGER r, INTEGER s }` (GM/T 0009). Strict:
 * one encoding per signature, so a verifier never accepts two byte strings for one
 * signature (no long-form lengths for short content, no superfluous leading zeros).
 */
function integer(value: bigint): Uint8Array {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (parseInt(hex.slice(0, 2), 16) >= 0x80) hex = `00${hex}`;
  const body = Uint8Array.from(hex.match(/../g)!.map((b) => parseInt(b, 16)));
  return Uint8Array.of(0x02, body.length, ...body);
}

export function encodeSignatureDer(r: bigint, s: bigint): Uint8Array {
  if (r <= 0n || s <= 0n) throw new Error('signature values must be positive');
  const ri = integer(r);
  const si = integer(s);
  return Uint8Array.of(0x30, ri.length + si.length, ...ri, ...si);
}

function readInteger(bytes: Uint8Array, at: number): { value: bigint; next: number } | null {
  if (bytes[at] !== 0x02) return null;
  const len = bytes[at + 1];
  if (len === undefined || len < 1 || len > 33 || at + 2 + len > bytes.length) return null;
  const body = bytes.subarray(at + 2, at + 2 + len);
  if (body[0]! & 0x80) return null; // negative
  if (len > 1 && body[0] === 0 && !(body[1]! & 0x80)) return null; // superfluous zero
  let value = 0n;
  for (const b of body) value = (value << 8n) | BigInt(b);
  return { value, next: at + 2 + len };
}

/** r and s of a DER signature, or null when the bytes are not exactly one such structure. */
export function decodeSignatureDer(bytes: Uint8Array): { r: bigint; s: bigint } | null {
  if (bytes.length < 8 || bytes[0] !== 0x30 || bytes[1] !== bytes.length - 2 || bytes[1]! >= 0x80) return null;
  const r = readInteger(bytes, 2);
  if (!r) return null;
  const s = readInteger(bytes, r.next);
  if (!s || s.next !== bytes.length) return null;
  return { r: r.value, s: s.value };
}
