import { Button, type ButtonProps } from 'antd';
import { useAsyncAction } from './useAsyncAction';

/** A button whose click runs async work: spinning while it runs, once at a time, its failure shown. */
export function AsyncButton({ action, failure, ...props }: Omit<ButtonProps, 'onClick' | 'loading'> & { action: () => Promise<unknown>; failure: string }) {
  const { run, busy } = useAsyncAction(action, failure);
  return <Button {...props} loading={busy} onClick={() => void run()} />;
}
