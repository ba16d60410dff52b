import { Button, Card, Radio, Steps, Typography } from 'antd';
import { useState } from 'react';
import type { AppStatus } from '../../../../core/app/schemas';
import type { UnitKind } from '../../../../core/people/codes';
import { call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { CountyStep } from './CountyStep';
import { SettingsStep, type SetupSettings } from './SettingsStep';
import { TownStep, type TownChoice } from './TownStep';
import { UnitsStep, chosenUnits, draftUnit, type DraftUnit } from './UnitsStep';

interface Props {
  status: AppStatus;
  onDone(status?: AppStatus): void;
}

/** First run: a clerk should be working within a minute, so every step comes prefilled from the seed list. */
export function SetupWizard({ status, onDone }: Props) {
  const { message, fail } = useNotify();
  const [step, setStep] = useState(0);
  const [town, setTown] = useState<TownChoice | null>(null);
  const [units, setUnits] = useState<DraftUnit[]>([]);
  const [saving, setSaving] = useState(false);
  const [openingDemo, setOpeningDemo] = useState(false);
  /** 区县 mode: the district's 组织部 runs the same app for 区县汇总 (no villages). */
  const [unitMode, setUnitMode] = useState<'town' | 'county'>('town');

  const chooseTown = async (choice: TownChoice) => {
    // Re-picking the same town keeps the clerk's edits to its list.
    if (choice.townName !== town?.townName || units.length === 0) {
      try {
        const seed = choice.fromSeed ? await call('org.seedUnits', { townName: choice.townName }) : [];
        setUnits(seed.map((u, i) => draftUnit(choice.townName, i + 1, u.name, u.kind as UnitKind)));
      } catch (err) {
        return fail(err);
      }
    }
    setTown(choice);
    setStep(1);
  };

  const finish = async (values: SetupSettings) => {
    if (!town) return;
    setSaving(true);
    try {
      await call('org.setup', {
        countyName: town.countyName,
        townName: town.townName,
        units: chosenUnits(units),
        ...values,
      });
      message.success(`设置完成：${town.townName}`);
      onDone();
    } catch (err) {
      fail(err);
    } finally {
      setSaving(false);
    }
  };

  const openDemo = async () => {
    setOpeningDemo(true);
    try {
      onDone(await call('app.openDemo', {}));
    } catch (err) {
      fail(err);
      setOpeningDemo(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', padding: '32px 16px' }}>
      <Card style={{ maxWidth: 860, margin: '0 auto' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          首次设置 · 基层党建工作台账
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          请选择本单位所在的乡镇（街道），核对村（社区）和党支部名单，并填写报表落款信息。以后都可以在“组织设置”中修改。
        </Typography.Paragraph>
        {step === 0 && (
          <Radio.Group
            aria-label="本单位"
            optionType="button"
            value={unitMode}
            onChange={(e) => setUnitMode(e.target.value as 'town' | 'county')}
            options={[
              { value: 'town', label: '乡镇（街道）党委' },
              { value: 'county', label: '区县组织部（区县汇总）' },
            ]}
          />
        )}
        {unitMode === 'county' && step === 0 ? (
          <div style={{ marginTop: 24 }}>
            <CountyStep onBack={() => setUnitMode('town')} onDone={() => onDone()} />
          </div>
        ) : (
          <>
        <Steps
          current={step}
          style={{ margin: '24px 0' }}
          items={[{ title: '选择乡镇（街道）' }, { title: '核对村（社区）与党支部' }, { title: '报表落款' }]}
        />
        {step === 0 && <TownStep initial={town} onNext={chooseTown} />}
        {step === 1 && town && <UnitsStep townName={town.townName} units={units} onChange={setUnits} onBack={() => setStep(0)} onNext={() => setStep(2)} />}
        {step === 2 && town && <SettingsStep town={town} saving={saving} onBack={() => setStep(1)} onFinish={finish} />}
          </>
        )}
        <div style={{ marginTop: 32, paddingTop: 16, borderTop: '1px solid #f0f0f0', display: 'flex', alignItems: 'center', gap: 12 }}>
          <Typography.Text type="secondary">还没想好？可以先用演示数据熟悉各项功能，演示数据与正式数据完全分开。</Typography.Text>
          <Button onClick={openDemo} loading={openingDemo}>
            先看看演示数据
          </Button>
        </div>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
          数据文件夹：{status.dataDir}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
