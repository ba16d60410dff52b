import { Card, Col, Empty, Row, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import type { ReportInfo } from '../../../../core/reports/schemas';
import { call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { useUnits } from '../../components/useUnits';
import { ReportCard } from './ReportCard';
import { FormFillPanel } from './FormFillPanel';

export function ReportsPage() {
  const { fail } = useNotify();
  const { units } = useUnits(false);
  const [reports, setReports] = useState<ReportInfo[] | null>(null);

  useEffect(() => {
    call('reports.list', {})
      .then(setReports)
      .catch((err: unknown) => {
        setReports([]);
        fail(err);
      });
  }, [fail]);

  return (
    <Card title="报表中心">
      <div style={{ marginBottom: 16 }}>
        <FormFillPanel units={units} />
      </div>
      {!reports ? (
        <Skeleton active />
      ) : reports.length === 0 ? (
        <Empty description="暂无可导出的报表" />
      ) : (
        <Row gutter={[16, 16]}>
          {reports.map((r) => (
            <Col key={r.id} xs={24} xl={12}>
              <ReportCard report={r} units={units} />
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}
