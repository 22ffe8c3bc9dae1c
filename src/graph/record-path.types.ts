/** How two records are connected: an ordered path of records and the relation of each step, with its strength. */
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EvidenceBasis } from '../evidence/evidence-basis';
import { LessonLinkKind } from '../lesson/lesson-link.entity';
import { Node } from '../shared/node';
import type { RecordReference } from '../read/request-reads';

export enum GraphRelation {
  PUBLISHED_BY = 'PUBLISHED_BY',
  PUBLISHED = 'PUBLISHED',
  FOLLOWS_UP = 'FOLLOWS_UP',
  FOLLOWED_UP_BY = 'FOLLOWED_UP_BY',
  DRAWN_IN = 'DRAWN_IN',
  DRAWS = 'DRAWS',
  CONVENED_BY = 'CONVENED_BY',
  CONVENED = 'CONVENED',
  SUBTHEME_OF = 'SUBTHEME_OF',
  HAS_SUBTHEME = 'HAS_SUBTHEME',
  HOUSED_BY = 'HOUSED_BY',
  HOUSES = 'HOUSES',
  COORDINATED_BY = 'COORDINATED_BY',
  COORDINATES = 'COORDINATES',
  HAS_THEME = 'HAS_THEME',
  THEME_OF = 'THEME_OF',
  STUDIES = 'STUDIES',
  STUDIED_IN = 'STUDIED_IN',
  ABOUT = 'ABOUT',
  SUBJECT_OF = 'SUBJECT_OF',
  MEMBER_OF = 'MEMBER_OF',
  HAS_MEMBER = 'HAS_MEMBER',
  BUILDS_ON = 'BUILDS_ON',
  BUILT_ON_BY = 'BUILT_ON_BY',
  LINKS_TO = 'LINKS_TO',
  LINKED_FROM = 'LINKED_FROM',
}
registerEnumType(GraphRelation, {
  name: 'GraphRelation',
  description: 'How the record a step starts from relates to the record it reaches ("brief PUBLISHED_BY organization").',
  valuesConfig: {
    PUBLISHED_BY: { description: 'The brief was published by the organization.' },
    PUBLISHED: { description: 'The organization published the brief.' },
    FOLLOWS_UP: { description: 'The brief follows up the meeting.' },
    FOLLOWED_UP_BY: { description: 'The meeting was followed up by the brief.' },
    DRAWN_IN: { description: 'The lesson is drawn in the brief.' },
    DRAWS: { description: 'The brief draws the lesson.' },
    CONVENED_BY: { description: 'The meeting was convened by the organization.' },
    CONVENED: { description: 'The organization convened the meeting.' },
    SUBTHEME_OF: { description: 'The theme is a sub-theme of the other.' },
    HAS_SUBTHEME: { description: 'The theme has the other as a sub-theme.' },
    HOUSED_BY: { description: 'The organization is housed by the other.' },
    HOUSES: { description: 'The organization houses the other.' },
    COORDINATED_BY: { description: 'The network is coordinated by the organization.' },
    COORDINATES: { description: 'The organization coordinates the network.' },
    HAS_THEME: { description: 'The brief, lesson or meeting is on the theme.' },
    THEME_OF: { description: 'The theme is a theme of the brief, lesson or meeting.' },
    STUDIES: { description: 'The brief studies the district or network.' },
    STUDIED_IN: { description: 'The district or network is studied in the brief.' },
    ABOUT: { description: 'The lesson or meeting is about the district.' },
    SUBJECT_OF: { description: 'The district is what the lesson or meeting is about.' },
    MEMBER_OF: { description: 'The district is a member of the network.' },
    HAS_MEMBER: { description: 'The network has the district as a member.' },
    BUILDS_ON: { description: 'The brief builds on the earlier brief.' },
    BUILT_ON_BY: { description: 'The brief is built on by the later brief.' },
    LINKS_TO: { description: 'The lesson links to the other lesson (see linkKind).' },
    LINKED_FROM: { description: 'The lesson is linked from the other lesson (see linkKind).' },
  },
});

