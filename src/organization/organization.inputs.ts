import { ArgsType, Field, InputType } from 'type-graphql';
import { NameOrder } from '../shared/name-orderings';
import { ConnectionArguments } from '../shared/pagination/connection-arguments';
import { UpdatedAtFilter } from '../shared/updated-at';
import { OrganizationKind } from './organization.entity';

@InputType({ description: 'Narrows a list of organizations.' })
export class OrganizationFilter extends UpdatedAtFilter {
  @Field(() => [OrganizationKind], { nullable: true })
  kinds?: OrganizationKind[] | null;
}

@ArgsType()
export class OrganizationListArguments extends ConnectionArguments {
  @Field(() => OrganizationFilter, { nullable: true })
  filter?: OrganizationFilter | null;

  @Field(() => NameOrder, { defaultValue: NameOrder.NAME_ASC })
  orderBy!: NameOrder;
}
