/** The list of organizations. */
import { anyOfValues } from '../shared/filters';
import { nameOrderings, type NameOrder } from '../shared/name-orderings';
import { defineListing } from '../shared/pagination/listing';
import { Organization } from './organization.entity';
import type { OrganizationFilter } from './organization.inputs';

export const organizationListing = defineListing<Organization, OrganizationFilter, NameOrder>({
  nodeType: Organization,
  rootName: 'organizations',
  from: 'organization o',
  key: 'o.id',
  orderings: nameOrderings('o'),
  conditions: (filter) => anyOfValues(filter?.kinds, 'o.kind', 'organization_kind[]', 'filter.kinds'),
});
