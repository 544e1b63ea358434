import { SEE_ALL } from '../viewers';
import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { StationDb } from '../../../renderer/src/db/database';
import { changePassword, createFirstSupervisor, signIn } from '../../../renderer/src/session/accounts';
import { sessionStore } from '../../../renderer/src/session/sessionStore';
import { KeyGoneError, unwrapDataKey, wrapDataKey } from '../../../renderer/src/db/keyMaterial';
import { createConsultation, getConsultation } from '../../../renderer/src/db/consultations';
import { DEFAULT_ENUMERATIONS } from '../../../core/domain/enums';
import { createBackup, openBackup } from '../../../renderer/src/backup/backupFile';

/**
 * Locking (idle or Ctrl+L) zeroes the session's data key in place. Work that was already
 * running when the lock came must finish under the real key, and nothing may ever be
 * wrapped or sealed under 32 zero bytes.
 */

const FAST = { N: 2 ** 10, r: 8, p: 1 };
const profile = {
  code: 'LN0102-KSS01',
  name: '沈阳市和平区看守所法律援助工作站',
  kind: 'detention_center' as const,
  regionCode: '210102',
  address: '南京南街 1 号',
};
const domain = { meansTestStandard: { minimumLivingLine: 750, multiplier: 2, addition: 200 }, enumerationExtensions: {} };

async function station() {
  const db = new StationDb('k', { indexedDB: new IDBFactory(), IDBKeyRange });
  const { session } = await createFirstSupervisor(db, { username: 'admin', displayName: '刘主任', password: 'Station#2026' }, FAST);
  const c = await createConsultation(
    db,
    session.vault,
    DEFAULT_ENUMERATIONS,
    {
      time: '2026-11-20T09:30:00.000+08:00',
      lawyerId: 'l1',
      place: 'court_service_centre',
      clientRole: 'party',
      clientName: '欧阳䶮',
      idType: 'none',
      caseType: 'civil',
      helpTypes: ['legal_consultation'],
      question: '房屋租赁纠纷',
    },
    session.actor,
  );
  sessionStore.unlock(session);
  return { db, session, consultationId: c.id };
}

describe('a lock in the middle of work', () => {
  it('a backup taken while the window locks is sealed under the real key and opens with the password', async () => {
    const { db, session, consultationId } = await station();
    const backup = createBackup(db, session.dataKey, { profile, domain }, '2026-11-23T20:00:00.000+08:00');
    sessionStore.lock('admin');
    expect(session.dataKey.every((b) => b === 0)).toBe(true);
    const { bytes } = await backup;
    const opened = await openBackup(bytes, { username: 'admin', password: 'Station#2026' }, null);
    const rows = opened.content.tables.consultations as { id: string }[];
    expect(rows.map((r) => r.id)).toEqual([consultationId]);
  });

  it('a password change interrupted by Ctrl+L stores the real key: the next sign-in opens the records', async () => {
    const { db, session, consultationId } = await station();
    const change = changePassword(db, session, 'Station#2026', 'Another#2027', FAST);
    sessionStore.lock('admin');
    await change;
    const again = await signIn(db, 'admin', 'Another#2027', Date.now(), { scrypt: FAST });
    expect(again.dataKey.some((b) => b !== 0)).toBe(true);
    expect((await getConsultation(db, again.vault, SEE_ALL, consultationId))?.clientName).toBe('欧阳䶮');
  });

  it('a wrap started before the lock wraps the key it was given, not the zeroed array', async () => {
    const key = crypto.getRandomValues(new Uint8Array(32));
    const expected = key.slice();
    const wrapping = wrapDataKey(key, 'Station#2026', FAST);
    key.fill(0);
    expect(await unwrapDataKey(await wrapping, 'Station#2026')).toEqual(expected);
  });

  it('refuses to wrap or seal under a key that is already zero, and says so in Chinese', async () => {
    const { db, session } = await station();
    sessionStore.lock('admin');
    await expect(wrapDataKey(session.dataKey, 'Station#2026', FAST)).rejects.toBeInstanceOf(KeyGoneError);
    await expect(createBackup(db, session.dataKey, { profile, domain }, '2026-11-23T20:00:00.000+08:00')).rejects.toThrow(/已锁定/);
    await expect(changePassword(db, session, 'Station#2026', 'Another#2027', FAST)).rejects.toThrow(/已锁定/);
  });

  it('refuses a stored wrap of a zero key instead of signing in with it', async () => {
    // What the old code stored after an interrupted password change.
    const zero = new Uint8Array(32);
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const { scryptAsync } = await import('@noble/hashes/scrypt');
    const enc = new TextEncoder();
    const out = await scryptAsync(enc.encode('Station#2026'), salt, { ...FAST, dkLen: 64 });
    const kek = await crypto.subtle.importKey('raw', out.slice(32, 64), 'AES-GCM', false, ['encrypt']);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode('dk/v1') }, kek, zero));
    const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
    const wrapped = { v: 1 as const, kdf: 'scrypt' as const, ...FAST, salt: b64(salt), check: b64(out.slice(0, 32)), iv: b64(iv), ct: b64(ct) };
    await expect(unwrapDataKey(wrapped, 'Station#2026')).rejects.toThrow(/损坏/);
  });
});
