import { Button, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { useNotify } from '../../components/useNotify';

interface Values {
  countyName: string;
  unitName: string;
  towns: string;
  countyKey: string;
  fillerName: string;
  phone: string;
}

/** A random key for the county: the district hands it to every township, which types it into 设置. */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * First run at the district's 组织部 (区县 mode): the unit is the district, its townships come from the seed list
 * (or are typed, one a line), and there are no villages to set up. The ledger is then used for 区县汇总.
 */
export function CountyStep({ onBack, onDone }: { onBack(): void; onDone(): void }) {
  const { message, fail } = useNotify();
  const [form] = Form.useForm<Values>();
  const [codes, setCodes] = useState(new Map<string, string>());
  const [seedCounty, setSeedCounty] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    call('org.seedTowns', {})
      .then((r) => {
        setSeedCounty(r.countyName);
        setCodes(new Map(r.towns.map((t) => [t.name, t.code])));
        form.setFieldsValue({ countyName: r.countyName, unitName: `中共${r.countyName}委员会组织部`, towns: r.towns.map((t) => t.name).join('\n'), countyKey: newKey() });
      })
      .catch(fail);
  }, [fail, form]);

  const submit = async (v: Values) => {
    const names = [...new Set(v.towns.split(/[\n,，、]/).map((t) => t.trim()).filter(Boolean))];
    setSaving(true);
    try {
      await call('org.setup', {
        mode: 'county',
        countyName: v.countyName.trim(),
        townName: v.countyName.trim(),
        unitName: v.unitName.trim(),
        units: [],
        countyTowns: names.map((name) => ({ name, code: v.countyName.trim() === seedCounty ? (codes.get(name) ?? null) : null })),
        countyKey: v.countyKey.trim(),
        fillerName: v.fillerName?.trim() ?? '',
        phone: v.phone?.trim() ?? '',
      });
      message.success(`设置完成：${v.countyName}（区县汇总）`);
      onDone();
    } catch (err) {
      fail(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="county-step">
      <Form.Item name="countyName" label="区县名称" rules={[{ required: true, message: '请填写区县名称' }]}>
        <Input style={{ maxWidth: 320 }} />
      </Form.Item>
      <Form.Item name="unitName" label="填报单位（汇总表落款）" rules={[{ required: true, message: '请填写填报单位' }]}>
        <Input style={{ maxWidth: 420 }} />
      </Form.Item>
      <Form.Item name="towns" label="本区县的乡镇（街道），每行一个" extra="合并时按这个名单检查是否缺少乡镇，并按这个顺序排列。" rules={[{ required: true, message: '请至少填写一个乡镇（街道）' }]}>
        <Input.TextArea rows={8} style={{ maxWidth: 420 }} />
      </Form.Item>
      <Form.Item
        name="countyKey"
        label="区县密钥"
        extra="请把这个密钥发给各乡镇，在台账“组织设置 → 单位设置”中填写；脱敏导出的文件凭它在区县比对同一人，密钥本身不写入文件。"
        rules={[{ min: 16, message: '区县密钥至少 16 个字符' }]}
      >
        <Input style={{ maxWidth: 420 }} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="fillerName" label="填报人">
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="phone" label="联系电话">
          <Input style={{ width: 200 }} />
        </Form.Item>
      </Space>
      <Typography.Paragraph type="secondary">区县模式不设置村（社区），菜单以“区县汇总”为主。</Typography.Paragraph>
      <Space>
        <Button onClick={onBack}>上一步</Button>
        <Button type="primary" htmlType="submit" loading={saving}>
          完成设置
        </Button>
      </Space>
    </Form>
  );
}
