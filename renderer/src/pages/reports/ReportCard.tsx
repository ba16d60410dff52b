import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Unit } from '../../../../core/org/schemas';
import type { ReportInfo } from '../../../../core/reports/schemas';
import { saveReport } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { unitOptions } from '../../components/useUnits';

interface Values {
  period?: [Dayjs | null, Dayjs | null] | null;
  unitIds?: number[];
  mask: boolean;
  paper: 'A4' | 'A3';
}

/** One card per catalogue entry; the form shows only the parameters that report declares. */
export function ReportCard({ report, units }: { report: ReportInfo; units: Unit[] }) {
  const { message, fail } = useNotify();
  const { modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const has = (p: ReportInfo['params'][number]) => report.params.includes(p);

  /** 上报用 (unmasked) asks first: the file carries full ID numbers and the export is logged. */
  const confirmUnmasked = (v: Values) =>
    new Promise<boolean>((resolve) => {
      if (!has('mask') || v.mask) return resolve(true);
      modal.confirm({
        title: '导出含完整身份证号的报表？',
        content: `“${report.title}”将包含完整的公民身份号码，只用于向上级报送，请妥善保管，不要通过微信、QQ 等随意传播。本次导出将记入操作日志（Windows 用户、计算机名、时间、报表名称、身份证号个数）。`,
        okText: '确认导出',
        cancelText: '取消',
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });

  const exportIt = async (v: Values) => {
    if (!(await confirmUnmasked(v))) return;
    setBusy(true);
    try {
      const [from, to] = v.period ?? [null, null];
      const result = await saveReport({
        reportId: report.id,
        from: from ? from.format('YYYY-MM-DD') : null,
        to: to ? to.format('YYYY-MM-DD') : null,
        unitIds: v.unitIds?.length ? v.unitIds : null,
        maskIdNumbers: has('mask') ? v.mask : true,
        ...(has('paper') ? { paper: v.paper } : {}),
      });
      if (result.saved) message.success({ content: `已导出：${result.path ?? result.fileName}`, duration: 6 });
      else message.info('已取消保存');
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card type="inner" title={report.title} data-testid={`report-${report.id}`}>
      <Typography.Paragraph type="secondary">{report.description}</Typography.Paragraph>
      <Form<Values> layout="vertical" initialValues={{ mask: true, unitIds: [], paper: report.defaultPaper ?? 'A4' }} onFinish={exportIt}>
        {has('period') && (
          <Form.Item name="period" label="统计期间" extra="不选则按上方说明的默认期间统计">
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {has('units') && (
          <Form.Item name="unitIds" label="村（社区）" extra="不选则包含全部村（社区）">
            <Select mode="multiple" allowClear placeholder="全部村（社区）" showSearch={{ optionFilterProp: 'label' }} options={unitOptions(units)} maxTagCount="responsive" />
          </Form.Item>
        )}
        {has('mask') && (
          <Form.Item
            name="mask"
            label="身份证号"
            extra="报表常通过U盘、微信传递，请保持脱敏导出；只有向上级报送时才选“上报用”（不脱敏），导出时记入操作日志（Windows 用户、计算机名、时间、报表、身份证号个数）。"
          >
            <Radio.Group
              options={[
                { value: true, label: '脱敏导出（默认）' },
                { value: false, label: '上报用（含完整身份证号，将记入操作日志）' },
              ]}
            />
          </Form.Item>
        )}
        {has('paper') && (
          <Form.Item name="paper" label="打印纸张" extra="表格较宽，乡镇一般用 A3 横向打印；选 A4 时每页列数更少、页数更多">
            <Radio.Group
              optionType="button"
              options={[
                { value: 'A3', label: 'A3 横向' },
                { value: 'A4', label: 'A4 横向' },
              ]}
            />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" icon={<FileExcelOutlined />} loading={busy}>
          {busy ? '正在生成…' : '导出 Excel'}
        </Button>
      </Form>
    </Card>
  );
}
