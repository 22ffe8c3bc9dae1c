/** How briefs can be filtered and ordered. */
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ConnectionArguments } from '../shared/pagination/connection-arguments';
import { UpdatedAtFilter, updatedAtOrderDescriptions } from '../shared/updated-at';
import { DateRange } from '../shared/date-range';
import { ThemeMatch } from '../theme/theme.inputs';
import { BriefKind } from './brief.entity';

export enum BriefOrder {
  PUBLISHED_AT_DESC = 'PUBLISHED_AT_DESC',
  PUBLISHED_AT_ASC = 'PUBLISHED_AT_ASC',
  TITLE_ASC = 'TITLE_ASC',
  TITLE_DESC = 'TITLE_DESC',
  UPDATED_AT_ASC = 'UPDATED_AT_ASC',
  UPDATED_AT_DESC = 'UPDATED_AT_DESC',
}
registerEnumType(BriefOrder, {
  name: 'BriefOrder',
  description: 'How to order briefs. Briefs without a known date sort as the oldest; ties are broken by creation order.',
  valuesConfig: {
    ...updatedAtOrderDescriptions,
    PUBLISHED_AT_ASC: { description: 'Oldest publication first.' },
    PUBLISHED_AT_DESC: { description: 'Newest publication first.' },
    TITLE_ASC: { description: 'By title, A to Z.' },
    TITLE_DESC: { description: 'By title, Z to A.' },
  },
});

@InputType({ description: 'Narrows a list of briefs; every field given must match.' })
export class BriefFilter extends UpdatedAtFilter {
  @Field(() => ThemeMatch, { nullable: true, description: 'Briefs on these themes.' })
  themes?: ThemeMatch | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Briefs about any of these districts, directly or through a network they were members of when the brief came out.',
  })
  districts?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Briefs about any of these networks, directly or through districts that were members when the brief came out.',
  })
  networks?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'As `districts`, naming the districts by slug.' })
  districtSlugs?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'As `networks`, naming the networks by slug.' })
  networkSlugs?: string[] | null;

  @Field(() => [BriefKind], { nullable: true, description: 'Briefs of any of these kinds.' })
  kinds?: BriefKind[] | null;

  @Field(() => [ID], { nullable: true, description: 'Briefs published by any of these organizations.' })
  publishers?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'As `publishers`, naming the organizations by slug.' })
  publisherSlugs?: string[] | null;

  @Field(() => DateRange, { nullable: true, description: 'Publication date within this range (briefs without a known date never match).' })
  published?: DateRange | null;

  @Field(() => [ID], { nullable: true, description: 'Briefs that follow up any of these meetings.' })
  followsUpMeetings?: string[] | null;
}

@ArgsType()
export class BriefListArguments extends ConnectionArguments {
  @Field(() => String, {
    nullable: true,
    description: 'Only items matching this full-text search (web-style syntax: "phrases", or, -exclusion), combined with the filter.',
  })
  search?: string | null;

  @Field(() => BriefFilter, { nullable: true, description: 'Only items that match this filter.' })
  filter?: BriefFilter | null;

  @Field(() => BriefOrder, { defaultValue: BriefOrder.PUBLISHED_AT_DESC, description: 'The order of the items.' })
  orderBy!: BriefOrder;
}
