import { Arg, Ctx, Field, InputType, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { BriefFilter } from '../brief/brief.inputs';
import { LessonFilter } from '../lesson/lesson.inputs';
import { ThemeMatch } from '../theme/theme.inputs';
import { briefFacets, FacetCounts, lessonFacets } from './facets.service';
import { autocomplete, maximumSuggestions } from './autocomplete.service';
import { search } from './search.service';
import { SearchConnection, SearchType, Suggestion } from './search.types';

@InputType({ description: 'Narrows a search.' })
class SearchFilter {
  @Field(() => ThemeMatch, { nullable: true, description: 'Only records on these themes (records without themes, such as districts, never match).' })
  themes?: ThemeMatch | null;
}

@Resolver()
export class SearchResolver {
  @Query(() => SearchConnection, {
    description:
      'Searches briefs, lessons, meetings, themes, districts, organizations and people at once, most relevant first. ' +
      'Web-style syntax: "quoted phrases", or, -exclusion. Accents and word endings do not matter. ' +
      'When nothing matches as written, misspelt words are corrected to known words and searched again (matchMode FUZZY, correctedQuery).',
  })
  search(
    @Arg('query', { description: 'What to search for, at most 256 characters.' }) query: string,
    @Arg('types', () => [SearchType], { nullable: true, description: 'Only these kinds of record; all by default.' }) types: SearchType[] | null,
    @Arg('filter', () => SearchFilter, { nullable: true, description: 'Only results that match this filter.' }) filter: SearchFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, at most 100; 20 by default.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Returns the results after this cursor.' }) after: string | null,
    @Ctx() context: RequestContext,
  ): Promise<SearchConnection> {
    return search(context, { query, types, themes: filter?.themes, first, after });
  }

  @Query(() => FacetCounts, { description: 'Facet counts of the briefs a filter and search select: by theme, year, district, kind and publisher.' })
  briefFacets(
    @Arg('filter', () => BriefFilter, { nullable: true, description: 'Count only briefs that match this filter (each facet leaves out its own part of it).' })
    filter: BriefFilter | null,
    @Arg('search', () => String, {
      nullable: true,
      description: 'Count only items matching this full-text search (web-style syntax), combined with the filter.',
    })
    search: string | null,
    @Ctx() context: RequestContext,
  ): Promise<FacetCounts> {
    return briefFacets(context, filter, search);
  }

  @Query(() => FacetCounts, {
    description: 'Facet counts of the lessons a filter and search select: by theme, year and kind and publisher of their brief, and district.',
  })
  lessonFacets(
    @Arg('filter', () => LessonFilter, { nullable: true, description: 'Count only lessons that match this filter (each facet leaves out its own part of it).' })
    filter: LessonFilter | null,
    @Arg('search', () => String, {
      nullable: true,
      description: 'Count only items matching this full-text search (web-style syntax), combined with the filter.',
    })
    search: string | null,
    @Ctx() context: RequestContext,
  ): Promise<FacetCounts> {
    return lessonFacets(context, filter, search);
  }

  @Query(() => [Suggestion], {
    description: `Up to ${maximumSuggestions} titles and names for a search box: those starting with what was typed, then those with words starting with each word typed.`,
  })
  autocomplete(
    @Arg('prefix', { description: 'What has been typed so far, at least 2 characters.' }) prefix: string,
    @Arg('types', () => [SearchType], { nullable: true, description: 'Kinds of record to suggest; briefs, themes, districts and meetings by default.' })
    types: SearchType[] | null,
    @Arg('first', () => Int, { defaultValue: maximumSuggestions, description: `How many suggestions, at most ${maximumSuggestions}.` }) first: number,
    @Ctx() context: RequestContext,
  ): Promise<Suggestion[]> {
    return autocomplete(context, prefix, types, first);
  }
}
