import { Alert, App, Button, Card, Col, Empty, Row, Skeleton, Tabs } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { ApiError, call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { useUnits } from '../../components/useUnits';
import { AffairsTable } from './AffairsTable';
import { AssessmentsPanel } from './AssessmentsPanel';
import { EventTimeline } from './EventTimeline';
import { reservePath } from './labels';
import { ReserveForm } from './ReserveForm';
import { ReserveHeader, type StatusKind } from './ReserveHeader';
import { StatusModal } from './StatusModal';
import { TrainingEditModal } from './TrainingEditModal';
import { TrainingsTable } from './TrainingsTable';
import type { AffairView, Enrolment, ReserveDetail, ReserveEvent } from './types';
import { useReserveConfig } from './useReserveConfig';

/** One 后备人才: the facts, the 动态调整台账, 培养, 村级事务 and 考核, with what the 入库条件 warn about. */
export function ReserveDetailPage({ id }: { id: number }) {
  const { message, fail, doneWithUndo } = useNotify();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const { units } = useUnits(false);
  const config = useReserveConfig();
  const [detail, setDetail] = useState<ReserveDetail | null>(null);
  const [missing, setMissing] = useState(false);
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<StatusKind | null>(null);
  const [editingTraining, setEditingTraining] = useState<Enrolment | null>(null);

  const reload = useCallback(async () => {
    try {
      setDetail(await call('reserves.get', { id }));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'NOT_FOUND') setMissing(true);
      else fail(err);
    }
  }, [id, fail]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const back = () => (location.key !== 'default' ? navigate(-1) : navigate('/reserves'));
  /** Every write ends the same way: a message, or the failure, and the page read afresh. */
  const run = async (write: () => Promise<unknown>, done: () => void) => {
    try {
      await write();
      done();
    } catch (err) {
      fail(err);
    }
    await reload();
  };

  const undoEvent = (e: ReserveEvent) => void run(() => call('reserves.removeEvent', { id: e.id }), () => message.success(`已撤销：${e.date} ${e.kind}`));
  const removeAffair = (a: AffairView) =>
    void run(
      () => call('reserves.removeAffair', { id: a.affairId }),
      () =>
        doneWithUndo(`deleted-affair-${a.affairId}`, `已删除村级事务：${a.date} ${a.affairType}`, '撤销', () =>
          void run(() => call('reserves.restoreAffair', { id: a.affairId }), () => message.success('已恢复村级事务记录')),
        ),
    );
  const setResult = (t: Enrolment, result: string) =>
    void run(
      () => call('reserves.setEnrolmentResult', { trainingId: t.trainingId, reserveId: id, result: result || null }),
      () => message.success(result ? `已记录结业情况：${result}` : '已清空结业情况'),
    );
  const removeTraining = (t: Enrolment) =>
    void run(
      () => call('reserves.removeTraining', { id: t.trainingId }),
      () =>
        doneWithUndo(`deleted-training-${t.trainingId}`, `已删除培养记录：${t.type}（${t.startOn}）`, '撤销', () =>
          void run(() => call('reserves.restoreTraining', { id: t.trainingId }), () => message.success('已恢复培养记录')),
        ),
    );

  const restoreRecord = async (name: string) => {
    try {
      await call('reserves.restore', { id });
      message.success(`已恢复后备人才：${name}`);
      navigate(reservePath(id));
    } catch (err) {
      fail(err);
    }
  };

  /** Only for a record created by mistake: 出库 keeps the person in the 台账 and is what a real departure is. */
  const askRemove = (d: ReserveDetail) =>
    modal.confirm({
      title: `删除${d.row.name}的后备人才记录？`,
      content: '只用于建错了的记录（选错了人、重复录入等）。删除后不再出现在名册、统计和报表中，可撤销。确实不再作为后备人才的，请用“出库”。',
      okText: '删除记录',
      cancelText: '取消',
      okButtonProps: { danger: true },
      autoFocusButton: 'cancel',
      onOk: async () => {
        try {
          await call('reserves.remove', { id });
          navigate('/reserves');
          doneWithUndo(`deleted-reserve-${id}`, `已删除后备人才：${d.row.name}`, '撤销', () => void restoreRecord(d.row.name));
        } catch (err) {
          fail(err);
        }
      },
    });

  if (missing) return <Empty description="找不到该后备人才（可能已被删除）"><Button onClick={() => navigate('/reserves')}>返回后备人才名册</Button></Empty>;
  if (!detail) return <Skeleton active />;

  return (
    <>
      <ReserveHeader detail={detail} onBack={back} onEdit={() => setEditing(true)} onRemove={() => askRemove(detail)} onStatus={setStatus} />
      {detail.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="reserve-warnings"
          title="入库条件提醒"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {detail.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={8}>
          <Card size="small" title="动态调整台账" style={{ marginBottom: 12 }}>
            <EventTimeline events={detail.events} onUndo={undoEvent} />
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Tabs
            type="card"
            items={[
              { key: 'trainings', label: `培养（${detail.trainings.length}）`, children: <TrainingsTable trainings={detail.trainings} onEdit={setEditingTraining} onResult={setResult} onRemove={removeTraining} /> },
              { key: 'affairs', label: `村级事务（${detail.affairs.length}）`, children: <AffairsTable affairs={detail.affairs} onRemove={removeAffair} /> },
              { key: 'assessments', label: `考核（${detail.assessments.length}）`, children: <AssessmentsPanel detail={detail} onChanged={() => void reload()} /> },
            ]}
          />
        </Col>
      </Row>
      <ReserveForm
        editing={editing ? detail : undefined}
        units={units}
        config={config}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          void reload();
        }}
      />
      <TrainingEditModal
        training={editingTraining}
        reserveId={id}
        config={config}
        onClose={() => setEditingTraining(null)}
        onSaved={() => {
          setEditingTraining(null);
          void reload();
        }}
      />
      <StatusModal
        detail={detail}
        kind={status}
        config={config}
        onClose={() => setStatus(null)}
        onSaved={() => {
          setStatus(null);
          void reload();
        }}
      />
    </>
  );
}
