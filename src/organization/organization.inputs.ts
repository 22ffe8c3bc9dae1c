import { ArgsType, Field, InputType } from 'type-graphql';
import { NameOrder } from '../shared/name-orderings';
import { ConnectionArguments } from '../shared/pagination/connection-arguments';
import { UpdatedAtFilter } from '../shared/updated-at';
import { OrganizationKind } from './organization.entity';

@InputType({ description: 'Narrows a list of organizations.' })
export class OrganizationFilter extends UpdatedAtFilter {
  @Field(() => [OrganizationKind], { nullable: true, description: 'Organizations of any of these kinds.' })
  kinds?: OrganizationKind[] | null;
}

@ArgsType()
export class OrganizationListArguments extends ConnectionArguments {
  @Field(() => OrganizationFilter, { nullable: true, description: 'Only items that match this filter.' })
  filter?: OrganizationFilter | null;

  @Field(() => NameOrder, { defaultValue: NameOrder.NAME_ASC, description: 'The order of the items.' })
  orderBy!: NameOrder;
}
