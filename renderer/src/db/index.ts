import { StationDb } from './database';

/** The renderer's one database connection. */
export const db = new StationDb();

// Ask the browser not to evict our data under storage pressure.
void navigator.storage?.persist?.().catch(() => false);
