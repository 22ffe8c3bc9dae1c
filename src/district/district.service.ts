/** The list of districts. */
import { anyOfIds, anyOfSlugs, anyOfValues } from '../shared/filters';
import { nameOrderings, type NameOrder } from '../shared/name-orderings';
import { defineListing } from '../shared/pagination/listing';
import type { Condition } from '../shared/pagination/sql-builder';
import { District } from './district.entity';
import type { DistrictFilter } from './district.inputs';

const districtOfNetworks = (_sql: unknown, keys: string) =>
  `EXISTS (SELECT 1 FROM district_network_member x WHERE x.district_id = d.id AND x.network_id = ANY(${keys}))`;

export function districtConditions(filter: DistrictFilter | null | undefined, argumentName = 'filter'): Condition[] {
  if (!filter) return [];
  return [
    ...anyOfIds(filter.networks, 'DistrictNetwork', `${argumentName}.networks`, districtOfNetworks),
    ...anyOfSlugs(filter.networkSlugs, 'district_network', `${argumentName}.networkSlugs`, districtOfNetworks),
    ...anyOfValues(filter.states, 'd.state', 'text[]', `${argumentName}.states`),
    ...anyOfValues(filter.kinds, 'd.kind', 'district_kind[]', `${argumentName}.kinds`),
  ];
}

export const districtListing = defineListing<District, DistrictFilter, NameOrder>({
  nodeType: District,
  rootName: 'districts',
  from: 'district d',
  key: 'd.id',
  orderings: nameOrderings('d'),
  conditions: districtConditions,
});
