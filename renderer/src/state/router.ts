import { useSyncExternalStore } from 'react';

/** Hash routes keep working under both the app:// scheme and the harness origin. */
export type Route = 'consultations' | 'documents' | 'mediations' | 'shifts' | 'batches' | 'statistics' | 'settings';

export const DEFAULT_ROUTE: Route = 'consultations';
const ROUTES: readonly Route[] = ['consultations', 'documents', 'mediations', 'shifts', 'batches', 'statistics', 'settings'];

function read(): { route: Route; params: URLSearchParams } {
  const raw = window.location.hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = raw.split('?');
  const route = (ROUTES as readonly string[]).includes(path) ? (path as Route) : DEFAULT_ROUTE;
  return { route, params: new URLSearchParams(query) };
}

let snapshot = read();
const listeners = new Set<() => void>();
window.addEventListener('hashchange', () => {
  snapshot = read();
  listeners.forEach((l) => l());
});

export function useRoute() {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => snapshot,
  );
}

export function navigate(route: Route, params?: Record<string, string>): void {
  const query = params ? `?${new URLSearchParams(params).toString()}` : '';
  window.location.hash = `#/${route}${query}`;
}
