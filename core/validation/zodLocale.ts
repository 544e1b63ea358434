import { z } from 'zod';

/**
 * Every schema message a user can meet is Chinese. A schema with its own message keeps
 * it; one without gets these plain-language messages, and anything they do not cover
 * falls back to zod's own Chinese locale. zod's locale still names types in English
 * ("期望 string，实际接收 undefined"), so the common cases are worded here instead.
 */
const zhCN = z.locales.zhCN().localeError;

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '是或否',
  date: '日期',
  array: '列表',
  object: '一组内容',
};

const lengthUnit = (origin: string): string => (origin === 'string' ? ' 个字' : origin === 'array' || origin === 'set' ? ' 项' : '');

type Issue = Parameters<typeof zhCN>[0];

export function chineseMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || issue.input === '') return '此项为必填项';
      return `格式不正确：应为${TYPE_NAMES[issue.expected] ?? '有效内容'}`;
    case 'invalid_value':
      return issue.values.length === 1 ? '内容不正确' : '请从列表中选择';
    case 'too_small': {
      const origin = String(issue.origin ?? '');
      const unit = lengthUnit(origin);
      if (unit) return Number(issue.minimum) === 1 && origin === 'string' ? '此项为必填项' : `至少 ${issue.minimum}${unit}`;
      return issue.inclusive ? `不能小于 ${issue.minimum}` : `应大于 ${issue.minimum}`;
    }
    case 'too_big': {
      const unit = lengthUnit(String(issue.origin ?? ''));
      if (unit) return `不能超过 ${issue.maximum}${unit}`;
      return issue.inclusive ? `不能大于 ${issue.maximum}` : `应小于 ${issue.maximum}`;
    }
    case 'invalid_format':
      return issue.format === 'regex' ? '格式不正确' : fromZod(issue);
    case 'unrecognized_keys':
      return '包含无法识别的内容';
    case 'invalid_union':
    case 'custom':
      return '输入内容无效';
    default:
      return fromZod(issue);
  }
}

function fromZod(issue: Issue): string {
  const message = zhCN(issue);
  return (typeof message === 'string' ? message : message?.message) ?? '输入内容无效';
}

/** Called once at start-up in the renderer, the main process and the command-line tools. */
export function installChineseValidationMessages(): void {
  z.config({ localeError: (issue) => chineseMessage(issue as Issue) });
}
