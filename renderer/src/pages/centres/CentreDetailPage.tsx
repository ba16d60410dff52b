import { Alert, App, Button, Col, Empty, Row, Skeleton } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { ApiError, call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { useUnits } from '../../components/useUnits';
import { CentreForm } from './CentreForm';
import { CentreHeader } from './CentreHeader';
import { LIST_PATH, centrePath } from './labels';
import { MilestoneDoneModal } from './MilestoneDoneModal';
import { MilestonesTable } from './MilestonesTable';
import { MoneyModal } from './MoneyModal';
import { MoneyPanel } from './MoneyPanel';
import { ProgressModal } from './ProgressModal';
import { ProgressPanel } from './ProgressPanel';
import { ReplanModal } from './ReplanModal';
import type { CentreDetail, MilestoneView, MoneyRecord, ProgressEntry } from './types';
import { useCentreConfig } from './useCentreConfig';

type Dialog = 'edit' | 'replan' | 'progress' | 'money' | null;

/** One centre: facts, milestones plan against actual, 形象进度 with photos, and the money by source. */
export function CentreDetailPage({ id }: { id: number }) {
  const { message, fail, doneWithUndo } = useNotify();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const { units } = useUnits(false);
  const config = useCentreConfig();
  const [detail, setDetail] = useState<CentreDetail | null>(null);
  const [missing, setMissing] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [done, setDone] = useState<MilestoneView | null>(null);

  const reload = useCallback(async () => {
    try {
      setDetail(await call('centres.get', { id }));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'NOT_FOUND') setMissing(true);
      else fail(err);
    }
  }, [id, fail]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const back = () => (location.key !== 'default' ? navigate(-1) : navigate(LIST_PATH));
  /** Every write ends the same way: a message, or the failure, and the page read afresh. */
  const run = async (write: () => Promise<unknown>, ok: () => void) => {
    try {
      await write();
      ok();
    } catch (err) {
      fail(err);
    }
    await reload();
  };
  const closed = () => {
    setDialog(null);
    setDone(null);
    void reload();
  };

  const undoMilestone = (m: MilestoneView) =>
    void run(() => call('centres.recordMilestone', { centreId: id, seq: m.seq, actualOn: null }), () => message.success(`已撤销“${m.name}”的完成日期`));
  const removeProgress = (p: ProgressEntry) =>
    void run(
      () => call('centres.removeProgress', { id: p.id }),
      () =>
        doneWithUndo(`deleted-progress-${p.id}`, `已删除进度记录：${p.date} ${p.percent}%`, '撤销', () =>
          void run(() => call('centres.restoreProgress', { id: p.id }), () => message.success('已恢复进度记录')),
        ),
    );
  const removeMoney = (m: MoneyRecord) => void run(() => call('centres.removeMoney', { id: m.id }), () => message.success(`已删除资金${m.kind}记录`));

  const restoreRecord = async (name: string) => {
    try {
      await call('centres.restore', { id });
      message.success(`已恢复服务中心：${name}`);
      navigate(centrePath(id));
    } catch (err) {
      fail(err);
    }
  };

  const askRemove = (d: CentreDetail) =>
    modal.confirm({
      title: `删除${d.row.unitName}的服务中心改造记录？`,
      content: '只用于建错了的记录。删除后不再出现在列表、挂图作战和报表中，可撤销。',
      okText: '删除记录',
      cancelText: '取消',
      okButtonProps: { danger: true },
      autoFocusButton: 'cancel',
      onOk: async () => {
        try {
          await call('centres.remove', { id });
          navigate(LIST_PATH);
          doneWithUndo(`deleted-centre-${id}`, `已删除服务中心：${d.row.unitName}`, '撤销', () => void restoreRecord(d.row.unitName));
        } catch (err) {
          fail(err);
        }
      },
    });

  if (missing)
    return (
      <Empty description="找不到该服务中心（可能已被删除）">
        <Button onClick={() => navigate(LIST_PATH)}>返回服务中心列表</Button>
      </Empty>
    );
  if (!detail) return <Skeleton active />;
  const last = detail.progress[detail.progress.length - 1];

  return (
    <>
      <CentreHeader detail={detail} onBack={back} onEdit={() => setDialog('edit')} onRemove={() => askRemove(detail)} />
      {detail.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="centre-warnings"
          title="建设标准提醒"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {detail.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
        />
      )}
      <MilestonesTable milestones={detail.milestones} onDone={setDone} onUndo={undoMilestone} onReplan={() => setDialog('replan')} />
      <Row gutter={12}>
        <Col xs={24} xl={12}>
          <ProgressPanel progress={detail.progress} onAdd={() => setDialog('progress')} onRemove={removeProgress} />
        </Col>
        <Col xs={24} xl={12}>
          <MoneyPanel bySource={detail.moneyBySource} records={detail.money} onAdd={() => setDialog('money')} onRemove={removeMoney} />
        </Col>
      </Row>
      <CentreForm editing={dialog === 'edit' ? detail : undefined} units={units} config={config} onClose={() => setDialog(null)} onSaved={closed} />
      <MilestoneDoneModal centreId={id} milestone={done} onClose={() => setDone(null)} onSaved={closed} />
      <ReplanModal centreId={id} milestones={detail.milestones} open={dialog === 'replan'} onClose={() => setDialog(null)} onSaved={closed} />
      <ProgressModal centreId={id} open={dialog === 'progress'} lastPercent={last?.percent ?? null} onClose={() => setDialog(null)} onSaved={closed} />
      <MoneyModal centreId={id} open={dialog === 'money'} sources={config?.fundingSources ?? []} onClose={() => setDialog(null)} onSaved={closed} />
    </>
  );
}
