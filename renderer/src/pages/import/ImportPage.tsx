import { Card, Divider, Space, Steps, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { call, saveFile } from '../../api/client';
import { useJob } from '../../components/useJob';
import { useNotify } from '../../components/useNotify';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { BatchesCard } from './BatchesCard';
import { ChooseFileStep } from './ChooseFileStep';
import { CommitResult } from './CommitResult';
import { CommitStep, type CommitMode } from './CommitStep';
import { JobState } from './JobState';
import { MappingTable } from './MappingTable';
import { PreviewSection } from './PreviewSection';
import { mappingOf, type Batch, type CommitResult as Outcome, type ImportKindId, type Mapping, type PickedFile, type Preview } from './types';

/** The preview on screen and the mapping it was read with (null: the ledger's own, or the one remembered). */
interface Shown {
  preview: Preview;
  mapping: Mapping | null;
}

/**
 * 数据导入: pick a file, let the ledger find its header and judge every row (a job, with 取消), correct the columns it
 * could not place, then write the chosen rows in one go, with 撤销本次导入 afterwards.
 */
export function ImportPage() {
  const { message, fail } = useNotify();
  const [kind, setKind] = useState<ImportKindId>('people');
  const [file, setFile] = useState<PickedFile | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [outcome, setOutcome] = useState<{ result: Outcome; undone: boolean } | null>(null);
  const [batches, setBatches] = useState<Batch[] | null>(null);
  const [savingReport, setSavingReport] = useState(false);
  // Whether the commit job's bar belongs to the file on screen (the job handle keeps its last status).
  const [committing, setCommitting] = useState(false);
  // The mapping of the preview being run, so its answer is shown with it.
  const asked = useRef<Mapping | null>(null);
  const { markDirty } = useUnsavedGuard(!!shown && !outcome);
  // A previewed file, perhaps with corrected columns, is the clerk's work until it is imported: a reload would lose it.
  useEffect(() => {
    if (shown && !outcome) markDirty();
  }, [shown, outcome, markDirty]);

  const loadBatches = useCallback(() => {
    call('import.batches', {}).then(setBatches).catch(fail);
  }, [fail]);
  useEffect(loadBatches, [loadBatches]);

  const previewJob = useJob((s) => {
    if (s.state === '已完成') {
      setUnmatched(null);
      setShown({ preview: s.result as Preview, mapping: asked.current });
      return;
    }
    // A required column the ledger could not place: the error carries the file's columns and the fields.
    const details = s.error?.details as Partial<Pick<Preview, 'columns' | 'fields'>> | undefined;
    setUnmatched(details?.columns && details.fields ? { columns: details.columns.map((c) => ({ ...c, label: null })), fields: details.fields } : null);
  });
  const commitJob = useJob((s) => {
    if (s.state === '已完成') setOutcome({ result: s.result as Outcome, undone: false });
    loadBatches();
  });
  const busy = previewJob.running || commitJob.running;
  const [unmatched, setUnmatched] = useState<Pick<Preview, 'columns' | 'fields'> | null>(null);
  const remapUnmatched = (col: string, key: string | null) => {
    if (!file || !unmatched) return;
    const next: Mapping = Object.fromEntries(unmatched.columns.map((c) => [c.col, c.key === key ? null : c.key]));
    next[col] = key;
    setUnmatched({ ...unmatched, columns: unmatched.columns.map((c) => ({ ...c, key: next[c.col] ?? null })) });
    runPreview(file, kind, next);
  };

  const runPreview = (f: PickedFile, k: ImportKindId, mapping: Mapping | null) => {
    asked.current = mapping;
    setCommitting(false);
    void previewJob.start(() => call('import.preview', { kind: k, ...f, mapping }));
  };

  const chooseFile = (f: PickedFile) => {
    setFile(f);
    setShown(null);
    setOutcome(null);
    runPreview(f, kind, null);
  };

  const chooseKind = (k: ImportKindId) => {
    setKind(k);
    setShown(null);
    setOutcome(null);
    if (file) runPreview(file, k, null);
  };

  /** One column changed; a field can be read from one column only, so another column holding it lets it go. */
  const remap = (col: string, key: string | null) => {
    if (!file || !shown) return;
    const next = mappingOf(shown.preview);
    if (key) for (const c of Object.keys(next)) if (next[c] === key) next[c] = null;
    next[col] = key;
    runPreview(file, kind, next);
  };

  const errorReport = async () => {
    if (!file || !shown) return;
    setSavingReport(true);
    try {
      const saved = await saveFile(await call('import.errorReport', { kind, ...file, mapping: shown.mapping }));
      if (saved.saved) message.success({ content: `已保存错误说明：${saved.path ?? saved.fileName}`, duration: 6 });
      else message.info('已取消保存');
    } catch (err) {
      fail(err);
    } finally {
      setSavingReport(false);
    }
  };

  const commit = (mode: CommitMode) => {
    if (!file || !shown) return;
    setCommitting(true);
    void commitJob.start(() => call('import.commit', { kind, ...file, mapping: shown.mapping, mode }));
  };

  const undone = useCallback(
    (ok: boolean) => {
      if (ok) setOutcome((o) => o && { ...o, undone: true });
      loadBatches();
    },
    [loadBatches],
  );

  const another = () => {
    setFile(null);
    setShown(null);
    setOutcome(null);
  };

  const step = outcome ? 2 : shown ? 1 : 0;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title="数据导入">
        <Steps size="small" current={step} status={outcome ? 'finish' : 'process'} style={{ maxWidth: 720, marginBottom: 20 }} items={[{ title: '选择文件' }, { title: '检查与核对表头' }, { title: '导入' }]} />
        <ChooseFileStep kind={kind} onKind={chooseKind} file={file} busy={busy} onFile={chooseFile} />
        {file && (
          <>
            <Divider titlePlacement="start">检查与核对表头</Divider>
            <JobState job={previewJob} testId="import-preview-error" />
            {unmatched && !shown && (
              <div data-testid="import-unmatched">
                <Typography.Paragraph>请在下表中为缺少的必填列指定文件中的对应列，指定后自动重新检查：</Typography.Paragraph>
                <MappingTable preview={unmatched as Preview} disabled={busy} onChange={remapUnmatched} />
              </div>
            )}
            {shown && <PreviewSection preview={shown.preview} busy={busy || !!outcome} savingReport={savingReport} onMapping={remap} onErrorReport={() => void errorReport()} onRecheck={() => file && runPreview(file, kind, shown.mapping)} />}
          </>
        )}
        {file && shown && (
          <>
            <Divider titlePlacement="start">导入</Divider>
            {outcome ? (
              <CommitResult result={outcome.result} fileName={file.fileName} undone={outcome.undone} onUndone={undone} onAnother={another} />
            ) : (
              <>
                <CommitStep preview={shown.preview} busy={busy} onCommit={commit} />
                {committing && <JobState job={commitJob} testId="import-commit-error" />}
              </>
            )}
          </>
        )}
      </Card>
      <BatchesCard batches={batches} onChanged={loadBatches} />
    </Space>
  );
}
