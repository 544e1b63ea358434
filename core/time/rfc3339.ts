import dayjs from 'dayjs';

/** RFC 3339 timestamp with the local offset (e.g. 2026-11-23T09:05:00.000+08:00). */
export function toRfc3339(date: Date = new Date()): string {
  return dayjs(date).format('YYYY-MM-DDTHH:mm:ss.SSSZ');
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function isRfc3339(value: string): boolean {
  return RFC3339.test(value) && !Number.isNaN(Date.parse(value));
}
