import { Button, Form, Input, Space } from 'antd';
import { GrowingTextArea } from '../../ui/GrowingTextArea';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { DateStringInput } from '../../ui/DateStringInput';
import { SearchSelect } from '../../ui/SearchSelect';
import type { DocumentTemplate, FieldDef } from '../../../../core/documents/template';

/** What Form.Item injects into its child: the child must pass it on to the input. */
interface Bound {
  id?: string;
  value?: string;
  onChange?: (e: unknown) => void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/** One input per template field; the kind of input follows the field type. */
function FieldInput({ field, ...bound }: { field: FieldDef } & Bound) {
  if (field.options) return <SearchSelect {...bound} allowClear options={field.options.map((o) => ({ value: o, label: o }))} style={{ maxWidth: 360 }} />;
  switch (field.type) {
    case 'multiline':
      return <GrowingTextArea {...bound} minRows={2} maxRows={14} maxLength={field.max} showCount={Boolean(field.max && field.max >= 500)} />;
    case 'date':
      return <DateStringInput {...bound} style={{ width: 180 }} />;
    case 'money':
      return <Input {...bound} inputMode="decimal" suffix="元" style={{ width: 220 }} />;
    default:
      return <Input {...bound} maxLength={field.max} />;
  }
}

function ListField({ field }: { field: FieldDef }) {
  return (
    <Form.Item label={field.label} required={field.required} extra={field.hint}>
      <Form.List name={field.name}>
        {(items, { add, remove }, { errors }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {items.map((item, index) => (
              <Space key={item.key} align="start" style={{ width: '100%' }} styles={{ item: { flex: 1 } }}>
                <Form.Item name={item.name} noStyle>
                  <GrowingTextArea minRows={1} maxRows={6} aria-label={`${field.label}第 ${index + 1} 条`} maxLength={field.max} />
                </Form.Item>
                <Button type="text" icon={<MinusCircleOutlined />} aria-label={`删除${field.label}第 ${index + 1} 条`} onClick={() => remove(item.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
              添加{field.label}
            </Button>
            <Form.ErrorList errors={errors} />
          </Space>
        )}
      </Form.List>
    </Form.Item>
  );
}

export function DocumentFields({ template }: { template: DocumentTemplate }) {
  return (
    <>
      {template.fields.map((field) =>
        field.type === 'list' ? (
          <ListField key={field.name} field={field} />
        ) : (
          <Form.Item key={field.name} name={field.name} label={field.label} required={field.required} extra={field.hint}>
            <FieldInput field={field} />
          </Form.Item>
        ),
      )}
    </>
  );
}
