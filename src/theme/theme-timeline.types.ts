/** The shape of a theme's timeline (theme-timeline.ts computes it), apart from the code that reads it, so the request's loaders can name it. */
import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../shared/scalars';

@ObjectType({ description: 'What appeared on a theme in one year. A value with no id: part of its timeline.' })
export class TimelineYear {
  @Field(() => Int, { description: 'The year.' }) year!: number;
  @Field(() => Int, { description: 'Briefs published that year.' }) briefs!: number;
  @Field(() => Int, { description: 'Meetings that started that year.' }) meetings!: number;
  @Field(() => Int, { description: 'Lessons drawn in briefs published that year.' }) lessons!: number;
}

@ObjectType({ description: "A theme's appearances over time, sub-themes included. A value with no id: it is computed from its theme and cached with it." })
export class ThemeTimeline {
  @Field(() => [TimelineYear], { description: 'Years with at least one appearance, oldest first.' })
  years!: TimelineYear[];

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The earliest dated brief or meeting on the theme (a month-precise brief date is the first of its month).',
  })
  firstAppearance!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'The latest dated brief or meeting on the theme.' })
  lastAppearance!: string | null;

  @Field(() => Int, { description: 'Briefs on the theme whose publication date is unknown, not counted in any year.' })
  undatedBriefs!: number;

  @Field(() => Int, { description: 'Lessons on the theme whose brief has no known date, not counted in any year.' })
  undatedLessons!: number;
}
