/** How lessons and lesson links can be filtered and ordered. */
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
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
  @Field(() => ThemeMatch, { nullable: true })
  themes?: ThemeMatch | null;

  @Field(() => [ID], { nullable: true, description: 'Lessons about any of these districts.' })
  districts?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Lessons drawn in any of these briefs.' })
  briefs?: string[] | null;

  @Field(() => [LessonLinkKind], { nullable: true, description: 'Lessons with at least one link, in either direction, of any of these kinds.' })
  linkKinds?: LessonLinkKind[] | null;
}

export enum LinkDirection {
  OUTGOING = 'OUTGOING',
  INCOMING = 'INCOMING',
  BOTH = 'BOTH',
}
registerEnumType(LinkDirection, {
  name: 'LinkDirection',
  description: 'Which links of a lesson: those it makes (outgoing), those made to it (incoming), or both.',
});

export enum LessonLinkOrder {
  OLDEST_FIRST = 'OLDEST_FIRST',
  UPDATED_AT_ASC = 'UPDATED_AT_ASC',
  UPDATED_AT_DESC = 'UPDATED_AT_DESC',
}
registerEnumType(LessonLinkOrder, { name: 'LessonLinkOrder', description: 'How to order lesson links.', valuesConfig: updatedAtOrderDescriptions });

@InputType({ description: 'Narrows a list of lesson links.' })
export class LessonLinkFilter extends UpdatedAtFilter {
  @Field(() => [LessonLinkKind], { nullable: true })
  kinds?: LessonLinkKind[] | null;
}

@ArgsType()
export class LessonListArguments extends ConnectionArguments {
  @Field(() => String, { nullable: true, description: 'Only items matching this full-text search (web-style syntax: "phrases", or, -exclusion), combined with the filter.' })
  search?: string | null;

  @Field(() => LessonFilter, { nullable: true })
  filter?: LessonFilter | null;

  @Field(() => LessonOrder, { defaultValue: LessonOrder.BRIEF_AND_POSITION })
  orderBy!: LessonOrder;
}

@ArgsType()
export class LessonLinkListArguments extends ConnectionArguments {
  @Field(() => LessonLinkFilter, { nullable: true })
  filter?: LessonLinkFilter | null;

  @Field(() => LessonLinkOrder, { defaultValue: LessonLinkOrder.OLDEST_FIRST })
  orderBy!: LessonLinkOrder;

  @Field(() => LinkDirection, { defaultValue: LinkDirection.BOTH })
  direction!: LinkDirection;
}

/** The same, newest first by default: the order a join table's index serves directly. */
@ArgsType()
export class NewestLessonListArguments extends LessonListArguments {
  @Field(() => LessonOrder, { defaultValue: LessonOrder.NEWEST_FIRST })
  declare orderBy: LessonOrder;
}
