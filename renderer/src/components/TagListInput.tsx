import { CloseOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tag, Tooltip } from 'antd';
import { useState, type KeyboardEvent } from 'react';

interface Props {
  /** From Form.Item. */
  value?: string[];
  onChange?(next: string[]): void;
  id?: string;
  /** What one item is called, for the buttons' names: "资金来源". */
  label: string;
  /** Items that must stay (e.g. what a rule counts): shown without a remove button. */
  locked?: readonly string[];
  lockedReason?: string;
}

const MAX = 20;

/** A township's own list as tags: × removes one, the box at the end adds one (Enter or 添加). Shared by the settings pages. */
export function TagListInput({ value = [], onChange, id, label, locked = [], lockedReason }: Props) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = (quiet = false) => {
    const text = draft.trim();
    if (!text) return;
    if (value.includes(text)) {
      if (!quiet) setProblem(`“${text}”已在列表中`);
      return;
    }
    onChange?.([...value, text]);
    setDraft('');
    setProblem(null);
  };

  // Enter adds the item; it must not reach the form, which would save the whole page.
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    add();
  };

  return (
    <Space size={[6, 6]} wrap data-testid={`tags-${label}`}>
      {value.map((item) =>
        locked.includes(item) ? (
          <Tooltip key={item} title={lockedReason}>
            <Tag color="blue" icon={<LockOutlined />}>
              {item}
            </Tag>
          </Tooltip>
        ) : (
          <Tag
            key={item}
            closable
            closeIcon={<CloseOutlined aria-label={`删除${label}“${item}”`} />}
            onClose={(e) => {
              e.preventDefault();
              onChange?.(value.filter((x) => x !== item));
            }}
          >
            {item}
          </Tag>
        ),
      )}
      <Space.Compact size="small">
        <Input
          id={id}
          aria-label={`新增${label}`}
          placeholder={`新增${label}`}
          value={draft}
          maxLength={MAX}
          status={problem ? 'warning' : undefined}
          style={{ width: 150 }}
          onChange={(e) => {
            setDraft(e.target.value);
            setProblem(null);
          }}
          onKeyDown={onKeyDown}
          // Typed and then left (e.g. straight to 保存): the item is meant, so it is added.
          onBlur={() => add(true)}
        />
        <Button icon={<PlusOutlined />} disabled={!draft.trim()} onClick={() => add()} aria-label={`添加${label}`}>
          添加
        </Button>
      </Space.Compact>
      {problem && <span style={{ color: '#d48806' }}>{problem}</span>}
    </Space>
  );
}
