import { Button, Modal } from 'antd';
import { villageKey } from '../../../../core/import/names';
import { call } from '../../api/client';
import { useNotify } from '../../components/useNotify';

/** The village a problem says is missing from the tree ("村（社区）“X”不在本乡镇的村（社区）中…"), if any. */
export function missingVillage(message: string): string | null {
  return /村（社区）“(.+?)”不在本乡镇/.exec(message)?.[1] ?? null;
}

/** Offers to add the missing village to the tree, then has the file checked again. */
export function AddVillageButton({ name: written, disabled, onAdded }: { name: string; disabled: boolean; onAdded(): void }) {
  const { message, fail } = useNotify();
  // 新建村委会 is added as 新建村, the way the tree names villages; the row matches it either way.
  const name = villageKey(written);
  const kind = /社区$/.test(name) ? '社区' : '村';
  const add = () =>
    Modal.confirm({
      title: `在组织设置中新增${kind}“${name}”？`,
      content: '新增后会重新检查本文件。如果这是已有村（社区）的另一种写法，请不要新增，改为在表格中写成已有的名称。',
      okText: '新增并重新检查',
      cancelText: '取消',
      onOk: async () => {
        try {
          await call('org.addUnit', { name, kind });
          message.success(`已新增${kind}：${name}`);
          onAdded();
        } catch (err) {
          fail(err);
        }
      },
    });
  return (
    <Button size="small" type="link" disabled={disabled} onClick={add} style={{ paddingInline: 4 }}>
      新增该{kind}
    </Button>
  );
}
