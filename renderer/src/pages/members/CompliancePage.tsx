import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { CheckTab } from './CheckTab';
import { RulesTab } from './RulesTab';

/** 合规检查 and the rule table it applies, side by side: a clerk who doubts a finding can look up its rule. */
export function CompliancePage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'rules' ? 'rules' : 'check';
  return (
    <Card title="发展党员合规检查">
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'rules' ? { tab: 'rules' } : {}, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'check', label: '合规检查', children: <CheckTab /> },
          { key: 'rules', label: '规则设置', children: <RulesTab /> },
        ]}
      />
    </Card>
  );
}
