import { Alert, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Typography } from 'antd';
import type { RuleObject } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { addDays } from '../../../../core/members/dates';
import { thresholdOf, type RuleTable } from '../../../../core/members/rule-table';
import { ApiError, call } from '../../api/client';
import { useSession } from '../../components/session';
import { useNotify } from '../../components/useNotify';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { LettersTable } from './LettersTable';
import { ReviewContentCard, ReviewScansCard, fromContentItems, toContentItems } from './ReviewContent';
import { todayIso } from './labels';
import { notFuture } from './stepValues';
import type { RecordDetail } from './types';

interface Values {
  talkDate: Dayjs | null;
  talkBy: string | null;
  talkSummary: string | null;
  reportDate: Dayjs | null;
  reportMaterials: string | null;
  examDate: Dayjs | null;
  examNote: string | null;
  contentItems: string[];
  conclusionResult: '合格' | '不合格' | null;
  conclusionDate: Dayjs | null;
  conclusionSigner: string | null;
}

const d = (s: string | null | undefined) => (s ? dayjs(s) : null);
const iso = (v: Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : null);
const text = (s: string | null | undefined) => s?.trim() || null;
/** The fixed 谈/报/审/定 stays; what follows each is the township's own name for the part (单位设置). */
const PREFIXES = ['一谈', '一报', '一审', '一定'] as const;
const DEFAULT_LABELS = ['谈话', '报送材料', '审查', '定结论'] as const;

interface Props {
  detail: RecordDetail;
  table: RuleTable | null;
  onSaved(): void;
}

