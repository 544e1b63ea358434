import { useCallback } from 'react';
import { Alert, App, Button, Space, Typography } from 'antd';
import { templateOf } from '../../../core/documents/templates/index';
import type { DocumentTemplate } from '../../../core/documents/template';
import { navigate } from '../state/router';

/** The paper a template's notice offers instead, when this build has it. */
function alternativeOf(template: DocumentTemplate): DocumentTemplate | undefined {
  const kind = template.notice?.alternativeKind;
  return kind ? templateOf(kind) : undefined;
}

/**
 * Starts a draft of `kind`. A kind with a notice (a labour complaint must go to
 * arbitration first) asks before drafting and offers the paper to draft instead.
 */
export function useStartDraft(): (kind: string, params?: Record<string, string>) => void {
  const { modal } = App.useApp();
  return useCallback(
    (kind, params = {}) => {
      const go = (k: string) => navigate('documents', { ...params, draft: k });
      const template = templateOf(kind);
      if (!template?.notice) return go(kind);
      const alternative = alternativeOf(template);
      const dialog = modal.confirm({
        title: `起草${template.name}前请注意`,
        width: 560,
        content: (
          <Space orientation="vertical">
            <Typography.Paragraph style={{ margin: 0 }}>{template.notice.text}</Typography.Paragraph>
            {alternative && (
              <Button
                type="primary"
                onClick={() => {
                  dialog.destroy();
                  go(alternative.kind);
                }}
              >
                改为起草{alternative.name}
              </Button>
            )}
          </Space>
        ),
        okText: `继续起草${template.name}`,
        cancelText: '取消',
        onOk: () => go(kind),
      });
    },
    [modal],
  );
}

/** The notice above a draft's form, with a way to switch to the paper it offers. */
export function DraftNotice({ template, params }: { template: DocumentTemplate; params: Record<string, string> }) {
  if (!template.notice) return null;
  const alternative = alternativeOf(template);
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={template.notice.text}
      action={
        alternative && (
          <Button size="small" onClick={() => navigate('documents', { ...params, draft: alternative.kind })}>
            改为起草{alternative.name}
          </Button>
        )
      }
    />
  );
}
