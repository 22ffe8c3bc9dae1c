import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Brief } from '../brief/brief.entity';
import { briefByKey } from '../brief/brief.loaders';
import type { RequestContext } from '../context';
import { District } from '../district/district.entity';
import { districtByKey, districtKeysOf } from '../district/district.loaders';
import { loadRelated } from '../shared/record-loaders';
import { Theme } from '../theme/theme.entity';
import { themeByKey, themeKeysOf } from '../theme/theme.loaders';
import { Lesson } from './lesson.entity';
import { LessonLink } from './lesson-link.entity';
import { lessonByKey, linksFromLesson, linksToLesson } from './lesson.loaders';

@Resolver(() => Lesson)
export class LessonResolver {
  @Query(() => [Lesson], { description: 'Every lesson, grouped by brief and in order within each.' })
  lessons(@Ctx() context: RequestContext): Promise<Lesson[]> {
    return context.dataSource.getRepository(Lesson).find({ order: { briefKey: 'ASC', position: 'ASC' } });
  }

  @FieldResolver(() => Brief, { description: 'The brief that draws this lesson.' })
  async brief(@Root() lesson: Lesson, @Ctx() context: RequestContext): Promise<Brief> {
    return (await briefByKey(context).load(lesson.briefKey))!;
  }

  @FieldResolver(() => [Theme], { description: 'Themes of the lesson, by name.' })
  themes(@Root() lesson: Lesson, @Ctx() context: RequestContext): Promise<Theme[]> {
    return loadRelated(themeKeysOf(context, 'lesson_theme', 'lesson_id'), themeByKey(context), lesson.key);
  }

  @FieldResolver(() => [District], { description: 'Districts the lesson is about, by name.' })
  districts(@Root() lesson: Lesson, @Ctx() context: RequestContext): Promise<District[]> {
    return loadRelated(districtKeysOf(context, 'lesson_district', 'lesson_id'), districtByKey(context), lesson.key);
  }

  @FieldResolver(() => [LessonLink], { description: 'Links from this lesson to lessons in other briefs.' })
  outgoingLinks(@Root() lesson: Lesson, @Ctx() context: RequestContext): Promise<LessonLink[]> {
    return linksFromLesson(context).load(lesson.key);
  }

  @FieldResolver(() => [LessonLink], { description: 'Links from lessons in other briefs to this one.' })
  incomingLinks(@Root() lesson: Lesson, @Ctx() context: RequestContext): Promise<LessonLink[]> {
    return linksToLesson(context).load(lesson.key);
  }
}

@Resolver(() => LessonLink)
export class LessonLinkResolver {
  @FieldResolver(() => Lesson, { description: 'The lesson the link starts from.' })
  async from(@Root() link: LessonLink, @Ctx() context: RequestContext): Promise<Lesson> {
    return (await lessonByKey(context).load(link.fromLessonKey))!;
  }

  @FieldResolver(() => Lesson, { description: 'The lesson the link points to.' })
  async to(@Root() link: LessonLink, @Ctx() context: RequestContext): Promise<Lesson> {
    return (await lessonByKey(context).load(link.toLessonKey))!;
  }
}
