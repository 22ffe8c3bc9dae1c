/** The list of people, by sort name. */
import { anyOfIds } from '../shared/filters';
import { defineListing } from '../shared/pagination/listing';
import { updatedAtOrderings } from '../shared/updated-at';
import type { PersonFilter, PersonOrder } from './person.inputs';
import { Person } from './person.entity';

const sortNameColumns = [
  { sql: 'pe.sort_name', type: 'text' as const },
  { sql: 'pe.id', type: 'int' as const },
];

export const personListing = defineListing<Person, PersonFilter, PersonOrder>({
  nodeType: Person,
  rootName: 'people',
  from: 'person pe',
  key: 'pe.id',
  orderings: {
    SORT_NAME_ASC: { name: 'SORT_NAME_ASC', columns: sortNameColumns, descending: false },
    SORT_NAME_DESC: { name: 'SORT_NAME_DESC', columns: sortNameColumns, descending: true },
    ...updatedAtOrderings('pe'),
  },
  conditions: (filter) =>
    anyOfIds(
      filter?.organizations,
      'Organization',
      'filter.organizations',
      (_sql, keys) =>
        `EXISTS (SELECT 1 FROM person_affiliation affiliation WHERE affiliation.person_id = pe.id AND affiliation.organization_id = ANY(${keys}))`,
    ),
});
