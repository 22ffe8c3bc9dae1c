/** The list of district networks. */
import { anyOfValues } from '../shared/filters';
import { nameOrderings, type NameOrder } from '../shared/name-orderings';
import { defineListing } from '../shared/pagination/listing';
import { DistrictNetwork } from './district-network.entity';
import type { DistrictNetworkFilter } from './district-network.inputs';

export const districtNetworkListing = defineListing<DistrictNetwork, DistrictNetworkFilter, NameOrder>({
  nodeType: DistrictNetwork,
  rootName: 'districtNetworks',
  from: 'district_network n',
  key: 'n.id',
  orderings: nameOrderings('n'),
  conditions: (filter) => anyOfValues(filter?.kinds, 'n.kind', 'district_network_kind[]', 'filter.kinds'),
});
