import { App, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { DEFAULT_RESERVE_CONFIG } from '../../../../core/reserves/config-schema';
import { call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { SettingsForm } from './SettingsForm';
import type { ReserveConfigView } from './types';

/** 后备人才设置 (#/reserves?view=settings): the lists, the plan, the 入库条件 and the ranking's warning share. */
export function SettingsPage() {
  const { message, fail, doneWithUndo } = useNotify();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  // Each saved value gets a fresh form (and a clean unsaved-changes guard).
  const [saved, setSaved] = useState<{ config: ReserveConfigView; version: number } | null>(null);

  useEffect(() => {
    call('reserves.config', {})
      .then((config) => setSaved({ config, version: 0 }))
      .catch(fail);
  }, [fail]);

  const show = (config: ReserveConfigView) => setSaved((s) => ({ config, version: (s?.version ?? 0) + 1 }));

  const reset = (before: ReserveConfigView) =>
    modal.confirm({
      title: '恢复默认设置？',
      content: '选项列表、计划目标、入库条件和末位比例都将恢复为默认值，本页未保存的修改也会放弃。已录入的记录不受影响，恢复后可撤销。',
      okText: '恢复默认',
      cancelText: '取消',
      okButtonProps: { danger: true },
      autoFocusButton: 'cancel',
      onOk: async () => {
        try {
          show(await call('reserves.updateConfig', DEFAULT_RESERVE_CONFIG));
          doneWithUndo('reserve-config-defaults', '已恢复默认设置', '撤销', () =>
            void call('reserves.updateConfig', before).then((c) => {
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
  return <SettingsForm key={saved.version} config={saved.config} onBack={() => navigate('/reserves')} onSaved={show} onReset={() => reset(saved.config)} />;
}