/** The kinds of relation, each direction of a relation counting as the same kind; what `via` selects and what weights are given to. */
export enum RelationKind {
  LESSON_LINK = 'LESSON_LINK',
  FOLLOW_UP = 'FOLLOW_UP',
  BUILDS_ON = 'BUILDS_ON',
  LESSON_OF_BRIEF = 'LESSON_OF_BRIEF',
  STUDY = 'STUDY',
  SUBJECT = 'SUBJECT',
  THEME = 'THEME',
  SUBTHEME = 'SUBTHEME',
  MEMBERSHIP = 'MEMBERSHIP',
  PUBLICATION = 'PUBLICATION',
  CONVENING = 'CONVENING',
  COORDINATION = 'COORDINATION',
  HOUSING = 'HOUSING',
}
registerEnumType(RelationKind, {
  name: 'RelationKind',
  description:
    'A kind of relation between records, whichever way a step follows it. Paths are ranked by the weights of their kinds (docs/architecture.md, "Search and research").',
  valuesConfig: {
    LESSON_LINK: {
      description:
        "An editors' typed link between lessons of two briefs (LINKS_TO, LINKED_FROM). Weight 1, times the link's basis (STATED 1, SUMMARIZED 0.9, EDITORIAL_INFERENCE 0.8).",
    },
    FOLLOW_UP: { description: 'A brief written as the follow-up of a meeting (FOLLOWS_UP, FOLLOWED_UP_BY). Weight 0.9.' },
    BUILDS_ON: { description: 'A brief building on an earlier brief (BUILDS_ON, BUILT_ON_BY). Weight 0.9.' },
    LESSON_OF_BRIEF: { description: 'A lesson and the brief that draws it (DRAWN_IN, DRAWS). Weight 0.9; always followed, even when `via` leaves it out.' },
    STUDY: { description: 'A brief and a district or network it studies (STUDIES, STUDIED_IN). Weight 0.6.' },
    SUBJECT: { description: 'A lesson or meeting and a district it is about (ABOUT, SUBJECT_OF). Weight 0.6.' },
    THEME: { description: 'A record and a theme it is on (HAS_THEME, THEME_OF). Weight 0.5.' },
    SUBTHEME: { description: 'A theme and its parent theme (SUBTHEME_OF, HAS_SUBTHEME). Weight 0.5.' },
    MEMBERSHIP: { description: 'A district and a network it belongs to (MEMBER_OF, HAS_MEMBER). Weight 0.4.' },
    PUBLICATION: { description: 'A brief and its publisher (PUBLISHED_BY, PUBLISHED). Weight 0.3.' },
    CONVENING: { description: 'A meeting and its convener (CONVENED_BY, CONVENED). Weight 0.3.' },
    COORDINATION: { description: 'A network and the organization that coordinates it (COORDINATED_BY, COORDINATES). Weight 0.3.' },
    HOUSING: { description: 'An organization and the organization that houses it (HOUSED_BY, HOUSES). Weight 0.3.' },
  },
});

@ObjectType({ description: 'One step of a path: from a record, through a relation, to the next. A value with no id: part of its path.' })
export class PathStep {
  @Field(() => Node, { description: 'The record the step starts from.' })
  from!: RecordReference;

  @Field(() => GraphRelation, { description: 'How the record the step starts from relates to the one it reaches.' })
  relation!: GraphRelation;

  @Field(() => LessonLinkKind, { nullable: true, description: 'For LINKS_TO and LINKED_FROM: the kind of the lesson link.' })
  linkKind!: LessonLinkKind | null;

  @Field(() => RelationKind, { description: 'The kind of relation the step follows.' })
  kind!: RelationKind;

  @Field(() => EvidenceBasis, {
    nullable: true,
    description: 'For LINKS_TO and LINKED_FROM: on what the lesson link rests. Null for relations recorded as their sources state them.',
  })
  basis!: EvidenceBasis | null;

  @Field(() => Float, {
    description: "The step's weight, from 0 to 1: its kind's weight, times its basis's for a lesson link (STATED 1, SUMMARIZED 0.9, EDITORIAL_INFERENCE 0.8).",
  })
  strength!: number;

  @Field(() => Node, { description: 'The record the step reaches.' })
  to!: RecordReference;
}

@ObjectType({
  description: 'A chain of relations between two records, with its strength. A value with no id: computed for the two ends and the options asked.',
})
export class RecordPath {
  @Field(() => Int, { description: 'Number of steps; 0 when both ends are the same record.' })
  hops!: number;

  @Field(() => Float, {
    description: "The product of its steps' strengths (1 for a path of 0 steps), rounded to three decimals: paths are ranked by it, strongest first.",
  })
  strength!: number;

  @Field(() => [Node], { description: 'The records along the path, from the first end to the second.' })
  nodes!: RecordReference[];

  @Field(() => [PathStep], { description: 'The steps along the path, in order.' })
  steps!: PathStep[];
}
