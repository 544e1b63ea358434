import { describe, expect, it } from 'vitest';
import { ALL_ACTIONS, can, ROLES, type Action } from '../../../core/access/permissions';

/**
 * The product's expectation, written out by hand: each row is what that role may do and
 * nothing more. 值班律师 log their own contacts, answer requests, record mediations, draft
 * and sign shifts; 看守所工作人员 log requests and hand them over within 24 hours (法律援助法
 * 第三十九条第一款) and draft the transfer letter, and read their own records, the request part
 * of the others' and their own documents, never a lawyer's advice; 工作站负责人 may do everything.
 */
const EXPECTED: Record<(typeof ROLES)[number] | 'setup', readonly Action[]> = {
  setup: ['roster.manage'],
  lawyer: [
    'consultation.view_own',
    'consultation.view_any',
    'consultation.create',
    'consultation.edit_own',
    'consultation.delete_own',
    'detainee_request.answer',
    'mediation.view_own',
    'mediation.view_any',
    'mediation.create',
    'mediation.edit_own',
    'mediation.delete_own',
    'document.view_own',
    'document.view_any',
    'document.create',
    'document.revise_own',
    'shift.sign',
  ],
  staff: [
    'consultation.view_own',
    'consultation.view_request',
    'consultation.create',
    'consultation.edit_own',
    'detainee_request.create',
    'transfer.handle',
    'document.view_own',
    'document.create',
    'document.revise_own',
  ],
  supervisor: [
    'consultation.view_own',
    'consultation.view_any',
    'consultation.view_request',
    'consultation.create',
    'consultation.edit_own',
    'consultation.edit_any',
    'consultation.delete_own',
    'consultation.delete_any',
    'detainee_request.create',
    'detainee_request.answer',
    'transfer.handle',
    'mediation.view_own',
    'mediation.view_any',
    'mediation.create',
    'mediation.edit_own',
    'mediation.edit_any',
    'mediation.delete_own',
    'mediation.delete_any',
    'document.view_own',
    'document.view_any',
    'document.create',
    'document.revise_own',
    'document.revise_any',
    'shift.sign',
    'roster.manage',
    'accounts.manage',
    'settings.edit',
    'statistics.view',
    'batch.export',
    'batch.import',
    'audit.view',
  ],
};

describe('the role table', () => {
  it('grants exactly the expected matrix, every role × every action', () => {
    expect(ALL_ACTIONS.length).toBe(31);
    for (const role of [...ROLES, 'setup'] as const) {
      for (const action of ALL_ACTIONS) {
        expect({ role, action, allowed: can(role, action) }).toEqual({ role, action, allowed: EXPECTED[role].includes(action) });
      }
    }
  });

  it('grants nothing to a role that is not in the table, including inherited object keys', () => {
    for (const role of ['admin', '', '__proto__', 'constructor', 'toString', 'Supervisor']) {
      expect(ALL_ACTIONS.filter((a) => can(role, a))).toEqual([]);
    }
  });
});
