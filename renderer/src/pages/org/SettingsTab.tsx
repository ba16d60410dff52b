import { Button, Divider, Form, Input, InputNumber, Select, Skeleton, Space } from 'antd';
import { useEffect, useState } from 'react';
import { DORMANT_YEARS } from '../../../../core/org/limits';
import type { Settings } from '../../../../core/org/schemas';
import { ApiError, call } from '../../api/client';
import { useSession } from '../../components/session';
import { useNotify } from '../../components/useNotify';

type Values = Pick<Settings, 'unitName' | 'fillerName' | 'reviewerName' | 'phone' | 'fontTitle' | 'fontHeader' | 'fontBody' | 'reviewPartLabels' | 'dormantYears' | 'countyKey'>;

const REVIEW_PARTS = ['一谈', '一报', '一审', '一定'];

/** Fonts every Chinese Windows ships, plus the 方正 ones many offices install for official documents. */
const FONTS = ['黑体', '宋体', '仿宋', '楷体', '微软雅黑', '方正小标宋简体', '仿宋_GB2312', '楷体_GB2312'].map((f) => ({ value: f, label: f }));

export function SettingsTab() {
  const { reloadSettings } = useSession();
  const { message, fail } = useNotify();
  const [form] = Form.useForm<Values>();
  const [loaded, setLoaded] = useState<Settings | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    call('org.getSettings', {}).then(setLoaded).catch(fail);
  }, [fail]);

  const save = async (v: Values) => {
    setSaving(true);
    try {
      await call('org.updateSettings', v);
      await reloadSettings();
      message.success('单位设置已保存');
    } catch (err) {
      if (err instanceof ApiError && err.fields) {
        form.setFields(Object.entries(err.fields).filter(([k]) => k in v).map(([k, msg]) => ({ name: k as keyof Values, errors: [msg] })));
      }
      fail(err);
    } finally {
      setSaving(false);
    }
  };

  if (!loaded) return <Skeleton active />;
  return (
    <Form<Values> form={form} layout="vertical" initialValues={loaded} onFinish={save} style={{ maxWidth: 560 }}>
      <Form.Item label="所在乡镇（街道）">
        <Input value={`${loaded.countyName}${loaded.townName}`} disabled />
      </Form.Item>
      <Form.Item name="unitName" label="填报单位" extra="印在每张报表的落款处" rules={[{ required: true, whitespace: true, message: '请填写填报单位' }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="fillerName" label="填报人">
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="reviewerName" label="审核人">
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="phone" label="联系电话" rules={[{ pattern: /^[\d\-+ ()（）转]*$/, message: '联系电话只能包含数字和“-”' }]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item
        name="countyKey"
        label="区县密钥"
        extra="由区县组织部统一下发，本区县各乡镇填写相同的密钥。脱敏导出的报表在每个公民身份号码旁附一段由它算出的密文，区县汇总时凭此找出同一人；密钥本身不写入文件。不参加区县汇总可留空。"
        rules={[{ validator: (_r, v: string | undefined) => (!v || v.trim().length >= 16 ? Promise.resolve() : Promise.reject(new Error('区县密钥至少 16 个字符'))) }]}
      >
        <Input.Password maxLength={200} autoComplete="off" />
      </Form.Item>
      <Divider titlePlacement="start">报表字体</Divider>
      <Form.Item name="fontTitle" label="标题">
        <Select options={FONTS} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="fontHeader" label="表头">
        <Select options={FONTS} />
      </Form.Item>
      <Form.Item name="fontBody" label="正文">
        <Select options={FONTS} />
      </Form.Item>
      <Divider titlePlacement="start">政治审查“一谈一报一审一定”各环节名称</Divider>
      <Space.Compact block>
        {REVIEW_PARTS.map((part, i) => (
          <Form.Item key={part} name={['reviewPartLabels', i]} label={part} rules={[{ required: true, whitespace: true, message: '不能为空' }]} style={{ flex: 1, marginRight: 8 }}>
            <Input maxLength={12} />
          </Form.Item>
        ))}
      </Space.Compact>
      <Divider titlePlacement="start">多年不发展党员</Divider>
      <Form.Item
        name="dormantYears"
        label="提醒年限"
        extra={`党支部连续这么多年没有经上级党委审批发展党员时，在首页和“多年不发展党员的党支部”报表中标出（${DORMANT_YEARS.min}～${DORMANT_YEARS.max} 年）`}
        rules={[{ required: true, type: 'integer', min: DORMANT_YEARS.min, max: DORMANT_YEARS.max, message: `请填写 ${DORMANT_YEARS.min}～${DORMANT_YEARS.max} 之间的整数年` }]}
      >
        <InputNumber min={DORMANT_YEARS.min} max={DORMANT_YEARS.max} precision={0} addonAfter="年" style={{ width: 160 }} aria-label="多年不发展党员提醒年限" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        保存
      </Button>
    </Form>
  );
}
