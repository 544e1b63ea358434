import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A page loaded on first use, from its module's named export, with a `preload` to fetch it
 * ahead of time. A failed fetch is retried on the next render instead of being cached.
 */
export function lazyPage<M extends Record<string, unknown>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K] extends ComponentType<infer P> ? ComponentType<P> : never> & { preload: () => void } {
  let pending: Promise<M> | undefined;
  const fetchModule = () => {
    pending ??= load().catch((err: unknown) => {
      pending = undefined;
      throw err;
    });
    return pending;
  };
  type C = M[K] extends ComponentType<infer P> ? ComponentType<P> : never;
  const page = lazy(async () => ({ default: (await fetchModule())[name] as unknown as C }));
  return Object.assign(page, { preload: () => void fetchModule().catch(() => undefined) });
}
