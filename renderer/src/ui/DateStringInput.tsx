import { DatePicker } from 'antd';
import type { CSSProperties } from 'react';
import dayjs from 'dayjs';

/**
 * A date typed or picked as YYYY-MM-DD, whatever the operating system's locale, for
 * fields that keep the date as that string (a native date input shows the system's
 * own order, e.g. 12/02/2026 on an English Windows).
 */
export function DateStringInput({
  value,
  onChange,
  ...rest
}: {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  style?: CSSProperties;
}) {
  const parsed = value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayjs(value) : null;
  return (
    <DatePicker
      {...rest}
      format="YYYY-MM-DD"
      placeholder="YYYY-MM-DD"
      value={parsed?.isValid() ? parsed : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : '')}
    />
  );
}
