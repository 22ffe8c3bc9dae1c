import { ArgsType, Field, InputType } from 'type-graphql';
import { NameOrder } from '../shared/name-orderings';
import { ConnectionArguments } from '../shared/pagination/connection-arguments';
import { UpdatedAtFilter } from '../shared/updated-at';
import { DistrictNetworkKind } from './district-network.entity';

@InputType({ description: 'Narrows a list of district networks.' })
export class DistrictNetworkFilter extends UpdatedAtFilter {
  @Field(() => [DistrictNetworkKind], { nullable: true, description: 'Networks of any of these kinds.' })
  kinds?: DistrictNetworkKind[] | null;
}

@ArgsType()
export class DistrictNetworkListArguments extends ConnectionArguments {
  @Field(() => DistrictNetworkFilter, { nullable: true, description: 'Only items that match this filter.' })
  filter?: DistrictNetworkFilter | null;

  @Field(() => NameOrder, { defaultValue: NameOrder.NAME_ASC, description: 'The order of the items.' })
  orderBy!: NameOrder;
}
