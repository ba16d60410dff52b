import { useSearchParams } from 'react-router-dom';
import { PlanPage } from './PlanPage';
import { ReserveDetailPage } from './ReserveDetailPage';
import { ReserveListPage } from './ReserveListPage';
import { SettingsPage } from './SettingsPage';

/**
 * The 后备人才 module. The shell routes whole modules by exact path, so the person page and the plan travel in the
 * query (#/reserves?reserve=12, #/reserves?view=plan, #/reserves?view=settings) as the 发展党员 module's do.
 */
export function ReservesPage() {
  const [params] = useSearchParams();
  const reserve = Number(params.get('reserve'));
  if (Number.isInteger(reserve) && reserve > 0) return <ReserveDetailPage key={reserve} id={reserve} />;
  if (params.get('view') === 'plan') return <PlanPage />;
  if (params.get('view') === 'settings') return <SettingsPage />;
  return <ReserveListPage />;
}
