/** How lessons and lesson links can be filtered and ordered. */
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { BriefKind } from '../brief/brief.entity';
import { EvidenceBasis } from '../evidence/evidence-basis';
import { DateRange } from '../shared/date-range';
import { ConnectionArguments } from '../shared/pagination/connection-arguments';
import { UpdatedAtFilter, updatedAtOrderDescriptions } from '../shared/updated-at';
import { ThemeMatch } from '../theme/theme.inputs';
import { LessonLinkKind } from './lesson-link.entity';

export enum LessonOrder {
  BRIEF_AND_POSITION = 'BRIEF_AND_POSITION',
  NEWEST_FIRST = 'NEWEST_FIRST',
  UPDATED_AT_ASC = 'UPDATED_AT_ASC',
  UPDATED_AT_DESC = 'UPDATED_AT_DESC',
}
registerEnumType(LessonOrder, {
  name: 'LessonOrder',
  description: 'How to order lessons.',
  valuesConfig: {
    BRIEF_AND_POSITION: { description: 'Brief by brief (in the order briefs were added), and in order within each brief.' },
    NEWEST_FIRST: { description: 'Most recently added first.' },
    ...updatedAtOrderDescriptions,
  },
});

@InputType({ description: 'Narrows a list of lessons; every field given must match.' })
export class LessonFilter extends UpdatedAtFilter {
  @Field(() => ThemeMatch, { nullable: true, description: 'Lessons on these themes.' })
  themes?: ThemeMatch | null;

  @Field(() => [ID], { nullable: true, description: 'Lessons about any of these districts.' })
  districts?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Lessons drawn in any of these briefs.' })
  briefs?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'As `districts`, naming the districts by slug.' })
  districtSlugs?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'As `briefs`, naming the briefs by slug.' })
  briefSlugs?: string[] | null;

  @Field(() => [LessonLinkKind], { nullable: true, description: 'Lessons with at least one link, in either direction, of any of these kinds.' })
  linkKinds?: LessonLinkKind[] | null;

  @Field(() => [EvidenceBasis], {
    nullable: true,
    description: 'Lessons resting on any of these bases, such as [STATED] for the findings their reports state.',
  })
  bases?: EvidenceBasis[] | null;

  @Field(() => [BriefKind], { nullable: true, description: 'Lessons drawn in briefs of any of these kinds.' })
  kinds?: BriefKind[] | null;

  @Field(() => [ID], { nullable: true, description: 'Lessons drawn in briefs published by any of these organizations.' })
  publishers?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'As `publishers`, naming the organizations by slug.' })
  publisherSlugs?: string[] | null;

  @Field(() => DateRange, {
    nullable: true,
    description: "Lessons whose brief's publication date is within this range (briefs without a known date never match).",
  })
  published?: DateRange | null;
}

export enum LinkDirection {
  OUTGOING = 'OUTGOING',
  INCOMING = 'INCOMING',
  BOTH = 'BOTH',
}
registerEnumType(LinkDirection, {
  name: 'LinkDirection',
  description: 'Which links of a lesson: those it makes (outgoing), those made to it (incoming), or both.',
  valuesConfig: {
    OUTGOING: { description: 'Links the lesson makes.' },
    INCOMING: { description: 'Links made to the lesson.' },
    BOTH: { description: 'Links in either direction.' },
  },
});

export enum LessonLinkOrder {
  OLDEST_FIRST = 'OLDEST_FIRST',
  UPDATED_AT_ASC = 'UPDATED_AT_ASC',
  UPDATED_AT_DESC = 'UPDATED_AT_DESC',
}
registerEnumType(LessonLinkOrder, {
  name: 'LessonLinkOrder',
  description: 'How to order lesson links.',
  valuesConfig: {
    ...updatedAtOrderDescriptions,
    OLDEST_FIRST: { description: 'In the order the links were made.' },
  },
});

@InputType({ description: 'Narrows a list of lesson links.' })
export class LessonLinkFilter extends UpdatedAtFilter {
  @Field(() => [LessonLinkKind], { nullable: true, description: 'Links of any of these kinds.' })
  kinds?: LessonLinkKind[] | null;

  @Field(() => [EvidenceBasis], { nullable: true, description: 'Links resting on any of these bases.' })
  bases?: EvidenceBasis[] | null;
}

@ArgsType()
export class LessonListArguments extends ConnectionArguments {
  @Field(() => String, {
    nullable: true,
    description: 'Only items matching this full-text search (web-style syntax: "phrases", or, -exclusion), combined with the filter.',
  })
  search?: string | null;

  @Field(() => LessonFilter, { nullable: true, description: 'Only items that match this filter.' })
  filter?: LessonFilter | null;

  @Field(() => LessonOrder, { defaultValue: LessonOrder.BRIEF_AND_POSITION, description: 'The order of the items.' })
  orderBy!: LessonOrder;
}

@ArgsType()
export class LessonLinkListArguments extends ConnectionArguments {
  @Field(() => LessonLinkFilter, { nullable: true, description: 'Only items that match this filter.' })
  filter?: LessonLinkFilter | null;

  @Field(() => LessonLinkOrder, { defaultValue: LessonLinkOrder.OLDEST_FIRST, description: 'The order of the items.' })
  orderBy!: LessonLinkOrder;

  @Field(() => LinkDirection, { defaultValue: LinkDirection.BOTH, description: 'The links the lesson makes (OUTGOING), those made to it (INCOMING), or both.' })
  direction!: LinkDirection;
}

/** The same, newest first by default: the order a join table's index serves directly. */
@ArgsType()
export class NewestLessonListArguments extends LessonListArguments {
  @Field(() => LessonOrder, { defaultValue: LessonOrder.NEWEST_FIRST, description: 'The order of the items.' })
  declare orderBy: LessonOrder;
}
