/** The GraphQL types of search results. */
import { createUnionType, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Brief } from '../brief/brief.entity';
import { District } from '../district/district.entity';
import { Lesson } from '../lesson/lesson.entity';
import { Meeting } from '../meeting/meeting.entity';
import { DistrictNetwork } from '../network/district-network.entity';
import { Organization } from '../organization/organization.entity';
import { Person } from '../person/person.entity';
import { PageInfo } from '../shared/pagination/connection';
import type { RecordReference } from '../read/request-reads';
import { Theme } from '../theme/theme.entity';

/** Above this many matches of a type, the total uses the planner's estimate instead of counting (search.service.ts); the description of totalCount says it. */
export const exactCountLimit = 1000;

export enum SearchType {
  BRIEF = 'BRIEF',
  LESSON = 'LESSON',
  MEETING = 'MEETING',
  THEME = 'THEME',
  DISTRICT = 'DISTRICT',
  ORGANIZATION = 'ORGANIZATION',
  PERSON = 'PERSON',
  DISTRICT_NETWORK = 'DISTRICT_NETWORK',
}
registerEnumType(SearchType, {
  name: 'SearchType',
  description: 'A kind of record that search can return.',
  valuesConfig: {
    BRIEF: { description: 'Briefs.' },
    DISTRICT: { description: 'Districts.' },
    LESSON: { description: 'Lessons.' },
    MEETING: { description: 'Meetings.' },
    ORGANIZATION: { description: 'Organizations.' },
    THEME: { description: 'Themes.' },
    DISTRICT_NETWORK: { description: 'District networks and partnerships, by name, aliases and description.' },
    PERSON: { description: 'People who authored, edited or contributed to briefs, by name.' },
  },
});

export enum SearchMatchMode {
  FULL_TEXT = 'FULL_TEXT',
  FUZZY = 'FUZZY',
}
registerEnumType(SearchMatchMode, {
  name: 'SearchMatchMode',
  description: 'How the results were found.',
  valuesConfig: {
    FULL_TEXT: { description: 'Full-text search: stemmed words, phrases, or, and -exclusion.' },
    FUZZY: {
      description:
        'Nothing matched the words as written, so misspelt words were corrected to the nearest words in the knowledge base and the corrected query was searched; see correctedQuery.',
    },
  },
});

export const SearchResult = createUnionType({
  name: 'SearchResult',
  description: 'A record found by search.',
  types: () => [Brief, Lesson, Meeting, Theme, District, Organization, Person, DistrictNetwork] as const,
});

@ObjectType({ description: 'A field of a search result with the words that matched marked. A value with no id: it belongs to one search edge.' })
export class Highlight {
  @Field({ description: 'The field, such as "title" or "summary".' })
  field!: string;

  @Field({ description: 'An excerpt of the field, HTML-escaped, with matches wrapped in <mark>…</mark>.' })
  snippet!: string;
}

@ObjectType({ description: 'A search result with its relevance and the parts that matched.' })
export class SearchEdge {
  @Field({ description: 'Opaque cursor of this result, for after.' })
  cursor!: string;

  @Field(() => Float, { description: 'Relevance from 0 to 1; higher is better. Comparable within one search only.' })
  score!: number;

  @Field(() => [Highlight], { description: 'The fields that matched, with the matches marked.' })
  highlights!: Highlight[];

  @Field(() => SearchResult, { description: 'The record found.' })
  /** The record found, read by the read engine with the fields asked for. */
  node!: RecordReference;
}

export interface SearchTotal {
  count: number;
  exact: boolean;
}

@ObjectType({ description: 'Search results, most relevant first.' })
export class SearchConnection {
  @Field(() => [SearchEdge], { description: 'The results of this page, each with its cursor, relevance and highlights.' })
  edges!: SearchEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits in the results.' })
  pageInfo!: PageInfo;

  @Field(() => SearchMatchMode, { description: 'How the results were found.' })
  matchMode!: SearchMatchMode;

  @Field(() => String, { nullable: true, description: 'The query as corrected and searched, when matchMode is FUZZY ("Did you mean …").' })
  correctedQuery!: string | null;

  @Field({ description: 'True when the query as written found nothing and these are results of the corrected query.' })
  get fellBack(): boolean {
    return this.matchMode === SearchMatchMode.FUZZY;
  }

  count!: () => Promise<SearchTotal>;

  @Field(() => [SearchResult], { description: 'The records of the edges, for when cursors, scores and highlights are not needed.' })
  get nodes(): Array<SearchEdge['node']> {
    return this.edges.map((edge) => edge.node);
  }

  @Field(() => Int, {
    description: `How many records match, across all pages: exact up to ${exactCountLimit.toLocaleString('en-US')} matches of a type, estimated beyond (see totalCountIsExact).`,
  })
  async totalCount(): Promise<number> {
    return (await this.count()).count;
  }

  @Field(() => Boolean, {
    description: 'False when totalCount is an estimate, for words so common that counting every match would cost too much ("about 14,000 results").',
  })
  async totalCountIsExact(): Promise<boolean> {
    return (await this.count()).exact;
  }
}

@ObjectType({ description: 'A suggestion for a search box. A value with no id: it wraps the suggested record (which has one) for one prefix typed.' })
export class Suggestion {
  @Field({ description: 'The title or name to show.' })
  text!: string;

  @Field(() => SearchType, { description: 'The kind of record suggested.' })
  type!: SearchType;

  @Field(() => SearchResult, { description: 'The record suggested.' })
  node!: SearchEdge['node'];
}
