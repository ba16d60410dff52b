import { Button, Card, Form, InputNumber, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../../core/api/contract';
import { call } from '../../api/client';
import { useNotify } from '../../components/useNotify';

type Rotation = MethodOutput<'backup.settings'>;

/** How many automatic backups stay: the newest of each day and of each month; older ones are removed after each backup. */
export function RotationForm() {
  const { message, fail } = useNotify();
  const [form] = Form.useForm<Rotation>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    call('backup.settings', {}).then((r) => form.setFieldsValue(r), fail);
  }, [form, fail]);

  const save = async (values: Rotation) => {
    setSaving(true);
    try {
      form.setFieldsValue(await call('backup.updateSettings', values));
      message.success('已保存自动备份保留份数，下次自动备份后生效');
    } catch (err) {
      fail(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="自动备份保留份数" size="small">
      <Form form={form} layout="inline" onFinish={(v) => void save(v)} aria-label="自动备份保留份数">
        <Form.Item label="每日备份保留" name="daily" rules={[{ required: true, message: '请填写份数' }]}>
          <InputNumber min={1} max={365} suffix="天" />
        </Form.Item>
        <Form.Item label="每月备份保留" name="monthly" rules={[{ required: true, message: '请填写份数' }]}>
          <InputNumber min={0} max={120} suffix="个月" />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button htmlType="submit" loading={saving}>
              保存
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">今天的自动备份全部保留；更早的每天留最新一份，再往前每月留最新一份。手动备份不会被自动删除。</Typography.Text>
    </Card>
  );
}
