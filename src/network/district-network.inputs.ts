import { ArgsType, Field, InputType } from 'type-graphql';
import { NameOrder } from '../shared/name-orderings';
import { ConnectionArguments } from '../shared/pagination/connection-arguments';
import { UpdatedAtFilter } from '../shared/updated-at';
import { DistrictNetworkKind } from './district-network.entity';

@InputType({ description: 'Narrows a list of district networks.' })
export class DistrictNetworkFilter extends UpdatedAtFilter {
  @Field(() => [DistrictNetworkKind], { nullable: true })
  kinds?: DistrictNetworkKind[] | null;
}

@ArgsType()
export class DistrictNetworkListArguments extends ConnectionArguments {
  @Field(() => DistrictNetworkFilter, { nullable: true })
  filter?: DistrictNetworkFilter | null;

  @Field(() => NameOrder, { defaultValue: NameOrder.NAME_ASC })
  orderBy!: NameOrder;
}
