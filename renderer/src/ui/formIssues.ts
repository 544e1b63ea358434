/**
 * The pure half of the form pipeline (shared/useSchemaForm.tsx): which field shows which
 * of a schema's messages, and which messages go once the user has corrected a field.
 */
export type FieldPath = (string | number)[];

export interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
}

export interface FieldErrors {
  name: FieldPath;
  errors: string[];
}

/** Where an issue shows: by default at the field of its own path. */
export type FieldOf = (path: FieldPath) => FieldPath;

const asFieldPath = (path: readonly PropertyKey[]): FieldPath => path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');

export const keyOf = (name: FieldPath): string => JSON.stringify(name);

/** Every issue at the field that shows it, each message once, in the schema's order. */
export function fieldErrorsOf(issues: readonly IssueLike[], fieldOf: FieldOf = (p) => p): Map<string, FieldErrors> {
  const byField = new Map<string, FieldErrors>();
  for (const issue of issues) {
    const name = fieldOf(asFieldPath(issue.path));
    if (name.length === 0) continue;
    const entry = byField.get(keyOf(name)) ?? { name, errors: [] };
    if (!entry.errors.includes(issue.message)) entry.errors.push(issue.message);
    byField.set(keyOf(name), entry);
  }
  return byField;
}

const isPlain = (v: unknown): v is Record<string, unknown> | unknown[] =>
  Array.isArray(v) || (typeof v === 'object' && v !== null && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null));

/**
 * The fields named in an Ant Design onValuesChange: the top-level name and, inside lists,
 * every nested one (`{ parties: [, { name }] }` names parties, parties.1, parties.1.name).
 * Values that are not plain objects or arrays (a date) end the path.
 */
export function changedPaths(changed: unknown, prefix: FieldPath = []): FieldPath[] {
  if (!isPlain(changed)) return prefix.length ? [prefix] : [];
  const out: FieldPath[] = prefix.length ? [prefix] : [];
  if (Array.isArray(changed)) changed.forEach((v, i) => out.push(...changedPaths(v, [...prefix, i])));
  else for (const [k, v] of Object.entries(changed)) out.push(...changedPaths(v, [...prefix, k]));
  return out;
}

/**
 * After a refused save, on each change: what the fields that show a message should show
 * now. A changed field shows what the schema says of it now (nothing once it is right);
 * another field loses a message the pipeline put there once the schema no longer has it
 * (a rule across fields corrected elsewhere). Messages put there by something else
 * (a failed save, a rule the form checks itself) stay until their own field changes.
 */
export function refreshedErrors(
  shown: readonly FieldErrors[],
  fresh: ReadonlyMap<string, FieldErrors>,
  changed: readonly FieldPath[],
  ownKeys: ReadonlySet<string>,
): FieldErrors[] {
  const changedKeys = new Set(changed.map(keyOf));
  const out: FieldErrors[] = [];
  for (const field of shown) {
    if (field.errors.length === 0) continue;
    const key = keyOf(field.name);
    const now = fresh.get(key)?.errors ?? [];
    if (changedKeys.has(key) || (ownKeys.has(key) && now.length === 0)) {
      if (now.join('\n') !== field.errors.join('\n')) out.push({ name: field.name, errors: now });
    }
  }
  return out;
}
