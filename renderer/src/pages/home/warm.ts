import { warm } from '../../api/client';

/**
 * The calls 首页 makes on its first load (HomePage, HomeMembersSection, HomeReservesSection, HomeCentresSection), started while its code is still loading.
 * Lives outside the page's own chunk: the shell runs it before that chunk has arrived.
 */
export function warmHome(): void {
  warm('dashboard.summary', {});
  warm('members.overview', {});
  warm('reserves.overview', {});
  warm('centres.overview', {});
}
