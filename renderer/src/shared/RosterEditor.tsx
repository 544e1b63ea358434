import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { lawyerInputSchema, type LawyerInput } from '../../../core/validation/lawyer';
import { db } from '../db';
import type { LawyerRecord } from '../db/database';
import { addLawyer, editLawyer, listLawyers, removeLawyer } from '../db/lawyers';
import { useActor } from '../session/useActor';
import { SubmitOnEnter } from '../ui/SubmitOnEnter';
import { errorText } from '../ui/errorText';
import { useAsyncAction } from '../ui/useAsyncAction';
import { useSchemaForm } from './useSchemaForm';

/** The roster of duty lawyers (IndexedDB). Every change is saved at once, with its audit entry. */
export function RosterEditor() {
  const lawyers = useLiveQuery(() => listLawyers(db), [], undefined);
  const [editing, setEditing] = useState<LawyerRecord | 'new' | null>(null);
  const [form] = Form.useForm<LawyerInput>();
  const { message } = App.useApp();
  const actor = useActor();
  const removal = useAsyncAction(async (row: LawyerRecord) => {
    await removeLawyer(db, row.id, actor);
    message.success(`已移除 ${row.name}`);
  }, '移除失败');

  const open = (target: LawyerRecord | 'new') => {
    setEditing(target);
    form.resetFields();
    if (target !== 'new') form.setFieldsValue(target);
  };

  const lawyerForm = useSchemaForm(form, {
    check: (v: LawyerInput) => lawyerInputSchema.safeParse(v),
    save: async (parsed) => {
      if (editing === 'new') await addLawyer(db, parsed, actor);
      else if (editing) await editLawyer(db, editing.id, parsed, actor);
      message.success('已保存');
    },
    onSaved: () => setEditing(null),
    describeFailure: (err) => `保存失败：${errorText(err)}`,
  });

  return (
    <div data-testid="roster">
      <Table<LawyerRecord>
        rowKey="id"
        size="middle"
        loading={lawyers === undefined}
        dataSource={lawyers ?? []}
        pagination={false}
        locale={{ emptyText: '名册中还没有值班律师，请点击“添加律师”' }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '执业证号', dataIndex: 'licenceNo' },
          { title: '律师事务所', dataIndex: 'lawFirm' },
          { title: '联系电话', dataIndex: 'phone' },
          {
            title: '操作',
            width: 140,
            render: (_, row) => (
              <Space>
                <Button type="link" size="small" onClick={() => open(row)}>
                  编辑
                </Button>
                <Popconfirm
                  title={`从名册中移除 ${row.name}？`}
                  description="已有的登记记录不受影响。"
                  okText="移除"
                  cancelText="取消"
                  onConfirm={() => removal.run(row)}
                >
                  <Button type="link" size="small" danger>
                    移除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Button style={{ marginTop: 12 }} icon={<PlusOutlined />} onClick={() => open('new')}>
        添加律师
      </Button>
      <Modal
        title={editing === 'new' ? '添加值班律师' : '编辑值班律师'}
        open={editing !== null}
        onOk={() => void lawyerForm.submit()}
        confirmLoading={lawyerForm.saving}
        onCancel={() => setEditing(null)}
        okText="保存"
        cancelText="取消"
        destroyOnHidden
        forceRender
      >
        <Form<LawyerInput> form={form} layout="vertical" name="lawyer" onValuesChange={lawyerForm.changed} onFinish={() => void lawyerForm.submit()}>
          <Form.Item label="姓名" name="name" required>
            <Input autoFocus maxLength={30} />
          </Form.Item>
          <Form.Item label="执业证号" name="licenceNo" required extra="律师执业证上的 17 位数字">
            <Input maxLength={17} inputMode="numeric" />
          </Form.Item>
          <Form.Item label="律师事务所" name="lawFirm" required>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item label="联系电话" name="phone" required>
            <Input maxLength={20} />
          </Form.Item>
          <SubmitOnEnter />
        </Form>
      </Modal>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        共 {lawyers?.length ?? 0} 名值班律师
      </Typography.Paragraph>
    </div>
  );
}
