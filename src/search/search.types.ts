/** The GraphQL types of search results. */
import { createUnionType, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Brief } from '../brief/brief.entity';
import { District } from '../district/district.entity';
import { Lesson } from '../lesson/lesson.entity';
import { Meeting } from '../meeting/meeting.entity';
import { Organization } from '../organization/organization.entity';
import { PageInfo } from '../shared/pagination/connection';
import { Theme } from '../theme/theme.entity';

export enum SearchType {
  BRIEF = 'BRIEF',
  LESSON = 'LESSON',
  MEETING = 'MEETING',
  THEME = 'THEME',
  DISTRICT = 'DISTRICT',
  ORGANIZATION = 'ORGANIZATION',
}
registerEnumType(SearchType, { name: 'SearchType', description: 'A kind of record that search can return.' });

export enum SearchMatchMode {
  FULL_TEXT = 'FULL_TEXT',
  FUZZY = 'FUZZY',
}
registerEnumType(SearchMatchMode, {
  name: 'SearchMatchMode',
  description: 'How the results were found.',
  valuesConfig: {
    FULL_TEXT: { description: 'Full-text search: stemmed words, phrases, or, and -exclusion.' },
    FUZZY: { description: 'Nothing matched the words as written, so titles and names similar in spelling were returned instead (typo tolerance).' },
  },
});

export const SearchResult = createUnionType({
  name: 'SearchResult',
  description: 'A record found by search.',
  types: () => [Brief, Lesson, Meeting, Theme, District, Organization] as const,
});

@ObjectType({ description: 'A field of a search result with the words that matched marked.' })
export class Highlight {
  @Field({ description: 'The field, such as "title" or "summary".' })
  field!: string;

  @Field({ description: 'An excerpt of the field, HTML-escaped, with matches wrapped in <mark>…</mark>.' })
  snippet!: string;
}

@ObjectType({ description: 'A search result with its relevance and the parts that matched.' })
export class SearchEdge {
  @Field()
  cursor!: string;

  @Field(() => Float, { description: 'Relevance from 0 to 1; higher is better. Comparable within one search only.' })
  score!: number;

  @Field(() => [Highlight], { description: 'The fields that matched, with the matches marked.' })
  highlights!: Highlight[];

  @Field(() => SearchResult)
  node!: Brief | Lesson | Meeting | Theme | District | Organization;
}

@ObjectType({ description: 'Search results, most relevant first.' })
export class SearchConnection {
  @Field(() => [SearchEdge])
  edges!: SearchEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => SearchMatchMode)
  matchMode!: SearchMatchMode;

  @Field({ description: 'True when full-text search found nothing and these are fuzzy (typo-tolerant) matches.' })
  get fellBack(): boolean {
    return this.matchMode === SearchMatchMode.FUZZY;
  }

  count!: () => Promise<number>;

  @Field(() => [SearchResult])
  get nodes(): Array<SearchEdge['node']> {
    return this.edges.map((edge) => edge.node);
  }

  @Field(() => Int, { description: 'How many records match, across all pages.' })
  totalCount(): Promise<number> {
    return this.count();
  }
}

@ObjectType({ description: 'A suggestion for a search box.' })
export class Suggestion {
  @Field({ description: 'The title or name to show.' })
  text!: string;

  @Field(() => SearchType)
  type!: SearchType;

  @Field(() => SearchResult)
  node!: SearchEdge['node'];
}
