import { forwardRef, type CSSProperties } from 'react';
import { Input } from 'antd';
import type { TextAreaProps, TextAreaRef } from 'antd/es/input/TextArea';

export interface GrowingTextAreaProps extends Omit<TextAreaProps, 'autoSize' | 'rows'> {
  minRows: number;
  maxRows: number;
}

// Ant Design's own border and padding of a middle-sized text area, in pixels (4 + 4 + 1 + 1).
const CHROME = 10;

/**
 * A text area that grows with its text between `minRows` and `maxRows` lines, sized by the
 * browser itself (CSS `field-sizing: content`, Chromium 123+, so Electron and the harness
 * alike). Ant Design's `autoSize` measures a hidden copy of the text on every key instead,
 * which was the largest cost of a key press in the contact form (issue 20).
 */
export const GrowingTextArea = forwardRef<TextAreaRef, GrowingTextAreaProps>(function GrowingTextArea({ minRows, maxRows, ...props }, ref) {
  const sizing = {
    fieldSizing: 'content',
    minHeight: `calc(${minRows}lh + ${CHROME}px)`,
    maxHeight: `calc(${maxRows}lh + ${CHROME}px)`,
    resize: 'none',
  } as CSSProperties;
  // On the text area itself: with showCount Ant Design wraps it, and `style` would size the wrapper.
  return <Input.TextArea ref={ref} {...props} rows={minRows} styles={{ textarea: sizing }} />;
});
