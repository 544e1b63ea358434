import { formatYuanFen, yuanToFen } from '../../../money';
import type { DocumentValues } from '../../template';

/**
 * Check boxes and sums for the element-style (要素式) pleadings. The model forms print
 * every choice with its boxes and ask the party to tick one. The bundled fonts have no
 * ☑/☐, so a ticked box is ■ and an open one □, which stay distinct on a photocopy.
 */
export const TICKED = '■';
export const OPEN = '□';

/** "■是\u3000□否" for a chosen option; a value outside the options prints as typed. */
export function boxes(value: string | undefined, options: readonly string[]): string {
  const v = (value ?? '').trim();
  if (v !== '' && !options.includes(v)) return v;
  return options.map((o) => `${v === o ? TICKED : OPEN}${o}`).join('\u3000');
}

export function textOf(values: DocumentValues, name: string): string {
  const v = values[name];
  return typeof v === 'string' ? v.trim() : '';
}

/**
 * A yes/no item whose content is written in one field: "否" ticks 否, anything else ticks
 * 是 and prints the content after `label`, nothing leaves both boxes open.
 */
export function yesWithContent(value: string, label: string): string {
  if (value === '') return boxes('', ['是', '否']);
  if (value === '否' || value === '无') return boxes('否', ['是', '否']);
  return `${TICKED}是\u3000${label}${value}\n${OPEN}否`;
}

/** 有无异议 for a defence item: "无"/"无异议" ticks 无; other text is the objection; empty leaves both open. */
export function objectionBoxes(value: string): string {
  if (value === '') return boxes('', ['无', '有']);
  return boxes(value === '无' || value === '无异议' ? '无' : '有', ['无', '有']);
}

/**
 * The total of the amount fields that are filled, as printed: "52,300.00元". Empty when
 * nothing is filled; a warning when an amount cannot be read, so no wrong total prints.
 */
export function totalOf(values: DocumentValues, amountFields: readonly string[]): string {
  let sum = 0;
  let any = false;
  for (const name of amountFields) {
    const text = textOf(values, name);
    if (text === '') continue;
    const fen = yuanToFen(text);
    if (fen === null) return '（有金额填写有误，无法合计）';
    sum += fen;
    any = true;
  }
  return any ? formatYuanFen(sum) : '';
}
