import { transferClockOf, type TransferSubject } from '../consultations/transferDeadline';

/**
 * Who may do what, as data. The renderer hides what a role may not do, the repositories
 * refuse it, and the main process checks the same table for the channels it serves
 * (docs/SECURITY.md). Keeping it in core lets all three read one table.
 */
export const ROLES = ['lawyer', 'staff', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  lawyer: '值班律师',
  staff: '看守所工作人员',
  supervisor: '工作站负责人',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The actions of each record type (or area). `_own` / `_any`: records the actor owns / anyone's. */
export const ACTIONS = {
  // `view_request`: of anyone's detainee request or Art. 39 application, only what the
  // request and its transfer need (core/access/recordViews.ts), never the lawyer's work.
  consultation: ['view_own', 'view_any', 'view_request', 'create', 'edit_own', 'edit_any', 'delete_own', 'delete_any'],
  detainee_request: ['create', 'answer'],
  transfer: ['handle'],
  mediation: ['view_own', 'view_any', 'create', 'edit_own', 'edit_any', 'delete_own', 'delete_any'],
  document: ['view_own', 'view_any', 'create', 'revise_own', 'revise_any'],
  shift: ['sign'],
  roster: ['manage'],
  accounts: ['manage'],
  settings: ['edit'],
  statistics: ['view'],
  batch: ['export', 'import'],
  audit: ['view'],
} as const;

export type RecordType = keyof typeof ACTIONS;
export type ActionOf<T extends RecordType> = (typeof ACTIONS)[T][number];
export type Action = { [T in RecordType]: `${T}.${ActionOf<T>}` }[RecordType];

/** Every action, in table order. */
export const ALL_ACTIONS: readonly Action[] = (Object.keys(ACTIONS) as RecordType[]).flatMap((t) => ACTIONS[t].map((a) => `${t}.${a}` as Action));

type Grants = { readonly [T in RecordType]?: readonly ActionOf<T>[] };

/** Per role, per record type, what it may do. 'setup' is first-run, before any account exists. */
export const PERMISSIONS: { readonly [R in Role | 'setup']: Grants } = {
  setup: { roster: ['manage'] },
  // Duty lawyers of one station read each other's records: a shift hands over to the
  // next, and a returning person's earlier contacts inform the advice (docs/SECURITY.md).
  lawyer: {
    consultation: ['view_own', 'view_any', 'create', 'edit_own', 'delete_own'],
    detainee_request: ['answer'],
    mediation: ['view_own', 'view_any', 'create', 'edit_own', 'delete_own'],
    document: ['view_own', 'view_any', 'create', 'revise_own'],
    shift: ['sign'],
  },
  // 看守所工作人员 log requests and hand them over (法律援助法 第三十九条第一款), and draft
  // the transfer letter; they neither record mediations nor sign duty shifts. What they
  // need to know is the request and its hand-over, not the lawyer's consultation: they
  // read their own records, the request part of the others', and only their own documents.
  staff: {
    consultation: ['view_own', 'view_request', 'create', 'edit_own'],
    detainee_request: ['create'],
    transfer: ['handle'],
    document: ['view_own', 'create', 'revise_own'],
  },
  supervisor: ACTIONS,
};

export function can(role: string, action: Action): boolean {
  const grants: Grants | undefined = Object.hasOwn(PERMISSIONS, role) ? PERMISSIONS[role as Role | 'setup'] : undefined;
  const dot = action.indexOf('.');
  const type = action.slice(0, dot) as RecordType;
  const granted = grants && Object.hasOwn(grants, type) ? (grants[type] as readonly string[]) : [];
  return granted.includes(action.slice(dot + 1));
}

export class PermissionDeniedError extends Error {
  constructor(message = '当前账户没有此项操作的权限') {
    super(message);
    this.name = 'PermissionDeniedError';
  }
}

export function assertCan(role: string, action: Action): void {
  if (!can(role, action)) throw new PermissionDeniedError();
}

type Owned = 'consultation' | 'mediation';

/**
 * Edit or delete of a record owned by someone: own records need the `_own` right of that
 * record type, others' the `_any` right. Each type has its own rights: a mediation is not
 * a consultation.
 */
export function assertCanChange(actor: { id: string; role: string }, ownerId: string, kind: 'edit' | 'delete', type: Owned): void {
  const own = ownerId === actor.id;
  if (!can(actor.role, `${type}.${kind}_${own ? 'own' : 'any'}`)) {
    throw new PermissionDeniedError(own ? '当前账户没有此项操作的权限' : '只能修改或删除自己登记的记录');
  }
}

/** A new version of a saved document: its author's own, or anyone's for those with `revise_any`. */
export function assertCanRevise(actor: { id: string; role: string }, ownerId: string): void {
  const own = ownerId === actor.id;
  if (!can(actor.role, own ? 'document.revise_own' : 'document.revise_any')) {
    throw new PermissionDeniedError(own ? '当前账户没有此项操作的权限' : '只能修改自己起草的文书');
  }
}

/**
 * 标记已转交: detention-centre staff and supervisors hand over any application (法律援助法
 * 第三十九条第一款); a duty lawyer hands over those of his own contacts (第二款).
 */
export function mayMarkTransfer(actor: { id: string; role: string }, record: TransferSubject & { ownerId: string }): boolean {
  const clock = transferClockOf(record);
  if (!clock || clock.transferredAt) return false;
  if (can(actor.role, 'transfer.handle')) return true;
  return clock.source === 'lawyer' && record.ownerId === actor.id && can(actor.role, 'consultation.edit_own');
}
