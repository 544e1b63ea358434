import { useContext } from 'react';
import type { Actor } from '../db/repository';
import { SessionContext } from './SessionContext';

/**
 * Who the audit trail names during first-run setup, before any account exists. Its only
 * right is to keep the roster (see core/access/permissions.ts).
 */
export const SETUP_OPERATOR: Actor = { id: 'setup', name: '首次设置', role: 'setup' };

/** The signed-in person, or the setup operator on the first-run screen. */
export function useActor(): Actor {
  return useContext(SessionContext)?.actor ?? SETUP_OPERATOR;
}
