import { Alert, Button, Divider, Form, Input, InputNumber, Popconfirm, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { IDLE_MINUTES_MAX } from '../../../../core/lock/schemas';
import { ApiError, call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { useLock } from './lockContext';

interface PasswordValues {
  oldPassword?: string;
  newPassword: string;
  confirm: string;
}

/** Puts a refusal (原密码不正确) at its field as well as in the message. */
function showFieldErrors(form: { setFields: (fields: { name: never; errors: string[] }[]) => void }, err: unknown): void {
  if (err instanceof ApiError && err.fields) form.setFields(Object.entries(err.fields).map(([name, msg]) => ({ name: name as never, errors: [msg] })));
}

/** 组织设置 → 锁屏密码: set, change or remove the password (the last two need the old one), and the idle minutes. */
export function LockSettingsTab() {
  const { status, refresh } = useLock();
  const { message, fail } = useNotify();
  const [pwForm] = Form.useForm<PasswordValues>();
  const [clearForm] = Form.useForm<{ oldPassword: string }>();
  const [busy, setBusy] = useState(false);

  if (!status) return <Skeleton active />;
  const has = status.hasPassword;

  const savePassword = async (v: PasswordValues) => {
    setBusy(true);
    try {
      await call('lock.setPassword', { oldPassword: has ? v.oldPassword : null, newPassword: v.newPassword });
      pwForm.resetFields();
      await refresh();
      message.success(has ? '锁屏密码已修改' : '锁屏密码已设置：可点右上角“锁定”或按 Ctrl+L 锁定屏幕');
    } catch (err) {
      showFieldErrors(pwForm, err);
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const clear = async () => {
    const { oldPassword } = await clearForm.validateFields();
    setBusy(true);
    try {
      await call('lock.clear', { oldPassword });
      clearForm.resetFields();
      await refresh();
      message.success('锁屏密码已删除，屏幕不再锁定');
    } catch (err) {
      showFieldErrors(clearForm, err);
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const saveIdle = async ({ idleMinutes }: { idleMinutes: number }) => {
    try {
      await call('lock.setIdle', { idleMinutes });
      await refresh();
      message.success(idleMinutes === 0 ? '已设置为不自动锁定' : `已设置：无操作 ${idleMinutes} 分钟后自动锁定`);
    } catch (err) {
      fail(err);
    }
  };

  return (
    <div style={{ maxWidth: 560 }}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="锁屏密码只挡住本程序的界面"
        description="离开座位时锁定，别人就看不到台账内容。数据文件和命令行工具由本机 Windows 账户保护，不受锁屏密码保护：请同时为 Windows 账户设置密码，离开时按 Win+L。"
      />
      <Typography.Title level={5}>{has ? '修改锁屏密码' : '设置锁屏密码'}</Typography.Title>
      <Form<PasswordValues> form={pwForm} layout="vertical" onFinish={savePassword} data-testid="lock-password-form">
        {has && (
          <Form.Item name="oldPassword" label="原密码" rules={[{ required: true, message: '请输入原密码' }]}>
            <Input.Password autoComplete="current-password" maxLength={128} />
          </Form.Item>
        )}
        <Form.Item name="newPassword" label="新密码" extra="至少 4 个字符" rules={[{ required: true, message: '请输入新密码' }, { min: 4, message: '锁屏密码至少 4 个字符' }]}>
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="再次输入新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {has ? '修改密码' : '设置密码'}
        </Button>
      </Form>

      <Divider />
      <Typography.Title level={5}>自动锁定</Typography.Title>
      <Form<{ idleMinutes: number }> layout="inline" key={status.idleMinutes} initialValues={{ idleMinutes: status.idleMinutes }} onFinish={saveIdle}>
        <Form.Item name="idleMinutes" label="无操作" rules={[{ required: true, message: '请填写分钟数' }]}>
          <InputNumber min={0} max={IDLE_MINUTES_MAX} precision={0} suffix="分钟" style={{ width: 140 }} aria-label="无操作自动锁定分钟数" />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit">保存</Button>
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {has ? '' : '设置锁屏密码后生效。'}0 表示不自动锁定；随时可点右上角“锁定”或按 Ctrl+L 锁定。
      </Typography.Paragraph>

      {has && (
        <>
          <Divider />
          <Typography.Title level={5}>删除锁屏密码</Typography.Title>
          <Form form={clearForm} layout="inline">
            <Form.Item name="oldPassword" label="原密码" rules={[{ required: true, message: '请输入原密码' }]}>
              <Input.Password autoComplete="current-password" maxLength={128} style={{ width: 200 }} />
            </Form.Item>
            <Space>
              <Popconfirm title="删除锁屏密码后，屏幕不再锁定。确定删除吗？" okText="删除" cancelText="取消" onConfirm={clear}>
                <Button danger loading={busy}>
                  删除密码
                </Button>
              </Popconfirm>
            </Space>
          </Form>
        </>
      )}
    </div>
  );
}
