import type { Viewer } from '../../core/access/recordViews';

/** A reader of every record, for tests about something other than who may read what. */
export const SEE_ALL: Viewer = { id: 'test-supervisor', role: 'supervisor' };
