import { warm } from '../../api/client';
import { peopleListInput, readPeopleView } from './peopleParams';

/**
 * The calls the 人员库 makes first, started at the click that opens it, so they run while its page is drawn
 * (firstCall in PeoplePage and useUnits takes them). Lives outside the page's chunk: the menu runs it.
 */
export function warmPeople(search = ''): void {
  warm('people.list', peopleListInput(readPeopleView(new URLSearchParams(search))));
  warm('org.listUnits', { includeRetired: true });
}
