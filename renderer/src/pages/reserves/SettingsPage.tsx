import { Skeleton } from 'antd';
import { useNavigate } from 'react-router-dom';
import { DEFAULT_RESERVE_CONFIG } from '../../../../core/reserves/config-schema';
import { call } from '../../api/client';
import { useModuleSettings } from '../../components/useModuleSettings';
import { SettingsForm } from './SettingsForm';
import type { ReserveConfigView } from './types';

const METHODS = {
  read: () => call('reserves.config', {}) as Promise<ReserveConfigView>,
  write: (c: ReserveConfigView) => call('reserves.updateConfig', c) as Promise<ReserveConfigView>,
};

/** 后备人才设置 (#/reserves?view=settings): the lists, the plan, the 入库条件 and the ranking's warning share. */
export function SettingsPage() {
  const navigate = useNavigate();
  const { saved, show, reset } = useModuleSettings(
    METHODS,
    DEFAULT_RESERVE_CONFIG as ReserveConfigView,
    'reserve-config-defaults',
    '选项列表、计划目标、入库条件和末位比例都将恢复为默认值，本页未保存的修改也会放弃。已录入的记录不受影响，恢复后可撤销。',
  );
  if (!saved) return <Skeleton active />;
  return <SettingsForm key={saved.version} config={saved.config} onBack={() => navigate('/reserves')} onSaved={show} onReset={reset} />;
}
