/** Related lessons and briefs, and the shared records named by their reasons. */
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Brief } from '../brief/brief.entity';
import type { RequestContext } from '../context';
import { District } from '../district/district.entity';
import { EvidenceBasis } from '../evidence/evidence-basis';
import { Lesson } from '../lesson/lesson.entity';
import { LessonLink } from '../lesson/lesson-link.entity';
import { DistrictNetwork } from '../network/district-network.entity';
import { Theme } from '../theme/theme.entity';
import { keyOf, type CompiledRecord } from '../read/compiler';
import { RelationReason, RelationReasonKind } from './relation-reason';
import { maximumRelated, relatedBriefs, relatedLessons } from './related.service';
import { RelatedBriefConnection, RelatedLessonConnection } from './related.types';

@Resolver(() => Lesson)
export class LessonRelatedResolver {
  @FieldResolver(() => RelatedLessonConnection, {
    description:
      'Lessons in other briefs related to this one, most related first, each with its score and reasons; a connection paged forwards with first/after.',
  })
  relatedLessons(
    @Root() lesson: CompiledRecord,
    @Arg('first', () => Int, { defaultValue: 5, description: `How many related lessons per page, from 1 to ${maximumRelated}.` }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Returns the related lessons ranked after this cursor.' }) after: string | null,
    @Arg('bases', () => [EvidenceBasis], {
      nullable: true,
      description: 'Only lessons, and explicit links, resting on these bases ([STATED] for stated findings); any basis when left out.',
    })
    bases: EvidenceBasis[] | null,
    @Ctx() context: RequestContext,
  ) {
    return relatedLessons(context, keyOf(lesson), first, after, bases);
  }
}

@Resolver(() => Brief)
export class BriefRelatedResolver {
  @FieldResolver(() => RelatedBriefConnection, {
    description: 'Other briefs related to this one, most related first, each with its score and reasons; a connection paged forwards with first/after.',
  })
  relatedBriefs(
    @Root() brief: CompiledRecord,
    @Arg('first', () => Int, { defaultValue: 5, description: `How many related briefs per page, from 1 to ${maximumRelated}.` }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Returns the related briefs ranked after this cursor.' }) after: string | null,
    @Ctx() context: RequestContext,
  ) {
    return relatedBriefs(context, keyOf(brief), first, after);
  }
}

@Resolver(() => RelationReason)
export class RelationReasonResolver {
  @FieldResolver(() => LessonLink, { nullable: true, description: 'The lesson link itself (its kind, basis, rationale and explanation), for EXPLICIT_LINK.' })
  lessonLink(@Root() reason: RelationReason) {
    return reason.kind === RelationReasonKind.EXPLICIT_LINK && reason.sharedKey ? { typeName: 'LessonLink', key: reason.sharedKey } : null;
  }

  @FieldResolver(() => Theme, { nullable: true, description: 'The shared theme, for SHARED_THEME.' })
  theme(@Root() reason: RelationReason) {
    return reason.kind === RelationReasonKind.SHARED_THEME && reason.sharedKey ? { typeName: 'Theme', key: reason.sharedKey } : null;
  }

  @FieldResolver(() => District, { nullable: true, description: 'The shared district, for SHARED_DISTRICT.' })
  district(@Root() reason: RelationReason) {
    return reason.kind === RelationReasonKind.SHARED_DISTRICT && reason.sharedKey ? { typeName: 'District', key: reason.sharedKey } : null;
  }

  @FieldResolver(() => DistrictNetwork, { nullable: true, description: 'The shared network, for SHARED_NETWORK.' })
  network(@Root() reason: RelationReason) {
    return reason.kind === RelationReasonKind.SHARED_NETWORK && reason.sharedKey ? { typeName: 'DistrictNetwork', key: reason.sharedKey } : null;
  }
}
