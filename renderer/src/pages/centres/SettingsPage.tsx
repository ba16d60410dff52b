import { App, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { DEFAULT_CENTRE_CONFIG } from '../../../../core/centres/config-schema';
import { call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { LIST_PATH } from './labels';
import { SettingsForm } from './SettingsForm';
import type { CentreConfigView } from './types';

/** 服务中心设置 (#/centres?view=settings): lists, milestones and their days, the calendar, standards, thresholds. */
export function SettingsPage() {
  const { message, fail, doneWithUndo } = useNotify();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  // Each saved value gets a fresh form (and a clean unsaved-changes guard).
  const [saved, setSaved] = useState<{ config: CentreConfigView; version: number } | null>(null);

  useEffect(() => {
    call('centres.config', {})
      .then((config) => setSaved({ config, version: 0 }))
      .catch(fail);
  }, [fail]);

  const show = (config: CentreConfigView) => setSaved((s) => ({ config, version: (s?.version ?? 0) + 1 }));

  const reset = (before: CentreConfigView) =>
    modal.confirm({
      title: '恢复默认设置？',
      content: '资金来源、功能室、节点与工期、节假日、建设标准和滞后天数都将恢复为默认值，本页未保存的修改也会放弃。已录入的中心和节点不受影响，恢复后可撤销。',
      okText: '恢复默认',
      cancelText: '取消',
      okButtonProps: { danger: true },
      autoFocusButton: 'cancel',
      onOk: async () => {
        try {
          show(await call('centres.updateConfig', DEFAULT_CENTRE_CONFIG));
          doneWithUndo('centre-config-defaults', '已恢复默认设置', '撤销', () =>
            void call('centres.updateConfig', before).then((c) => {
              show(c);
              message.success('已撤销，设置恢复为原来的值');
            }, fail),
          );
        } catch (err) {
          fail(err);
        }
      },
    });

  if (!saved) return <Skeleton active />;
  return <SettingsForm key={saved.version} config={saved.config} onBack={() => navigate(LIST_PATH)} onSaved={show} onReset={() => reset(saved.config)} />;
}
