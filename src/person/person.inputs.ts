import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ConnectionArguments } from '../shared/pagination/connection-arguments';
import { UpdatedAtFilter, updatedAtOrderDescriptions } from '../shared/updated-at';

export enum PersonOrder {
  SORT_NAME_ASC = 'SORT_NAME_ASC',
  SORT_NAME_DESC = 'SORT_NAME_DESC',
  UPDATED_AT_ASC = 'UPDATED_AT_ASC',
  UPDATED_AT_DESC = 'UPDATED_AT_DESC',
}
registerEnumType(PersonOrder, {
  name: 'PersonOrder',
  description: 'Alphabetical order by sort name (family name first), or order of last change; ties broken by creation order.',
  valuesConfig: {
    ...updatedAtOrderDescriptions,
    SORT_NAME_ASC: { description: 'A to Z by sort name.' },
    SORT_NAME_DESC: { description: 'Z to A by sort name.' },
  },
});

@InputType({ description: 'Narrows a list of people.' })
export class PersonFilter extends UpdatedAtFilter {
  @Field(() => [ID], { nullable: true, description: 'People with an affiliation to any of these organizations (at any time).' })
  organizations?: string[] | null;
}

@ArgsType()
export class PersonListArguments extends ConnectionArguments {
  @Field(() => PersonFilter, { nullable: true, description: 'Narrows the list.' })
  filter?: PersonFilter | null;

  @Field(() => PersonOrder, { defaultValue: PersonOrder.SORT_NAME_ASC, description: 'The order of the list.' })
  orderBy!: PersonOrder;
}
