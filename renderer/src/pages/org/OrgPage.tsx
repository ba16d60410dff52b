import { Card, Tabs } from 'antd';
import { SettingsTab } from './SettingsTab';
import { UnitsTab } from './UnitsTab';

export function OrgPage() {
  return (
    <Card title="组织设置">
      <Tabs
        items={[
          { key: 'units', label: '村（社区）', children: <UnitsTab /> },
          { key: 'settings', label: '单位设置', children: <SettingsTab /> },
        ]}
      />
    </Card>
  );
}
