import { Card, Tabs } from 'antd';
import { LockSettingsTab } from '../lock/LockSettingsTab';
import { SettingsTab } from './SettingsTab';
import { UnitsTab } from './UnitsTab';

export function OrgPage() {
  return (
    <Card title="组织设置">
      <Tabs
        items={[
          { key: 'units', label: '村（社区）', children: <UnitsTab /> },
          { key: 'settings', label: '单位设置', children: <SettingsTab /> },
          { key: 'lock', label: '锁屏密码', children: <LockSettingsTab /> },
        ]}
      />
    </Card>
  );
}
