/** The role table lives in core (core/access/permissions.ts) so that main checks the same one. */
export {
  ROLE_LABELS,
  PERMISSIONS,
  can,
  assertCan,
  assertCanChange,
  assertCanRevise,
  mayMarkTransfer,
  PermissionDeniedError,
  type Action,
  type Role,
} from '../../../core/access/permissions';
