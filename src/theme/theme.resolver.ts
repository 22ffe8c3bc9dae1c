/**
 * Theme's GraphQL fields. Relations and lists are compiled into the request's SQL by the
 * read engine from theme.reads.ts; each resolver returns what was compiled for it. The
 * timeline has a service of its own.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { BriefListArguments } from '../brief/brief.inputs';
import { briefListing } from '../brief/brief.service';
import type { RequestContext } from '../context';
import { NewestLessonListArguments } from '../lesson/lesson.inputs';
import { lessonListing } from '../lesson/lesson.service';
import { MeetingListArguments } from '../meeting/meeting.inputs';
import { meetingListing } from '../meeting/meeting.service';
import { keyOf, type CompiledRecord } from '../read/compiler';
import { compiledValue, readRootField } from '../read/resolvers';
import { EvidenceBasis } from '../evidence/evidence-basis';
import { Theme } from './theme.entity';
import { themeTimeline } from './theme-timeline';
import { ThemeTimeline } from './theme-timeline.types';
import { ThemeListArguments } from './theme.inputs';
import { themeListing } from './theme.service';

@ArgsType()
class ThemeBriefArguments extends BriefListArguments {
  @Field({
    defaultValue: true,
    description: 'Include briefs on sub-themes of this theme (by default, as ThemeMatch does); false for the briefs directly on it.',
  })
  includeSubthemes!: boolean;
}

@ArgsType()
class ThemeLessonArguments extends NewestLessonListArguments {
  @Field({
    defaultValue: true,
    description: 'Include lessons on sub-themes of this theme (by default, as ThemeMatch does); false for the lessons directly on it.',
  })
  includeSubthemes!: boolean;
}

@ArgsType()
class ThemeMeetingArguments extends MeetingListArguments {
  @Field({
    defaultValue: true,
    description: 'Include meetings on sub-themes of this theme (by default, as ThemeMatch does); false for the meetings directly on it.',
  })
  includeSubthemes!: boolean;
}

@Resolver(() => Theme)
export class ThemeResolver {
  @Query(() => themeListing.Connection, { description: 'Themes, by name.' })
  themes(@Args() _args: ThemeListArguments, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readRootField(context, info);
  }

  @Query(() => Theme, { nullable: true, description: 'The theme with this slug, or null.' })
  theme(
    @Arg('slug', { description: "The theme's human key, as in its URL." }) _slug: string,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readRootField(context, info);
  }

  @FieldResolver(() => Theme, { nullable: true, description: 'The broader theme this one belongs to.' })
  parent(@Root() theme: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(theme, info, context);
  }

  @FieldResolver(() => [Theme], { description: 'Narrower themes, by name.' })
  children(@Root() theme: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(theme, info, context);
  }

  @FieldResolver(() => briefListing.Connection, { description: 'Briefs on this theme.' })
  briefs(@Root() theme: CompiledRecord, @Args() _args: ThemeBriefArguments, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(theme, info, context);
  }

  @FieldResolver(() => meetingListing.Connection, { description: 'Meetings on this theme.' })
  meetings(@Root() theme: CompiledRecord, @Args() _args: ThemeMeetingArguments, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(theme, info, context);
  }

  @FieldResolver(() => ThemeTimeline, {
    description: 'Briefs, meetings and lessons on this theme (sub-themes included) year by year, with the first and last appearance.',
  })
  timeline(
    @Root() theme: CompiledRecord,
    @Arg('bases', () => [EvidenceBasis], {
      nullable: true,
      description: 'Count only the lessons resting on these bases ([STATED] for stated findings); briefs and meetings are counted all the same.',
    })
    bases: EvidenceBasis[] | null,
    @Ctx() context: RequestContext,
  ): Promise<ThemeTimeline> {
    return themeTimeline(context, keyOf(theme), bases);
  }

  @FieldResolver(() => lessonListing.Connection, { description: 'Lessons on this theme.' })
  lessons(@Root() theme: CompiledRecord, @Args() _args: ThemeLessonArguments, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(theme, info, context);
  }
}
