import { useEffect } from 'react';
import { App } from 'antd';
import { errorText } from './errorText';

/**
 * Work that fails outside any handler (a promise nobody awaited, an error thrown in an
 * event callback) is shown to the user in Chinese and passed to `record` (the audit
 * trail), instead of being lost in the console while the screen looks as if it worked.
 */
export function UnhandledErrorReporter({ record }: { record(text: string): void }) {
  const { notification } = App.useApp();
  useEffect(() => {
    const report = (reason: unknown) => {
      const text = errorText(reason);
      notification.error({
        key: `unhandled:${text}`,
        title: '操作未完成',
        description: `${text}。请重试；如果反复出现，请记下时间并告知工作站负责人。`,
        duration: 0,
      });
      record(text);
    };
    const onRejection = (e: PromiseRejectionEvent) => {
      e.preventDefault();
      report(e.reason);
    };
    // ResizeObserver's loop notice is a harmless browser warning, not a failure.
    const onError = (e: ErrorEvent) => {
      if (/ResizeObserver loop/.test(e.message)) return;
      report(e.error ?? e.message);
    };
    window.addEventListener('unhandledrejection', onRejection);
    window.addEventListener('error', onError);
    return () => {
      window.removeEventListener('unhandledrejection', onRejection);
      window.removeEventListener('error', onError);
    };
  }, [notification, record]);
  return null;
}
