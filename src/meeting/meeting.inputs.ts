/** How meetings can be filtered and ordered. */
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ConnectionArguments } from '../shared/pagination/connection-arguments';
import { UpdatedAtFilter, updatedAtOrderDescriptions } from '../shared/updated-at';
import { DateRange } from '../shared/date-range';
import { ThemeMatch } from '../theme/theme.inputs';

export enum MeetingOrder {
  NUMBER_ASC = 'NUMBER_ASC',
  NUMBER_DESC = 'NUMBER_DESC',
  STARTS_ON_ASC = 'STARTS_ON_ASC',
  STARTS_ON_DESC = 'STARTS_ON_DESC',
  UPDATED_AT_ASC = 'UPDATED_AT_ASC',
  UPDATED_AT_DESC = 'UPDATED_AT_DESC',
}
registerEnumType(MeetingOrder, {
  name: 'MeetingOrder',
  description: 'How to order meetings.',
  valuesConfig: {
    ...updatedAtOrderDescriptions,
    NUMBER_ASC: { description: 'By number, lowest first.' },
    NUMBER_DESC: { description: 'By number, highest first.' },
    STARTS_ON_ASC: { description: 'Earliest first.' },
    STARTS_ON_DESC: { description: 'Latest first.' },
  },
});

@InputType({ description: 'Narrows a list of meetings; every field given must match.' })
export class MeetingFilter extends UpdatedAtFilter {
  @Field(() => DateRange, { nullable: true, description: 'Meetings held at least partly within this date window.' })
  dates?: DateRange | null;

  @Field(() => [String], { nullable: true, description: 'Meetings in any of these states (two-letter codes).' })
  states?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Meetings in this city (case-insensitive).' })
  city?: string | null;

  @Field(() => ThemeMatch, { nullable: true, description: 'Meetings on these themes.' })
  themes?: ThemeMatch | null;

  @Field(() => [ID], { nullable: true, description: 'Meetings convened by any of these organizations.' })
  conveners?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'As `conveners`, naming the organizations by slug.' })
  convenerSlugs?: string[] | null;
}

@ArgsType()
export class MeetingListArguments extends ConnectionArguments {
  @Field(() => MeetingFilter, { nullable: true, description: 'Only items that match this filter.' })
  filter?: MeetingFilter | null;

  @Field(() => MeetingOrder, { defaultValue: MeetingOrder.NUMBER_ASC, description: 'The order of the items.' })
  orderBy!: MeetingOrder;
}
