import { ArrowLeftOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Row, Space } from 'antd';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { settingsFieldErrors, toConfig, toValues, type SettingsValues } from './settingsValues';
import { SettingsListsCard } from './SettingsListsCard';
import { SettingsPlanCard } from './SettingsPlanCard';
import { SettingsRulesCard } from './SettingsRulesCard';
import type { ReserveConfigView } from './types';

interface Props {
  /** As saved; the page mounts a fresh form for every saved value. */
  config: ReserveConfigView;
  onBack(): void;
  onSaved(next: ReserveConfigView): void;
  onReset(): void;
}

const FORM_ID = 'reserve-settings';

/** The whole of reserves.config in one form, checked with the contract's schema before it is sent. */
export function SettingsForm({ config, onBack, onSaved, onReset }: Props) {
  const { message, fail } = useNotify();
  const [form] = Form.useForm<SettingsValues>();
  const [saving, setSaving] = useState(false);
  const { markDirty, guardClose } = useUnsavedGuard(true);

  const save = async (v: SettingsValues) => {
    const checked = toConfig(v);
    if (!checked.ok) {
      form.setFields(settingsFieldErrors(checked.fields));
      message.error('设置有误，请按提示修改后再保存');
      return;
    }
    setSaving(true);
    try {
      const next = await call('reserves.updateConfig', checked.config);
      message.success('后备人才设置已保存');
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
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label="返回名册" onClick={guardClose(onBack)} />
          <span>后备人才设置</span>
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
        layout="horizontal"
        labelCol={{ flex: '150px' }}
        labelWrap
        initialValues={toValues(config)}
        onFinish={save}
        onValuesChange={markDirty}
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <SettingsListsCard />
            <SettingsRulesCard />
          </Col>
          <Col xs={24} xl={12}>
            <SettingsPlanCard />
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
