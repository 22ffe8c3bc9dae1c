import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { BriefListArguments } from '../brief/brief.inputs';
import { briefListing } from '../brief/brief.service';
import type { RequestContext } from '../context';
import { NewestLessonListArguments } from '../lesson/lesson.inputs';
import { lessonListing } from '../lesson/lesson.service';
import { MeetingListArguments } from '../meeting/meeting.inputs';
import { meetingListing } from '../meeting/meeting.service';
import { throughJoinTable, type NestedSource } from '../shared/pagination/listing';
import { SqlBuilder } from '../shared/pagination/sql-builder';
import { Theme } from './theme.entity';
import { ThemeTimeline, themeTimeline } from './theme-timeline';
import { ThemeListArguments, themeKeySet } from './theme.inputs';
import { themeByKey, themeChildren } from './theme.loaders';
import { themeListing } from './theme.service';

@ArgsType()
class ThemeBriefArguments extends BriefListArguments {
  @Field({ defaultValue: false, description: 'Include briefs on sub-themes of this theme.' })
  includeSubthemes!: boolean;
}

@ArgsType()
class ThemeLessonArguments extends NewestLessonListArguments {
  @Field({ defaultValue: false, description: 'Include lessons on sub-themes of this theme.' })
  includeSubthemes!: boolean;
}

@ArgsType()
class ThemeMeetingArguments extends MeetingListArguments {
  @Field({ defaultValue: false, description: 'Include meetings on sub-themes of this theme.' })
  includeSubthemes!: boolean;
}

/** Records on the parent theme `p.owner`, or on it and its sub-themes. */
function onParentTheme(table: string, alias: string, joinTable: string, recordColumn: string, includeSubthemes: boolean): NestedSource {
  return throughJoinTable(table, alias, joinTable, 'theme_id', recordColumn, includeSubthemes ? themeKeySet(new SqlBuilder(), 'p.owner', true) : undefined);
}

@Resolver(() => Theme)
export class ThemeResolver {
  @Query(() => themeListing.Connection, { description: 'Themes, by name.' })
  themes(@Args() args: ThemeListArguments, @Ctx() context: RequestContext) {
    return themeListing.root(context, args);
  }

  @Query(() => Theme, { nullable: true, description: 'The theme with this slug, or null.' })
  theme(@Arg('slug') slug: string, @Ctx() context: RequestContext): Promise<Theme | null> {
    return context.dataSource.getRepository(Theme).findOneBy({ slug });
  }

  @FieldResolver(() => Theme, { nullable: true, description: 'The broader theme this one belongs to.' })
  parent(@Root() theme: Theme, @Ctx() context: RequestContext): Promise<Theme | null> | null {
    return theme.parentKey === null ? null : themeByKey(context).load(theme.parentKey);
  }

  @FieldResolver(() => [Theme], { description: 'Narrower themes, by name.' })
  children(@Root() theme: Theme, @Ctx() context: RequestContext): Promise<Theme[]> {
    return themeChildren(context).load(theme.key);
  }

  @FieldResolver(() => briefListing.Connection, { description: 'Briefs on this theme.' })
  briefs(@Root() theme: Theme, @Args() args: ThemeBriefArguments, @Ctx() context: RequestContext) {
    return briefListing.nested(context, 'Theme.briefs', onParentTheme('brief', 'b', 'brief_theme', 'brief_id', args.includeSubthemes), theme.key, args);
  }

  @FieldResolver(() => meetingListing.Connection, { description: 'Meetings on this theme.' })
  meetings(@Root() theme: Theme, @Args() args: ThemeMeetingArguments, @Ctx() context: RequestContext) {
    return meetingListing.nested(context, 'Theme.meetings', onParentTheme('meeting', 'm', 'meeting_theme', 'meeting_id', args.includeSubthemes), theme.key, args);
  }

  @FieldResolver(() => ThemeTimeline, { description: 'Briefs, meetings and lessons on this theme (sub-themes included) year by year, with the first and last appearance.' })
  timeline(@Root() theme: Theme, @Ctx() context: RequestContext): Promise<ThemeTimeline> {
    return themeTimeline(context, theme.key);
  }

  @FieldResolver(() => lessonListing.Connection, { description: 'Lessons on this theme.' })
  lessons(@Root() theme: Theme, @Args() args: ThemeLessonArguments, @Ctx() context: RequestContext) {
    return lessonListing.nested(context, 'Theme.lessons', onParentTheme('lesson', 'l', 'lesson_theme', 'lesson_id', args.includeSubthemes), theme.key, args);
  }
}
