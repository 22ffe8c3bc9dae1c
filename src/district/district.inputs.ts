import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { NameOrder } from '../shared/name-orderings';
import { ConnectionArguments } from '../shared/pagination/connection-arguments';
import { UpdatedAtFilter } from '../shared/updated-at';
import { DistrictKind } from './district.entity';

@InputType({ description: 'Narrows a list of districts; every field given must match.' })
export class DistrictFilter extends UpdatedAtFilter {
  @Field(() => [ID], { nullable: true, description: 'Districts in any of these networks.' })
  networks?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Districts in any of these states (two-letter codes).' })
  states?: string[] | null;

  @Field(() => [DistrictKind], { nullable: true })
  kinds?: DistrictKind[] | null;
}

@ArgsType()
export class DistrictListArguments extends ConnectionArguments {
  @Field(() => DistrictFilter, { nullable: true })
  filter?: DistrictFilter | null;

  @Field(() => NameOrder, { defaultValue: NameOrder.NAME_ASC })
  orderBy!: NameOrder;
}
