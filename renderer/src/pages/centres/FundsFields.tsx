import { Col, Divider, Form, Input, Row, Typography } from 'antd';
import { formatYuan, parseYuan } from '../../../../core/centres/money';
import { splitSums, type CentreFormValues } from './centreFormValues';
import { yuan } from './labels';
import type { CentreConfigView } from './types';

export const yuanRule = {
  validator: (_: unknown, v: string | undefined) =>
    !v?.trim() || parseYuan(v) !== null ? Promise.resolve() : Promise.reject(new Error('请填写金额（元），最多两位小数，如 350000.00')),
};

interface SplitProps {
  /** From Form.Item: the amount typed per 资金来源, in 元. */
  value?: Record<string, string | undefined>;
  onChange?(next: Record<string, string | undefined>): void;
  id?: string;
  sources: readonly string[];
}

/** One 元 box per 资金来源 of the settings (and any source a saved record still carries). */
function FundSplitInput({ value = {}, onChange, id, sources }: SplitProps) {
  const all = [...sources, ...Object.keys(value).filter((s) => !sources.includes(s))];
  return (
    <Row gutter={[12, 8]} id={id}>
      {all.map((source) => {
        const text = value[source] ?? '';
        const bad = text.trim() !== '' && parseYuan(text) === null;
        return (
          <Col span={8} key={source}>
            <Input
              prefix={<span style={{ color: '#595959', minWidth: 64, marginInlineEnd: 4, display: 'inline-block' }}>{source}</span>}
              aria-label={`资金来源 ${source}（元）`}
              inputMode="decimal"
              suffix="元"
              maxLength={16}
              status={bad ? 'error' : undefined}
              value={text}
              onChange={(e) => onChange?.({ ...value, [source]: e.target.value })}
            />
          </Col>
        );
      })}
    </Row>
  );
}

/** 总投资 and its split by 资金来源, with the live 合计/差额 line; the server refuses a split that misses. */
export function FundsFields({ config }: { config: CentreConfigView | null }) {
  const form = Form.useFormInstance<CentreFormValues>();
  const total = Form.useWatch('total', form);
  const funds = Form.useWatch('funds', form);
  const sums = splitSums(total, funds);
  const off = sums.readable && sums.diffFen !== 0;

  return (
    <>
      <Divider titlePlacement="start" plain style={{ margin: '0 0 8px' }}>
        投资与资金来源
      </Divider>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="total" label="总投资" rules={[yuanRule]} extra={sums.readable && sums.totalFen > 0 ? `即 ${(sums.totalFen / 1_000_000).toFixed(2)} 万元` : undefined}>
            <Input inputMode="decimal" suffix="元" maxLength={16} placeholder="如 350000" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <div style={{ paddingTop: 30 }} data-testid="funds-balance">
            {sums.readable ? (
              <Typography.Text type={off ? 'danger' : sums.sumFen > 0 ? 'success' : 'secondary'}>
                资金来源合计 {yuan(sums.sumFen)}，差额 {formatYuan(-sums.diffFen)} 元
                {off ? `（比总投资${sums.diffFen > 0 ? '多' : '少'} ${formatYuan(Math.abs(sums.diffFen))} 元，须一致）` : sums.sumFen > 0 ? '（与总投资一致）' : ''}
              </Typography.Text>
            ) : (
              <Typography.Text type="warning">有金额无法识别，请按“元”填写数字</Typography.Text>
            )}
          </div>
        </Col>
        <Col span={24}>
          {/* The rule passes always: it re-runs on each change, which clears the server's refusal once the clerk edits. */}
          <Form.Item name="funds" label="按资金来源" extra="各来源之和须等于总投资（精确到分）" rules={[{ validator: () => Promise.resolve() }]}>
            <FundSplitInput sources={config?.fundingSources ?? []} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
