import { Button, Form, Input, Space } from 'antd';
import type { TownChoice } from './TownStep';

export interface SetupSettings {
  unitName: string;
  fillerName: string;
  reviewerName: string;
  phone: string;
}

/** 街道 and parks are led by a 党工委, so their reports are signed 工作委员会. */
export function defaultUnitName(town: TownChoice): string {
  const body = town.kind === '街道' || town.kind === '其他' ? '工作委员会' : '委员会';
  return `中共${town.countyName}${town.townName}${body}`;
}

interface Props {
  town: TownChoice;
  saving: boolean;
  onBack(): void;
  onFinish(values: SetupSettings): void;
}

export function SettingsStep({ town, saving, onBack, onFinish }: Props) {
  return (
    <Form<SetupSettings>
      layout="vertical"
      style={{ maxWidth: 520 }}
      initialValues={{ unitName: defaultUnitName(town), fillerName: '', reviewerName: '', phone: '' }}
      onFinish={(v) => onFinish({ unitName: v.unitName.trim(), fillerName: v.fillerName.trim(), reviewerName: v.reviewerName.trim(), phone: v.phone.trim() })}
    >
      <Form.Item name="unitName" label="填报单位" extra="印在每张报表的落款处" rules={[{ required: true, whitespace: true, message: '请填写填报单位' }]}>
        <Input autoFocus />
      </Form.Item>
      <Form.Item name="fillerName" label="填报人">
        <Input placeholder="可以以后再填" maxLength={20} />
      </Form.Item>
      <Form.Item name="reviewerName" label="审核人">
        <Input placeholder="可以以后再填" maxLength={20} />
      </Form.Item>
      <Form.Item name="phone" label="联系电话" rules={[{ pattern: /^[\d\-+ ()（）转]*$/, message: '联系电话只能包含数字和“-”' }]}>
        <Input placeholder="如：0971-2231234" maxLength={30} />
      </Form.Item>
      <Space>
        <Button onClick={onBack}>上一步</Button>
        <Button type="primary" htmlType="submit" size="large" loading={saving}>
          完成
        </Button>
      </Space>
    </Form>
  );
}
