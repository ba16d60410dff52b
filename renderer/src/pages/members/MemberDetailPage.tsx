import { App, Button, Col, Empty, Row, Skeleton, Tabs } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { STEP_LABEL, type StepNo } from '../../../../core/members/steps';
import { ApiError, call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { DetailHeader } from './DetailHeader';
import { EditRecordModal } from './EditRecordModal';
import { ExitsPanel } from './ExitsPanel';
import { recordPath, stepLabel } from './labels';
import { PeriodicPanel } from './PeriodicPanel';
import { ReviewPanel } from './ReviewPanel';
import { StepForm } from './StepForm';
import { StepTimeline } from './StepTimeline';
import type { RecordDetail, StepView } from './types';
import { useRuleTable } from './useRuleTable';
import { RemindersPanel, ViolationsPanel } from './ViolationsPanel';

const TABS = ['steps', 'review', 'periodic', 'exits'] as const;
type Tab = (typeof TABS)[number];

/** One person's 发展档案: where they stand, every 流程节点, the 政审, and what the rules find. */
export function MemberDetailPage({ id }: { id: number }) {
  const { message, fail, doneWithUndo } = useNotify();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'steps';
  const table = useRuleTable();
  const [detail, setDetail] = useState<RecordDetail | null>(null);
  const [missing, setMissing] = useState(false);
  const [stepNo, setStepNo] = useState<StepNo | null>(null);
  const [editing, setEditing] = useState(false);

  const reload = useCallback(async () => {
    try {
      setDetail(await call('members.get', { id }));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'NOT_FOUND') setMissing(true);
      else fail(err);
    }
  }, [id, fail]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const setTab = (next: string) => setParams({ record: String(id), ...(next === 'steps' ? {} : { tab: next }) }, { replace: true });
  const back = () => (location.key !== 'default' ? navigate(-1) : navigate('/members'));

  /** The undo of `undo` below; `since` makes the core refuse if anything on the file was written meanwhile. */
  const restore = async (s: StepView, since: number) => {
    try {
      await call('members.restoreStep', {
        recordId: id,
        stepNo: s.stepNo,
        date: s.date!,
        people: s.people.length ? s.people : null,
        meeting: s.meeting,
        publicity: s.publicity,
        training: s.training,
        note: s.note,
        overrideReason: s.overrideReason,
        since,
      });
      message.success(`已恢复：${stepLabel(s.stepNo)}`);
    } catch (err) {
      fail(err);
    }
    await reload();
  };

  const undo = async (s: StepView) => {
    try {
      const { undoVersion } = await call('members.removeStep', { recordId: id, stepNo: s.stepNo });
      await reload();
      doneWithUndo(`undo-step-${s.stepNo}`, `已撤销：${stepLabel(s.stepNo)}`, '恢复', () => void restore(s, undoVersion));
    } catch (err) {
      fail(err);
    }
  };

  const restoreRecord = async (name: string, since: number) => {
    try {
      await call('members.restore', { id, since });
      message.success(`已恢复发展档案：${name}`);
      navigate(recordPath(id));
    } catch (err) {
      fail(err);
    }
  };

  /** Only for a file created by mistake: it leaves every list and report, unlike 终止培养, which is kept and counted. */
  const askRemove = (d: RecordDetail) =>
    modal.confirm({
      title: `删除${d.personName}的发展档案？`,
      content: (
        <>
          <p>只用于建错了的档案（选错了人、重复建档等）。删除后，该档案不再出现在发展党员列表、统计、合规检查和报表中，可撤销，也可在发展党员列表的“已删除的档案”中恢复。</p>
          <p style={{ marginBottom: 0 }}>如果该同志确实不再继续培养，请不要删除，而是在“延长/取消/终止”中办理“终止培养”。</p>
        </>
      ),
      okText: '删除档案',
      cancelText: '取消',
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          const { undoVersion } = await call('members.remove', { id });
          navigate('/members');
          doneWithUndo(`deleted-record-${id}`, `已删除发展档案：${d.personName}`, '恢复', () => void restoreRecord(d.personName, undoVersion));
        } catch (err) {
          fail(err);
        }
      },
    });

  if (missing) return <Empty description="找不到该发展档案（可能已被删除）"><Button onClick={() => navigate('/members')}>返回发展党员列表</Button></Empty>;
  if (!detail) return <Skeleton active />;
  const readOnly = detail.status === '已终止培养' || detail.status === '已取消预备党员资格';
  const openReview = () => {
    setStepNo(null);
    setTab('review');
  };

  return (
    <>
      <DetailHeader detail={detail} readOnly={readOnly} onBack={back} onEdit={() => setEditing(true)} onRemove={() => askRemove(detail)} onRecord={setStepNo} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        type="card"
        items={[
          {
            key: 'steps',
            label: STEP_LABEL,
            children: (
              <Row gutter={16}>
                <Col span={14}>
                  <StepTimeline steps={detail.steps} reminders={detail.reminders} nextStep={detail.nextStep} readOnly={readOnly} onOpen={setStepNo} onUndo={(s) => void undo(s)} />
                </Col>
                <Col span={10}>
                  <div style={{ position: 'sticky', top: 8 }}>
                    <RemindersPanel reminders={detail.reminders} />
                    <ViolationsPanel violations={detail.violations} />
                  </div>
                </Col>
              </Row>
            ),
          },
          { key: 'review', label: '政治审查', children: <ReviewPanel detail={detail} table={table} onSaved={() => void reload()} /> },
          { key: 'periodic', label: `考察与思想汇报（${detail.periodic.length}）`, children: <PeriodicPanel detail={detail} onChanged={() => void reload()} /> },
          { key: 'exits', label: '延长/取消/终止', children: <ExitsPanel detail={detail} onChanged={() => void reload()} /> },
        ]}
      />
      <StepForm
        detail={detail}
        stepNo={stepNo}
        table={table}
        onClose={() => setStepNo(null)}
        onSaved={() => {
          setStepNo(null);
          void reload();
        }}
        onOpenReview={openReview}
      />
      <EditRecordModal
        detail={detail}
        open={editing}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          void reload();
        }}
      />
    </>
  );
}
