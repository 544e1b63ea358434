/** The reason of a failure as a user reads it after a Chinese lead-in such as 「保存失败：」. */
export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  if (typeof err === 'string') return err;
  return '未知错误';
}
