import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Brief } from '../brief/brief.entity';
import { briefByKey } from '../brief/brief.loaders';
import type { RequestContext } from '../context';
import { District } from '../district/district.entity';
import { districtByKey, districtKeysOf } from '../district/district.loaders';
import type { NestedSource } from '../shared/pagination/listing';
import { loadRelated } from '../shared/record-loaders';
import { Theme } from '../theme/theme.entity';
import { themeByKey, themeKeysOf } from '../theme/theme.loaders';
import { Lesson } from './lesson.entity';
import { LessonLink } from './lesson-link.entity';
import { LessonLinkListArguments, LessonListArguments, LinkDirection } from './lesson.inputs';
import { lessonByKey } from './lesson.loaders';
import { lessonLinkListing, lessonListing } from './lesson.service';

const linksOfParent: Record<LinkDirection, NestedSource> = {
  OUTGOING: { where: 'k.from_lesson_id = p.owner' },
  INCOMING: { where: 'k.to_lesson_id = p.owner' },
  // A union of two index lookups, not an OR, which would make PostgreSQL scan every link.
  BOTH: {
    from: `(SELECT id FROM lesson_link WHERE from_lesson_id = p.owner UNION SELECT id FROM lesson_link WHERE to_lesson_id = p.owner) owned
           JOIN lesson_link k ON k.id = owned.id`,
  },
};

@Resolver(() => Lesson)
export class LessonResolver {
  @Query(() => lessonListing.Connection, { description: 'Lessons, filtered and ordered.' })
  lessons(@Args() args: LessonListArguments, @Ctx() context: RequestContext) {
    return lessonListing.root(context, args);
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

  @FieldResolver(() => lessonLinkListing.Connection, { description: 'Typed links between this lesson and lessons in other briefs, in either or both directions.' })
  links(@Root() lesson: Lesson, @Args() args: LessonLinkListArguments, @Ctx() context: RequestContext) {
    return lessonLinkListing.nested(context, `Lesson.links.${args.direction}`, linksOfParent[args.direction], lesson.key, args);
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
