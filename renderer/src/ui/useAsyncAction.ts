import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { App } from 'antd';
import { errorText } from './errorText';

/**
 * The one way a button runs async work: a second click while it runs starts nothing
 * (a backup or an export must not run twice), and a failure is shown to the user as
 * 「<failure>：<reason>」 instead of vanishing into the console.
 */
export function useAsyncAction<A extends unknown[]>(
  action: (...args: A) => Promise<unknown>,
  failure: string,
): { run: (...args: A) => Promise<void>; busy: boolean } {
  const { message } = App.useApp();
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const latest = useRef(action);
  useLayoutEffect(() => {
    latest.current = action;
  });
  const run = useCallback(
    async (...args: A) => {
      if (running.current) return;
      running.current = true;
      setBusy(true);
      try {
        await latest.current(...args);
      } catch (err) {
        console.error(err);
        void message.error(`${failure}：${errorText(err)}`);
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [failure, message],
  );
  return { run, busy };
}
