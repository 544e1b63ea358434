import { describe, expect, it } from 'vitest';
import { DEFAULT_ENUMERATIONS } from '../../../core/domain/enums';
import { importedFields } from '../../../renderer/src/features/batches/importedFields';
import { consultation, exportBatch, testStation } from './support';

describe('a record another station sent, as the read-only view shows it', () => {
  it('shows the ordinary fields and drops __proto__, constructor and prototype instead of blanking the window', () => {
    // As JSON.parse (and the vault) hand it over: "__proto__" is an own key here.
    const record = JSON.parse(
      '{"__proto__":{"polluted":true},"constructor":{"x":1},"prototype":"p","clientName":"王小明","caseType":"civil","toString":"t","helpTypes":["legal_consultation"]}',
    ) as Record<string, unknown>;
    const fields = importedFields(record, DEFAULT_ENUMERATIONS);
    expect(fields.map((f) => f.key)).toEqual(['clientName', 'caseType', 'toString', 'helpTypes']);
    // Every label and value is a string: React would throw on an object (Object.prototype as a label).
    for (const f of fields) {
      expect(typeof f.label).toBe('string');
      expect(typeof f.text).toBe('string');
    }
    expect(fields.find((f) => f.key === 'toString')!.label).toBe('toString');
    expect(fields.find((f) => f.key === 'clientName')!.text).toBe('王小明');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('arrives from a batch without the keys that reach the prototype', async () => {
    const station = testStation();
    const hostile = JSON.parse('{"__proto__":{"admin":true},"nested":{"constructor":{"prototype":1},"ok":2}}') as Record<string, unknown>;
    const record = { ...consultation(), ...hostile };
    expect(Object.keys(record)).toContain('__proto__');
    const one = await exportBatch(station, { consultations: [record] });
    station.setImportFile(one.path);
    const summary = (await station.service.openImport())!;
    expect((await station.service.verifyImport({ token: summary.token })).ok).toBe(true);
    const chunk = await station.service.readImport({ token: summary.token, actor: { id: 'u1', name: '李主任' } });
    const got = chunk.records[0]!.record;
    expect(Object.keys(got)).not.toContain('__proto__');
    expect(got.nested).toEqual({ ok: 2 });
    expect(got.clientName).toBe('王小明');
    station.service.closeImport({ token: summary.token });
  });
});
