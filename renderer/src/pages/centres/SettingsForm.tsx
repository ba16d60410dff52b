import { ArrowLeftOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Row, Space } from 'antd';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { MilestoneSettings } from './MilestoneSettings';
import { CalendarCard, ListsCard, StandardsCard } from './SettingsCards';
import { settingsFieldErrors, toConfig, toValues, type SettingsValues } from './settingsValues';
import type { CentreConfigView } from './types';

interface Props {
  /** As saved; the page mounts a fresh form for every saved value. */
  config: CentreConfigView;
  onBack(): void;
  onSaved(next: CentreConfigView): void;
  onReset(): void;
}

const FORM_ID = 'centre-settings';

/** The whole of centres.config in one form, checked with the contract's schema before it is sent. */
export function SettingsForm({ config, onBack, onSaved, onReset }: Props) {
  const { message, fail } = useNotify();
  const [form] = Form.useForm<SettingsValues>();
  const [saving, setSaving] = useState(false);
  const { markDirty, guardClose } = useUnsavedGuard(true);

  const save = async (v: SettingsValues) => {
    const checked = toConfig(v);
    if (!checked.ok) {
      form.setFields(settingsFieldErrors(checked.fields));
      message.error(`设置有误：${Object.values(checked.fields)[0] ?? '请按提示修改'}`);
      return;
    }
    setSaving(true);
    try {
      const next = await call('centres.updateConfig', checked.config);
      message.success('服务中心设置已保存');
      onSaved(next);
    } catch (err) {
      if (err instanceof ApiError) form.setFields(settingsFieldErrors(err.fields));
      fail(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label="返回列表" onClick={guardClose(onBack)} />
          <span>服务中心设置</span>
        </Space>
      }
      extra={
        <Space>
          <Button icon={<UndoOutlined />} onClick={onReset}>
            恢复默认
          </Button>
          <Button type="primary" icon={<SaveOutlined />} htmlType="submit" form={FORM_ID} loading={saving}>
            保存设置
          </Button>
        </Space>
      }
    >
      <Form<SettingsValues>
        form={form}
        name={FORM_ID}
        layout="vertical"
        initialValues={toValues(config)}
        onFinish={save}
        onValuesChange={markDirty}
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <MilestoneSettings />
            <ListsCard />
          </Col>
          <Col xs={24} xl={12}>
            <StandardsCard />
            <CalendarCard />
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
