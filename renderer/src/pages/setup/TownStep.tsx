import { Button, Form, Input, Radio, Select, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { call } from '../../api/client';
import { useNotify } from '../../components/useNotify';

export interface TownChoice {
  countyName: string;
  townName: string;
  /** 乡 / 镇 / 街道 / 其他: decides 委员会 or 工作委员会 in the default 填报单位. */
  kind: string;
  fromSeed: boolean;
}

interface SeedTown {
  name: string;
  kind: string;
  unitCount: number;
}

interface Values {
  mode: 'seed' | 'custom';
  seedTown?: string;
  countyName?: string;
  townName?: string;
}

export function TownStep({ initial, onNext }: { initial: TownChoice | null; onNext(choice: TownChoice): void }) {
  const { fail } = useNotify();
  const [form] = Form.useForm<Values>();
  const [county, setCounty] = useState('');
  const [towns, setTowns] = useState<SeedTown[]>([]);
  const [loading, setLoading] = useState(true);
  const selectOpen = useRef(false);
  const mode = Form.useWatch('mode', form) ?? 'seed';

  useEffect(() => {
    call('org.seedTowns', {})
      .then((r) => {
        setCounty(r.countyName);
        setTowns(r.towns);
        if (!initial) form.setFieldValue('countyName', r.countyName);
      })
      .catch(fail)
      .finally(() => setLoading(false));
  }, [fail, form, initial]);

  const submit = (v: Values) => {
    if (v.mode === 'seed') {
      const town = towns.find((t) => t.name === v.seedTown);
      if (town) onNext({ countyName: county, townName: town.name, kind: town.kind, fromSeed: true });
    } else {
      const townName = (v.townName ?? '').trim();
      onNext({ countyName: (v.countyName ?? '').trim(), townName, kind: townName.endsWith('街道') ? '街道' : '镇', fromSeed: false });
    }
  };

  const initialValues: Values = initial
    ? initial.fromSeed
      ? { mode: 'seed', seedTown: initial.townName }
      : { mode: 'custom', countyName: initial.countyName, townName: initial.townName }
    : { mode: 'seed' };

  return (
    <Form form={form} layout="vertical" initialValues={initialValues} onFinish={submit} style={{ maxWidth: 520 }}>
      <Form.Item name="mode" label="本单位所在的乡镇（街道）">
        <Radio.Group
          options={[
            { value: 'seed', label: `从${county || '本县（区）'}名单中选择` },
            { value: 'custom', label: '自定义（名单中没有）' },
          ]}
        />
      </Form.Item>
      {mode === 'seed' ? (
        <Form.Item name="seedTown" label="乡镇（街道）" rules={[{ required: true, message: '请选择本乡镇（街道）' }]}>
          <Select
            autoFocus
            loading={loading}
            placeholder="请选择，可输入文字查找"
            showSearch={{ optionFilterProp: 'label' }}
            onOpenChange={(open) => (selectOpen.current = open)}
            // Enter on a closed select would only reopen it; the clerk expects it to move on.
            onInputKeyDown={(e) => {
              if (e.key === 'Enter' && !selectOpen.current && form.getFieldValue('seedTown')) {
                e.preventDefault();
                form.submit();
              }
            }}
            options={towns.map((t) => ({ value: t.name, label: `${t.name}（${t.unitCount}个村/社区）` }))}
          />
        </Form.Item>
      ) : (
        <Space.Compact block>
          <Form.Item name="countyName" label="县（区）" rules={[{ required: true, whitespace: true, message: '请填写县（区）名称' }]} style={{ width: '40%' }}>
            <Input placeholder="如：湟中区" />
          </Form.Item>
          <Form.Item name="townName" label="乡镇（街道）" rules={[{ required: true, whitespace: true, message: '请填写乡镇（街道）名称' }]} style={{ width: '60%' }}>
            <Input autoFocus placeholder="如：多巴镇" />
          </Form.Item>
        </Space.Compact>
      )}
      <Button type="primary" htmlType="submit" size="large">
        下一步
      </Button>
    </Form>
  );
}
