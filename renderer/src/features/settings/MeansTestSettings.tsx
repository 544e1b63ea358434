import { App, Button, Card, Col, Form, InputNumber, Row, Typography } from 'antd';
import { EXAMPLE_MEANS_TEST_STANDARD, meansTestStandardSchema, type MeansTestStandard } from '../../../../core/rules/meansTest';
import { formatYuanFen, numberToFen } from '../../../../core/money';
import { useStation } from '../../state/StationContext';
import { zodRule } from '../../ui/zodForm';
import { useSchemaForm } from '../../shared/useSchemaForm';
import { errorText } from '../../ui/errorText';

const shape = meansTestStandardSchema.shape;

/** The city's economic-hardship standard (Art. 34): set per city, so kept in settings. */
export function MeansTestSettings() {
  const { domain, setDomain } = useStation();
  const [form] = Form.useForm<MeansTestStandard>();
  const { message } = App.useApp();
  const standardForm = useSchemaForm(form, {
    check: (v: MeansTestStandard) => meansTestStandardSchema.safeParse(v),
    save: async (parsed) => {
      setDomain({ ...domain, meansTestStandard: await window.station.settings.saveMeansTestStandard(parsed) });
      message.success('经济困难标准已保存');
    },
    describeFailure: (err) => `保存失败：${errorText(err)}`,
  });

  return (
    <Card
      title="经济困难标准（法律援助法第三十四条）"
      extra={
        <Button type="primary" loading={standardForm.saving} onClick={() => void standardForm.submit()}>
          保存标准
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        家庭人均月收入低于“低保线 × 倍数 + 附加金额”的，符合经济困难条件。请按本市规定填写
        {domain.meansTestStandard
          ? '。'
          : `（尚未设置；示例：低保线 ${formatYuanFen(numberToFen(EXAMPLE_MEANS_TEST_STANDARD.minimumLivingLine))} × ${EXAMPLE_MEANS_TEST_STANDARD.multiplier} + ${formatYuanFen(numberToFen(EXAMPLE_MEANS_TEST_STANDARD.addition))}）。`}
      </Typography.Paragraph>
      <Form<MeansTestStandard> form={form} layout="vertical" name="means-test" initialValues={domain.meansTestStandard ?? undefined}>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item label="低保线（元/月）" name="minimumLivingLine" required rules={[zodRule(shape.minimumLivingLine)]}>
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="倍数" name="multiplier" required rules={[zodRule(shape.multiplier)]}>
              <InputNumber min={0} precision={2} step={0.5} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="附加金额（元/月）" name="addition" required rules={[zodRule(shape.addition)]}>
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
