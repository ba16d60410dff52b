import { Card, Col, Form, Input, Row, Typography } from 'antd';
import { Attachments } from '../../components/Attachments';

/** The four things a 政审 must look into, in the order the 细则 lists them; the saved array keeps this order. */
export const CONTENT_ITEMS = [
  '对党的理论和路线方针政策的态度',
  '政治历史和在重大政治斗争中的表现',
  '遵纪守法和遵守社会公德情况',
  '直系亲属和与本人关系密切的主要社会关系人的政治情况',
] as const;

/** Empty boxes are kept as '' so each note stays at its item's position; nothing typed at all is stored as null. */
export function toContentItems(v: (string | null | undefined)[] | undefined): string[] | null {
  const items = CONTENT_ITEMS.map((_, i) => v?.[i]?.trim() ?? '');
  return items.some(Boolean) ? items : null;
}

export function fromContentItems(saved: string[] | null | undefined): string[] {
  return CONTENT_ITEMS.map((_, i) => saved?.[i] ?? '');
}

/** Fields of the surrounding 政审 form: saved with 保存政治审查, like the four parts. */
export function ReviewContentCard() {
  return (
    <Card size="small" title={<span>审查内容<Typography.Text type="secondary" style={{ fontWeight: 400, marginInlineStart: 8 }}>逐项写明审查情况</Typography.Text></span>}>
      <Row gutter={12}>
        {CONTENT_ITEMS.map((label, i) => (
          <Col span={12} key={label}>
            <Form.Item name={['contentItems', i]} label={`${i + 1}. ${label}`} style={{ marginBottom: i < 2 ? 12 : 0 }}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </Card>
  );
}

/** The 政审 scans hang off the review row, which the first 保存政治审查 creates. */
export function ReviewScansCard({ recordId, saved }: { recordId: number; saved: boolean }) {
  return (
    <Card size="small" title="政审材料扫描件">
      {saved ? (
        // Full card width would push each file's size and delete button a screen away from its name.
        <div style={{ maxWidth: 560 }}>
          <Attachments ownerType="member_review" ownerId={recordId} />
        </div>
      ) : (
        <Typography.Text type="secondary">保存政治审查后可上传扫描件（谈话记录、审查材料、函调回函、结论等）</Typography.Text>
      )}
    </Card>
  );
}