/** 政治审查 as its four recorded parts, 一谈一报一审一定; without a 合格 结论 nobody may be admitted (R11). */
export function ReviewPanel({ detail, table, onSaved }: Props) {
  const { message, fail } = useNotify();
  const { settings } = useSession();
  const heading = (i: 0 | 1 | 2 | 3) => `${PREFIXES[i]}：${settings.reviewPartLabels[i]?.trim() || DEFAULT_LABELS[i]}`;
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const r = detail.review;
  const result = Form.useWatch('conclusionResult', form);
  const lastLetter = r.letters.map((l) => l.date).sort().at(-1);
  const gap = table ? thresholdOf(table, 'R11', 'daysAfterLetters') : 1;
  const earliest = lastLetter ? addDays(lastLetter, gap) : null;

  // Adding or deleting a 函调 reloads the record; only a change to the saved review itself may reset what the clerk
  // is typing here.
  const { letters: _letters, ...savedReview } = r;
  const saved = JSON.stringify(savedReview);
  // An inline form: nothing to close, but a reload must not silently drop a half-typed 政审. Clean again once saved.
  const { markDirty } = useUnsavedGuard(true, saved);
  // members.get has no "saved" flag; any saved value means the review row (the scans' owner) exists. A review saved
  // with every box empty is missed, and the clerk just saves again with something in it.
  const hasReview = Object.values(savedReview).some((v) => v !== null && v !== undefined);
  useEffect(() => {
    const v = JSON.parse(saved) as typeof savedReview;
    form.setFieldsValue({
      talkDate: d(v.talkDate),
      talkBy: v.talkBy ?? null,
      talkSummary: v.talkSummary ?? null,
      reportDate: d(v.reportDate),
      reportMaterials: v.reportMaterials ?? null,
      examDate: d(v.examDate),
      examNote: v.examNote ?? null,
      contentItems: fromContentItems(v.contentItems),
      conclusionResult: v.conclusionResult ?? null,
      conclusionDate: d(v.conclusionDate),
      conclusionSigner: v.conclusionSigner ?? null,
    });
  }, [saved, form]);

  const afterLetters: RuleObject = {
    validator: async (_, v: Dayjs | null) => {
      if (v && earliest && v.format('YYYY-MM-DD') < earliest) throw new Error(`结论须在全部函调之后作出（最后一次函调 ${lastLetter}）`);
    },
  };
  const neededWithResult = (what: string): RuleObject => ({
    validator: async (_, v: unknown) => {
      if (form.getFieldValue('conclusionResult') && !v) throw new Error(`填写结论时须同时填写${what}`);
    },
  });

  const save = async (v: Values) => {
    setSaving(true);
    try {
      await call('members.saveReview', {
        recordId: detail.id,
        talkDate: iso(v.talkDate),
        talkBy: text(v.talkBy),
        talkSummary: text(v.talkSummary),
        reportDate: iso(v.reportDate),
        reportMaterials: text(v.reportMaterials),
        examDate: iso(v.examDate),
        examNote: text(v.examNote),
        contentItems: toContentItems(v.contentItems),
        conclusionResult: v.conclusionResult,
        conclusionDate: iso(v.conclusionDate),
        conclusionSigner: text(v.conclusionSigner),
      });
      message.success('已保存政治审查');
      await recordStepTen(v);
      onSaved();
    } catch (err) {
      if (err instanceof ApiError && err.fields) form.setFields(Object.entries(err.fields).map(([name, msg]) => ({ name: name as keyof Values, errors: [msg] })));
      fail(err);
    } finally {
      setSaving(false);
    }
  };

  /** A 合格 结论 completes 流程节点 10; recording it here spares the clerk typing the same date twice. */
  const recordStepTen = async (v: Values) => {
    if (v.conclusionResult !== '合格' || !v.conclusionDate || detail.steps[9]?.date) return;
    try {
      await call('members.recordStep', { recordId: detail.id, stepNo: 10, date: iso(v.conclusionDate)!, note: '政审结论：合格' });
      message.success('已同时记录流程节点：10 进行政治审查');
    } catch (err) {
      const why = err instanceof ApiError ? err.message : '';
      message.warning({ content: `政治审查已保存，但流程节点“进行政治审查”未能自动记录，请在流程节点中记录。${why}`, duration: 8 });
    }
  };

  const part = (title: string, sub: string, body: React.ReactNode) => (
    <Card size="small" title={<span>{title}{sub && <Typography.Text type="secondary" style={{ fontWeight: 400, marginInlineStart: 8 }}>{sub}</Typography.Text>}</span>} style={{ height: '100%' }}>
      {body}
    </Card>
  );

  return (
    /* No <form> element of its own: the 函调 list inside has one, and forms cannot nest. */
    <Form<Values> form={form} name="review" layout="vertical" onFinish={save} onValuesChange={markDirty} component={false}>
      <div data-testid="review-form">
      <div style={{ display: 'flex', alignItems: 'center', marginBottom: 12, gap: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          政治审查　一谈一报一审一定
        </Typography.Title>
        <Typography.Text type="secondary">没有“合格”结论的，不得接收为预备党员</Typography.Text>
        <div style={{ flex: 1 }} />
        <Button type="primary" loading={saving} onClick={() => form.submit()}>
          保存政治审查
        </Button>
      </div>
      <Row gutter={[12, 12]}>
        <Col span={12}>
          {part(heading(0), '党组织与本人', (
            <Row gutter={12}>
              <Col span={12}><Form.Item name="talkDate" label="谈话日期" rules={[notFuture('政审谈话日期', todayIso())]}><DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} /></Form.Item></Col>
              <Col span={12}><Form.Item name="talkBy" label="谈话人"><Input maxLength={60} /></Form.Item></Col>
              <Col span={24}><Form.Item name="talkSummary" label="谈话情况" style={{ marginBottom: 0 }}><Input.TextArea rows={2} maxLength={2000} /></Form.Item></Col>
            </Row>
          ))}
        </Col>
        <Col span={12}>
          {part(heading(1), '党支部报送', (
            <Row gutter={12}>
              <Col span={12}><Form.Item name="reportDate" label="报送日期" rules={[notFuture('政审材料报送日期', todayIso())]}><DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} /></Form.Item></Col>
              <Col span={24}><Form.Item name="reportMaterials" label="报送材料" style={{ marginBottom: 0 }}><Input.TextArea rows={2} maxLength={1000} placeholder="如：入党申请书、自传、政审材料" /></Form.Item></Col>
            </Row>
          ))}
        </Col>
        <Col span={12}>
          {part(heading(2), '乡镇党委查档、函调', (
            <>
              <Row gutter={12}>
                <Col span={12}><Form.Item name="examDate" label="审查日期" rules={[notFuture('审查日期', todayIso())]}><DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} /></Form.Item></Col>
                <Col span={24}><Form.Item name="examNote" label="审查情况"><Input.TextArea rows={2} maxLength={2000} /></Form.Item></Col>
              </Row>
              <LettersTable recordId={detail.id} letters={r.letters} onChanged={onSaved} />
            </>
          ))}
        </Col>
        <Col span={12}>
          {part(heading(3), '乡镇党委作出', (
            <>
              <Form.Item name="conclusionResult" label="结论">
                <Radio.Group options={[{ value: '合格', label: '合格' }, { value: '不合格', label: '不合格' }]} />
              </Form.Item>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="conclusionDate" label="结论日期" dependencies={['conclusionResult']} rules={[neededWithResult('结论日期'), afterLetters, notFuture('审查结论日期', todayIso())]} extra={lastLetter ? `须晚于最后一次函调（${lastLetter}）` : undefined}>
                    <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="conclusionSigner" label="签署人" dependencies={['conclusionResult']} rules={[neededWithResult('签署人')]}>
                    <Input maxLength={30} />
                  </Form.Item>
                </Col>
              </Row>
              {result === '不合格' && <Alert type="error" showIcon title="结论为不合格的，不得接收为预备党员。" />}
            </>
          ))}
        </Col>
        <Col span={24}>
          <ReviewContentCard />
        </Col>
        <Col span={24}>
          <ReviewScansCard recordId={detail.id} saved={hasReview} />
        </Col>
      </Row>
      </div>
    </Form>
  );
}
