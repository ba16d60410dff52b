import { Skeleton } from 'antd';
import { useNavigate } from 'react-router-dom';
import { DEFAULT_CENTRE_CONFIG } from '../../../../core/centres/config-schema';
import { call } from '../../api/client';
import { useModuleSettings } from '../../components/useModuleSettings';
import { LIST_PATH } from './labels';
import { SettingsForm } from './SettingsForm';
import type { CentreConfigView } from './types';

const METHODS = {
  read: () => call('centres.config', {}) as Promise<CentreConfigView>,
  write: (c: CentreConfigView) => call('centres.updateConfig', c) as Promise<CentreConfigView>,
};

/** 服务中心设置 (#/centres?view=settings): lists, milestones and their days, the calendar, standards, thresholds. */
export function SettingsPage() {
  const navigate = useNavigate();
  const { saved, show, reset } = useModuleSettings(
    METHODS,
    DEFAULT_CENTRE_CONFIG as CentreConfigView,
    'centre-config-defaults',
    '资金来源、功能室、节点与工期、节假日、建设标准和滞后天数都将恢复为默认值，本页未保存的修改也会放弃。已录入的中心和节点不受影响，恢复后可撤销。',
  );
  if (!saved) return <Skeleton active />;
  return <SettingsForm key={saved.version} config={saved.config} onBack={() => navigate(LIST_PATH)} onSaved={show} onReset={reset} />;
}
