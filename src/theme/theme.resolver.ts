import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Brief } from '../brief/brief.entity';
import { briefByKey, briefKeysOfTheme } from '../brief/brief.loaders';
import type { RequestContext } from '../context';
import { Lesson } from '../lesson/lesson.entity';
import { lessonByKey, lessonKeysOfTheme } from '../lesson/lesson.loaders';
import { Meeting } from '../meeting/meeting.entity';
import { meetingByKey, meetingKeysOfTheme } from '../meeting/meeting.loaders';
import { loadRelated } from '../shared/record-loaders';
import { Theme } from './theme.entity';
import { themeByKey, themeChildren } from './theme.loaders';

@Resolver(() => Theme)
export class ThemeResolver {
  @Query(() => [Theme], { description: 'Every theme, by name.' })
  themes(@Ctx() context: RequestContext): Promise<Theme[]> {
    return context.dataSource.getRepository(Theme).find({ order: { name: 'ASC', key: 'ASC' } });
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

  @FieldResolver(() => [Brief], { description: 'Briefs on this theme, newest first.' })
  briefs(@Root() theme: Theme, @Ctx() context: RequestContext): Promise<Brief[]> {
    return loadRelated(briefKeysOfTheme(context), briefByKey(context), theme.key);
  }

  @FieldResolver(() => [Meeting], { description: 'Meetings on this theme, by number.' })
  meetings(@Root() theme: Theme, @Ctx() context: RequestContext): Promise<Meeting[]> {
    return loadRelated(meetingKeysOfTheme(context), meetingByKey(context), theme.key);
  }

  @FieldResolver(() => [Lesson], { description: 'Lessons on this theme.' })
  lessons(@Root() theme: Theme, @Ctx() context: RequestContext): Promise<Lesson[]> {
    return loadRelated(lessonKeysOfTheme(context), lessonByKey(context), theme.key);
  }
}
