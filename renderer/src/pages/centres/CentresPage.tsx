import { useSearchParams } from 'react-router-dom';
import { CentreDetailPage } from './CentreDetailPage';
import { CentreListPage } from './CentreListPage';
import { ChartPage } from './ChartPage';
import { SettingsPage } from './SettingsPage';

/**
 * The 服务中心 module. The shell routes whole modules by exact path, so the centre page and the views travel in the
 * query (#/centres?centre=12, #/centres?view=chart, #/centres?view=settings) as the other modules' do.
 */
export function CentresPage() {
  const [params] = useSearchParams();
  const centre = Number(params.get('centre'));
  if (Number.isInteger(centre) && centre > 0) return <CentreDetailPage key={centre} id={centre} />;
  if (params.get('view') === 'chart') return <ChartPage />;
  if (params.get('view') === 'settings') return <SettingsPage />;
  return <CentreListPage />;
}
