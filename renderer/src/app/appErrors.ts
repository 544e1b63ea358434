import { db } from '../db';
import { appendAudit, type Actor } from '../db/repository';
import { errorText } from '../ui/errorText';

/** A failure the user was shown goes into the audit trail too, so a supervisor can follow it up. */
export async function recordAppError(actor: Actor, err: unknown): Promise<void> {
  try {
    await appendAudit(db, actor, 'app_error', errorText(err).slice(0, 300));
  } catch (auditErr) {
    // The database itself may be what failed; the console is all that is left.
    console.error('audit of an error failed', auditErr);
  }
}
