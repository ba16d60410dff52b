import { Alert, Button } from 'antd';
import { useState } from 'react';
import { call } from '../api/client';
import { useSession } from '../components/session';
import { useNotify } from '../components/useNotify';

/** Always visible in demo mode, so nobody types real people into the practice ledger by mistake. */
export function DemoBanner() {
  const { reboot } = useSession();
  const { fail } = useNotify();
  const [busy, setBusy] = useState(false);
  const backToReal = async () => {
    setBusy(true);
    try {
      reboot(await call('app.openReal', {}));
    } catch (err) {
      fail(err);
      setBusy(false);
    }
  };
  return (
    <Alert
      type="warning"
      banner
      showIcon
      role="status"
      title="演示数据 — 此处数据仅供体验，与正式数据完全分开"
      action={
        <Button size="small" type="primary" loading={busy} onClick={backToReal}>
          返回正式数据
        </Button>
      }
      style={{ position: 'sticky', top: 0, zIndex: 100 }}
    />
  );
}
