import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { LeftoverPartial } from '../../../core/api/contract';

const entrySchema = z.object({ path: z.string().min(1), startedAt: z.string() });

/**
 * Where half-written batch files are, noted in the app's own folder before the first byte
 * goes to the drive. A `.partial` on a stick holds other people's records; if the app
 * stops before it is named or removed (a crash, a power cut), the next start removes it
 * and tells the person where it was, or that it could not reach it.
 */
export function createPartialJournal(dataDir: string) {
  const dir = join(dataDir, 'export-journal');
  return {
    /** Notes `path` durably; returns the note to close once the file is named or removed. */
    begin(path: string): string {
      mkdirSync(dir, { recursive: true });
      const id = randomUUID();
      const fd = openSync(join(dir, `${id}.json`), 'w', 0o600);
      try {
        writeSync(fd, JSON.stringify({ path, startedAt: new Date().toISOString() }));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      return id;
    },
    end(id: string): void {
      rmSync(join(dir, `${id}.json`), { force: true });
    },
    /**
     * At start: removes every partial file a note names. A note whose file could not be
     * reached (the drive is elsewhere) stays, so the next start tries again.
     */
    recover(): LeftoverPartial[] {
      if (!existsSync(dir)) return [];
      const found: LeftoverPartial[] = [];
      for (const name of readdirSync(dir)) {
        const note = join(dir, name);
        const parsed = entrySchema.safeParse(
          (() => {
            try {
              return JSON.parse(readFileSync(note, 'utf8')) as unknown;
            } catch {
              return null;
            }
          })(),
        );
        if (!parsed.success) {
          rmSync(note, { force: true });
          continue;
        }
        const { path, startedAt } = parsed.data;
        if (!path.endsWith('.partial')) {
          rmSync(note, { force: true });
          continue;
        }
        let removed = false;
        try {
          if (existsSync(path)) {
            rmSync(path, { force: true });
            removed = true;
          } else if (existsSync(join(path, '..'))) {
            // The folder is there and the file is not: someone removed it already.
            rmSync(note, { force: true });
            continue;
          }
        } catch {
          removed = false;
        }
        if (removed) rmSync(note, { force: true });
        found.push({ path, startedAt, removed });
      }
      return found;
    },
  };
}

export type PartialJournal = ReturnType<typeof createPartialJournal>;
