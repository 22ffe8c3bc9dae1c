/** Why two records are related: the explainable parts of a relatedness score. */
import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { LessonLinkKind } from '../lesson/lesson-link.entity';
import { LinkDirection } from '../lesson/lesson.inputs';

export enum RelationReasonKind {
  EXPLICIT_LINK = 'EXPLICIT_LINK',
  BUILDS_ON = 'BUILDS_ON',
  SAME_MEETING = 'SAME_MEETING',
  SHARED_THEME = 'SHARED_THEME',
  SHARED_DISTRICT = 'SHARED_DISTRICT',
  SHARED_NETWORK = 'SHARED_NETWORK',
  TEXT_SIMILARITY = 'TEXT_SIMILARITY',
}
registerEnumType(RelationReasonKind, {
  name: 'RelationReasonKind',
  description: 'A reason two records are related.',
  valuesConfig: {
    EXPLICIT_LINK: {
      description:
        'A lesson link joins them (for briefs: a link between their lessons); see lessonLink. Weighs 1 times the basis of the link (STATED 1, SUMMARIZED 0.9, EDITORIAL_INFERENCE 0.8).',
    },
    BUILDS_ON: { description: 'One brief builds on the other.' },
    SAME_MEETING: { description: 'Both briefs follow up the same meeting.' },
    SHARED_THEME: { description: 'Both are on the theme given.' },
    SHARED_DISTRICT: { description: 'Both concern the district given.' },
    SHARED_NETWORK: { description: 'Both concern the district network given.' },
    TEXT_SIMILARITY: {
      description:
        "Their texts treat the same matter: the cosine similarity, from 0 to 1, of their weighted term vectors (titles and statements count more than summaries and explanations; a brief's vector takes in its lessons' statements).",
    },
  },
});

/** Points each reason adds to a relatedness score. */
export const reasonWeights = {
  EXPLICIT_LINK: 1,
  BUILDS_ON: 1,
  SAME_MEETING: 0.5,
  SHARED_THEME: 0.3,
  SHARED_DISTRICT: 0.3,
  SHARED_NETWORK: 0.3,
} as const;

@ObjectType({
  description: 'One reason two records are related, and what it adds to their score. A value with no id: it exists only within the related edge that gives it.',
})
export class RelationReason {
  @Field(() => RelationReasonKind, { description: 'What kind of reason this is.' })
  kind!: RelationReasonKind;

  @Field(() => Float, { description: 'What this reason adds to the score.' })
  weight!: number;

  @Field(() => LessonLinkKind, { nullable: true, description: 'For an explicit link: its kind.' })
  linkKind!: LessonLinkKind | null;

  @Field(() => LinkDirection, {
    nullable: true,
    description:
      'For an explicit link or builds-on: OUTGOING when the record asked about makes it (its lesson supports the other, it builds on the other), INCOMING when the other does.',
  })
  direction!: LinkDirection | null;

  /** Key of the shared theme, district or network, or of the lesson link, resolved by RelationReasonResolver. */
  sharedKey!: number | null;
}
