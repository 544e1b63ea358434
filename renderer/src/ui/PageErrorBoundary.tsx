import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, Result, Space } from 'antd';
import { errorText } from './errorText';

interface Props {
  children: ReactNode;
  /** Where 返回 leads: the first page. */
  onBack(): void;
  onError?(error: unknown): void;
}

/**
 * One per page: a query that fails or a render that throws shows what happened inside
 * that page, with a retry and a way back, while the menu and the header stay usable.
 * Without it React unmounts the whole tree and the window goes blank.
 */
export class PageErrorBoundary extends Component<Props, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
    this.props.onError?.(error);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title="此页面出现错误"
        subTitle={`${errorText(this.state.error)}。已填写并保存的记录不受影响；可以重试，或返回首页。`}
        data-testid="page-error"
        extra={
          <Space>
            <Button type="primary" onClick={() => this.setState({ error: null })}>
              重试
            </Button>
            <Button onClick={this.props.onBack}>返回咨询登记</Button>
          </Space>
        }
      />
    );
  }
}
