import { LockOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { call } from '../../api/client';
import { useSession } from '../../components/session';
import { describeError } from '../../components/useNotify';

const WRONG = '密码不正确，请重新输入。';

/**
 * The whole window under one cover. Everything else in the page (the shell, open dialogs) is made inert while it
 * shows, so Tab and screen readers cannot reach what is behind it either.
 */
export function LockScreen({ onUnlocked }: { onUnlocked: () => void }) {
  const { settings } = useSession();
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    const cover = root.current;
    if (!cover) return;
    const others = [...document.body.children].filter((el) => el !== cover && !el.contains(cover) && !el.hasAttribute('inert'));
    others.forEach((el) => el.setAttribute('inert', ''));
    return () => others.forEach((el) => el.removeAttribute('inert'));
  }, []);

  const unlock = async ({ password }: { password: string }) => {
    setBusy(true);
    try {
      const { unlocked, waitSeconds } = await call('lock.unlock', { password: password ?? '' });
      if (unlocked) return onUnlocked();
      form.setFields([{ name: 'password', value: '', errors: [waitSeconds ? `密码连续输错多次，请 ${waitSeconds} 秒后再试。` : WRONG] }]);
    } catch (err) {
      form.setFields([{ name: 'password', errors: [describeError(err)] }]);
    } finally {
      setBusy(false);
    }
  };

  return createPortal(
    <div
      ref={root}
      role="dialog"
      aria-modal="true"
      aria-label="台账已锁定"
      data-testid="lock-screen"
      style={{ position: 'fixed', inset: 0, zIndex: 3100, background: '#f0f2f5', display: 'grid', placeItems: 'center' }}
    >
      <Card style={{ width: 380 }}>
        <div style={{ textAlign: 'center', marginBottom: 16 }}>
          <LockOutlined style={{ fontSize: 36, color: '#c8161d' }} />
          <Typography.Title level={4} style={{ margin: '12px 0 4px' }}>
            台账已锁定
          </Typography.Title>
          <Typography.Text type="secondary">
            {settings.countyName}
            {settings.townName} · 请输入锁屏密码继续
          </Typography.Text>
        </div>
        <Form form={form} layout="vertical" onFinish={unlock} requiredMark={false}>
          <Form.Item name="password" label="锁屏密码" rules={[{ required: true, message: '请输入锁屏密码' }]}>
            <Input.Password autoFocus autoComplete="current-password" maxLength={128} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            解锁
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          锁屏只挡住本程序的界面。忘记密码时，请技术人员在本机登录同一 Windows 账户，运行 ledger lock-reset 清除。
        </Typography.Paragraph>
      </Card>
    </div>,
    document.body,
  );
}
