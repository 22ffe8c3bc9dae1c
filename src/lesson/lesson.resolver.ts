/**
 * The GraphQL fields of lessons and lesson links. Relations and lists are compiled into the
 * request's SQL by the read engine from lesson.reads.ts; each resolver returns what was
 * compiled for it.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Brief } from '../brief/brief.entity';
import type { RequestContext } from '../context';
import { District } from '../district/district.entity';
import type { CompiledRecord } from '../read/compiler';
import { compiledValue, readRootField } from '../read/resolvers';
import { Theme } from '../theme/theme.entity';
import { Lesson } from './lesson.entity';
import { LessonLink } from './lesson-link.entity';
import { LessonLinkListArguments, LessonListArguments } from './lesson.inputs';
import { lessonLinkListing, lessonListing } from './lesson.service';

@Resolver(() => Lesson)
export class LessonResolver {
  @Query(() => lessonListing.Connection, { description: 'Lessons, filtered and ordered.' })
  lessons(@Args() _args: LessonListArguments, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readRootField(context, info);
  }

  @FieldResolver(() => Brief, { description: 'The brief that draws this lesson.' })
  brief(@Root() lesson: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(lesson, info, context);
  }

  @FieldResolver(() => [Theme], { description: 'Themes of the lesson, by name.' })
  themes(@Root() lesson: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(lesson, info, context);
  }

  @FieldResolver(() => [District], { description: 'Districts the lesson is about, by name.' })
  districts(@Root() lesson: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(lesson, info, context);
  }

  @FieldResolver(() => lessonLinkListing.Connection, {
    description: 'Typed links between this lesson and lessons in other briefs, in either or both directions.',
  })
  links(@Root() lesson: CompiledRecord, @Args() _args: LessonLinkListArguments, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(lesson, info, context);
  }
}

@Resolver(() => LessonLink)
export class LessonLinkResolver {
  @FieldResolver(() => Lesson, { description: 'The lesson the link starts from.' })
  from(@Root() link: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(link, info, context);
  }

  @FieldResolver(() => Lesson, { description: 'The lesson the link points to.' })
  to(@Root() link: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(link, info, context);
  }
}
