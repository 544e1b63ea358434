import { Typography } from 'antd';
import type { FieldChange } from '../../db/history';
import { fieldText } from '../../shared/fieldText';
import { FIELD_LABELS } from '../../shared/formValues';
import { useStation } from '../../state/StationContext';

/** Long answers are cut in the list; the whole value is in the tooltip and on the record. */
const SHOWN_CHARS = 60;

function clip(text: string): string {
  const chars = [...text];
  return chars.length > SHOWN_CHARS ? `${chars.slice(0, SHOWN_CHARS).join('')}…` : text;
}

/** What one edit changed: each field with its old and new value (issue 20 item 17). */
export function HistoryChanges({ changes }: { changes: readonly FieldChange[] }) {
  const { enums } = useStation();
  return (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }} data-testid="history-changes">
      {changes.map((c) => {
        const before = fieldText(enums, c.field, c.before);
        const after = fieldText(enums, c.field, c.after);
        return (
          <li key={c.field}>
            {FIELD_LABELS[c.field] ?? c.field}：
            <Typography.Text delete type="secondary" title={before}>
              {clip(before)}
            </Typography.Text>
            {' → '}
            <Typography.Text title={after}>{clip(after)}</Typography.Text>
          </li>
        );
      })}
    </ul>
  );
}
