import { warm } from '../../api/client';
import { peopleListInput, readPeopleView } from './peopleParams';

/**
 * The calls the 人员库 makes first, started at the click that opens it, so they run while its page is drawn
 * (useFirstAnswer in PeoplePage and useUnits draws the page with them). Lives outside the page's chunk: the menu runs it.
 */
export function warmPeople(search = ''): Promise<unknown> {
  return Promise.all([warm('people.list', peopleListInput(readPeopleView(new URLSearchParams(search)))), warm('org.listUnits', { includeRetired: true })]);
}
