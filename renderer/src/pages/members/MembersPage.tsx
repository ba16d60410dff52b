import { useSearchParams } from 'react-router-dom';
import { IndicatorsPage } from './IndicatorsPage';
import { MemberDetailPage } from './MemberDetailPage';
import { MemberListPage } from './MemberListPage';

/**
 * The 发展党员 module. The shell routes whole modules by exact path, so the person page and the indicators
 * travel in the query (#/members?record=12, #/members?view=indicators) rather than as sub-paths.
 */
export function MembersPage() {
  const [params] = useSearchParams();
  const record = Number(params.get('record'));
  if (Number.isInteger(record) && record > 0) return <MemberDetailPage key={record} id={record} />;
  if (params.get('view') === 'indicators') return <IndicatorsPage />;
  return <MemberListPage />;
}
