import { CheckOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, DatePicker, Descriptions, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AnalyseResult, FillResult } from '../../../../core/forms/schemas';
import { MAX_IMPORT_BYTES } from '../../../../core/import/schemas';
import type { Unit } from '../../../../core/org/schemas';
import { call, saveFile } from '../../api/client';
import { readAsBase64 } from '../../components/Attachments';
import { useNotify } from '../../components/useNotify';
import { unitOptions } from '../../components/useUnits';

/** The Select's value for 不填: antd shows a null value as empty, so it travels as '' and becomes null again. */
const SKIP = '';

type Column = AnalyseResult['columns'][number];

const MATCH_TAG: Partial<Record<Column['match'], { color: string; text: string }>> = {
  remembered: { color: 'blue', text: '上次的对应' },
  exact: { color: 'green', text: '名称一致' },
  suggested: { color: 'orange', text: '有建议，待确认' },
};

/**
 * 按上级模板填报: the clerk opens the department's blank form, checks which field fills each column (the ledger
 * proposes, and remembers the form's mapping), picks the data and its filters, and downloads the filled form.
 */
export function FormFillPanel({ units }: { units: Unit[] }) {
  const { message, fail } = useNotify();
  const [file, setFile] = useState<{ fileName: string; base64: string } | null>(null);
  const [analysed, setAnalysed] = useState<AnalyseResult | null>(null);
  const [mapping, setMapping] = useState<Record<string, string | null>>({});
  const [unitIds, setUnitIds] = useState<number[]>([]);
  const [period, setPeriod] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [mask, setMask] = useState(true);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<FillResult | null>(null);

  const analyse = async (picked: { fileName: string; base64: string }, reportId?: string, sheetName?: string) => {
    setBusy(true);
    setResult(null);
    try {
      const a = await call('forms.analyse', { ...picked, ...(reportId ? { reportId } : {}), ...(sheetName ? { sheetName } : {}) });
      setFile(picked);
      setAnalysed(a);
      setMapping(Object.fromEntries(a.columns.map((c) => [c.col, c.key])));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const pick = async (picked: File) => {
    if (picked.size > MAX_IMPORT_BYTES) {
      message.error(`文件“${picked.name}”有 ${(picked.size / 1024 / 1024).toFixed(1)} MB，太大了：上级表格一般不超过 20 MB，请确认选对了文件`);
      return;
    }
    try {
      await analyse({ fileName: picked.name, base64: await readAsBase64(picked) });
    } catch (err) {
      fail(err);
    }
  };

  const source = analysed?.sources.find((s) => s.reportId === analysed.reportId);
  const has = (p: string) => source?.params.includes(p) ?? false;

  const fill = async () => {
    if (!file || !analysed) return;
    setBusy(true);
    try {
      const [from, to] = period ?? [null, null];
      const r = await call('forms.fill', {
        ...file,
        sheetName: analysed.sheet,
        reportId: analysed.reportId,
        mapping,
        unitIds: has('units') && unitIds.length ? unitIds : null,
        from: has('period') && from ? from.format('YYYY-MM-DD') : null,
        to: has('period') && to ? to.format('YYYY-MM-DD') : null,
        maskIdNumbers: has('mask') ? mask : true,
      });
      setResult(r);
      const saved = await saveFile(r);
      if (saved.saved) message.success({ content: `已填报 ${r.rowCount} 行：${saved.path ?? saved.fileName}`, duration: 6 });
      else message.info('已取消保存');
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const options = [
    { value: SKIP, label: '不填' },
    ...(analysed?.fields ?? []).map((f) => ({ value: f.key, label: f.group ? `${f.label}（${f.group}）` : f.label })),
  ];
  const labelOf = (key: string | null) => options.find((o) => o.value === key)?.label ?? key ?? '';
  const unmappedNow = analysed?.columns.filter((c) => !mapping[c.col]) ?? [];

  return (
    <Card type="inner" title="按上级模板填报" data-testid="form-fill-panel">
      <Typography.Paragraph type="secondary">
        打开上级发来的空白表格（.xlsx），台账找出表头并逐列对应到台账中的数据；核对后按所选数据填写，原表格的格式、合并单元格、列宽、打印设置和公式都保留，行数不够时按表格的行格式增加，合计行随之下移。同一张表格下次打开时按这次的对应关系。
      </Typography.Paragraph>
      <Space wrap>
        <Upload
          accept=".xlsx,.xlsm"
          showUploadList={false}
          disabled={busy}
          beforeUpload={(picked) => {
            void pick(picked);
            return false;
          }}
        >
          <Button type={analysed ? 'default' : 'primary'} icon={<UploadOutlined />} loading={busy && !analysed} disabled={busy}>
            {analysed ? '换一张表格' : '打开上级表格'}
          </Button>
        </Upload>
        {file && <Typography.Text data-testid="form-fill-file">{file.fileName}</Typography.Text>}
      </Space>
      {analysed && file && (
        <Space orientation="vertical" size={12} style={{ width: '100%', marginTop: 12 }}>
          <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
            <Descriptions.Item label="表格标题">{analysed.title || '（未找到标题）'}</Descriptions.Item>
            <Descriptions.Item label="工作表">
              {analysed.sheets.length > 1 ? (
                <Select
                  aria-label="工作表"
                  size="small"
                  style={{ minWidth: 160 }}
                  value={analysed.sheet}
                  disabled={busy}
                  onChange={(sheetName: string) => void analyse(file, undefined, sheetName)}
                  options={analysed.sheets.map((name) => ({ value: name, label: name }))}
                />
              ) : (
                analysed.sheet
              )}
            </Descriptions.Item>
            <Descriptions.Item label="表头">
              第 {analysed.headerRows[0]}
              {analysed.headerRows[1] !== analysed.headerRows[0] ? `–${analysed.headerRows[1]}` : ''} 行
            </Descriptions.Item>
            <Descriptions.Item label="类型">
              {analysed.shape === 'matrix' ? `统计表：按行名（${analysed.rowLabels.length} 行）和列名逐格填写` : `名单：从第 ${analysed.dataStart} 行起逐行填写（表格原有空白行 ${analysed.blankRows} 行）`}
            </Descriptions.Item>
          </Descriptions>
          {analysed.remembered && <Alert type="info" showIcon title={`这张表格 ${analysed.remembered.savedAt} 填报过，已按上次的对应关系填好，可再修改。`} />}
          <Space wrap align="center">
            <Typography.Text strong>用哪份数据填报</Typography.Text>
            <Select
              aria-label="用哪份数据填报"
              style={{ minWidth: 280 }}
              value={analysed.reportId}
              disabled={busy}
              onChange={(reportId: string) => void analyse(file, reportId, analysed.sheet)}
              options={analysed.sources.map((s) => ({ value: s.reportId, label: `${s.label}（对上 ${s.matched} 列）` }))}
            />
          </Space>
          <Table<Column>
            data-testid="form-fill-mapping"
            size="small"
            rowKey="col"
            dataSource={analysed.columns}
            pagination={false}
            scroll={{ y: 360 }}
            columns={[
              { title: '列', dataIndex: 'col', width: 44 },
              { title: '表格中的表头', dataIndex: 'header' },
              {
                title: '填写',
                key: 'key',
                width: 260,
                render: (_, c) => (
                  <Select
                    aria-label={`第 ${c.col} 列填写`}
                    size="small"
                    style={{ width: 240 }}
                    disabled={busy}
                    value={mapping[c.col] ?? SKIP}
                    showSearch={{ optionFilterProp: 'label' }}
                    options={options}
                    onChange={(v: string) => setMapping((m) => ({ ...m, [c.col]: v === SKIP ? null : v }))}
                  />
                ),
              },
              {
                title: '说明',
                key: 'match',
                width: 220,
                render: (_, c) => {
                  const changed = (mapping[c.col] ?? null) !== c.key;
                  if (changed) return <Tag color="purple">已手动修改</Tag>;
                  if (c.suggestion && !mapping[c.col]) {
                    return (
                      <Space size={4}>
                        <Typography.Text type="warning">像“{labelOf(c.suggestion)}”</Typography.Text>
                        <Button size="small" icon={<CheckOutlined />} aria-label={`第 ${c.col} 列采纳建议`} onClick={() => setMapping((m) => ({ ...m, [c.col]: c.suggestion }))}>
                          采纳
                        </Button>
                      </Space>
                    );
                  }
                  const tag = MATCH_TAG[c.match];
                  return tag && mapping[c.col] ? <Tag color={tag.color}>{tag.text}</Tag> : <Typography.Text type="secondary">不填</Typography.Text>;
                },
              },
            ]}
          />
          {unmappedNow.length > 0 && (
            <Alert type="warning" showIcon data-testid="form-fill-unmapped" title={`以下列台账中没有对应的数据，将保持空白：${unmappedNow.map((c) => `${c.col}列“${c.header}”`).join('、')}`} />
          )}
          {analysed.shape === 'matrix' && analysed.rowLabels.some((l) => !l.matched) && (
            <Alert type="warning" showIcon title={`以下行在所选数据中找不到，将不填写：${analysed.rowLabels.filter((l) => !l.matched).map((l) => l.label).join('、')}`} />
          )}
          <Space wrap size={16} align="center">
            {has('units') && (
              <Select mode="multiple" allowClear aria-label="村（社区）" placeholder="全部村（社区）" style={{ minWidth: 260 }} value={unitIds} onChange={setUnitIds} showSearch={{ optionFilterProp: 'label' }} options={unitOptions(units)} maxTagCount="responsive" />
            )}
            {has('period') && <DatePicker.RangePicker aria-label="统计期间" allowEmpty={[true, true]} value={period} onChange={(v) => setPeriod(v as [Dayjs | null, Dayjs | null] | null)} />}
            {has('mask') && (
              <Checkbox checked={mask} onChange={(e) => setMask(e.target.checked)}>
                身份证号脱敏
              </Checkbox>
            )}
            <Button type="primary" icon={<FileExcelOutlined />} loading={busy} onClick={() => void fill()} data-testid="form-fill-submit">
              {busy ? '正在填报…' : '填报并下载'}
            </Button>
          </Space>
          {result && (
            <Alert
              type={result.unmapped.length ? 'warning' : 'success'}
              showIcon
              data-testid="form-fill-result"
              title={`已填报 ${result.rowCount} 行${result.unmapped.length ? `；未填写的列：${result.unmapped.map((u) => `${u.col}列“${u.header}”`).join('、')}` : ''}`}
              description={result.notes.length ? result.notes.join(' ') : undefined}
            />
          )}
        </Space>
      )}
    </Card>
  );
}
