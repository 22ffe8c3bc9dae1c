/**
 * Brief's GraphQL fields. Relations and lists are compiled into the request's SQL by the
 * read engine from brief.reads.ts; each resolver here returns what was compiled for it.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { JSONObjectResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { District } from '../district/district.entity';
import { LessonListArguments } from '../lesson/lesson.inputs';
import { lessonListing } from '../lesson/lesson.service';
import { Meeting } from '../meeting/meeting.entity';
import { DistrictNetwork } from '../network/district-network.entity';
import { Organization } from '../organization/organization.entity';
import { compiledValue, readRootField } from '../read/resolvers';
import type { CompiledRecord } from '../read/compiler';
import { Identifier } from '../identifier/identifier';
import { Person } from '../person/person.entity';
import { CitationDataFormat, CitationTextFormat } from '../publication/citation';
import { citationStyleNames } from '../publication/citation-styles';
import { Theme } from '../theme/theme.entity';
import { BriefContributor } from './brief-contributor.entity';
import { BriefFile } from './brief-file.entity';
import { Brief } from './brief.entity';
import { BriefListArguments } from './brief.inputs';
import { briefListing } from './brief.service';
import { PublicationDate } from './publication-date';

@Resolver(() => Brief)
export class BriefResolver {
  @Query(() => briefListing.Connection, { description: 'Briefs, filtered and ordered; newest first by default.' })
  briefs(@Args() _args: BriefListArguments, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readRootField(context, info);
  }

  @Query(() => Brief, { nullable: true, description: 'The brief with this slug, or null.' })
  brief(
    @Arg('slug', { description: "The brief's human key, as in its URL." }) _slug: string,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readRootField(context, info);
  }

  @Query(() => Brief, {
    nullable: true,
    description:
      'The brief a persistent identifier names, or null: "doi:10.…", "eric:ED…", "isbn:…", "hdl:…", "url:https://…", or a https://doi.org/… address.',
  })
  work(
    @Arg('identifier', { description: 'A scheme and value, such as "doi:10.1000/xyz123" or "eric:ED000001".' }) _identifier: string,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readRootField(context, info);
  }

  @Query(() => [String], {
    description: 'The CSL styles `Brief.citation` can use: apa, harvard1 and vancouver, and any the operator added (CITATION_STYLES_DIR).',
  })
  citationStyles(): string[] {
    return citationStyleNames();
  }

  @FieldResolver(() => [String], {
    description: 'Names of the authors, in byline order (people or organizations), or the free-text byline of older records.',
    deprecationReason: 'Use `contributors`, which links each name to its Person or Organization and says its role.',
  })
  authors(@Root() brief: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(brief, info, context);
  }

  @FieldResolver(() => [BriefContributor], {
    description: 'The byline in order: authors, editors and other contributors, each a person or an organization. Empty where no source names them.',
  })
  contributors(@Root() brief: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(brief, info, context);
  }

  @FieldResolver(() => [BriefFile], {
    description: "The brief's own documents and pages (report, summary, appendix, landing page), in order, where a source gives them.",
  })
  files(@Root() brief: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(brief, info, context);
  }

  @FieldResolver(() => [Identifier], { description: "The brief's persistent identifiers (DOI, ERIC number, ISBN, Handle, URL), where a source gives them." })
  identifiers(@Root() brief: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(brief, info, context);
  }

  @FieldResolver(() => String, { description: 'The brief formatted as a bibliography entry in a CSL style (see `citationStyles`), made by citation-js.' })
  citation(
    @Root() brief: CompiledRecord,
    @Arg('style', { defaultValue: 'apa', description: 'A CSL style: apa, harvard1, vancouver, or one the operator added.' }) _style: string,
    @Arg('format', () => CitationTextFormat, { defaultValue: CitationTextFormat.TEXT, description: 'Plain text or an HTML fragment.' })
    _format: CitationTextFormat,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return compiledValue(brief, info, context);
  }

  @FieldResolver(() => String, { description: 'The brief as bibliographic data for reference managers: CSL-JSON, BibTeX or RIS.' })
  citationData(
    @Root() brief: CompiledRecord,
    @Arg('format', () => CitationDataFormat, { description: 'The data format.' }) _format: CitationDataFormat,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return compiledValue(brief, info, context);
  }

  @FieldResolver(() => JSONObjectResolver, {
    description:
      'The brief as schema.org JSON-LD (a Report, or a ScholarlyArticle for research papers), for a partner page\'s <script type="application/ld+json">.',
  })
  jsonLd(@Root() brief: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(brief, info, context);
  }

  @FieldResolver(() => PublicationDate, { nullable: true, description: 'When the brief was published, as precisely as known; null when unknown.' })
  publicationDate(@Root() brief: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(brief, info, context);
  }

  @FieldResolver(() => Organization, { description: 'The organization that published the brief.' })
  publisher(@Root() brief: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(brief, info, context);
  }

  @FieldResolver(() => Meeting, { nullable: true, description: 'The meeting this brief follows up, if any.' })
  followsUpMeeting(@Root() brief: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(brief, info, context);
  }

  @FieldResolver(() => lessonListing.Connection, { description: 'The lessons the brief draws, in order.' })
  lessons(@Root() brief: CompiledRecord, @Args() _args: LessonListArguments, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(brief, info, context);
  }

  @FieldResolver(() => [Theme], { description: 'Themes of the brief, by name.' })
  themes(@Root() brief: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(brief, info, context);
  }

  @FieldResolver(() => [District], { description: 'Districts the brief studies, by name.' })
  districts(@Root() brief: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(brief, info, context);
  }

  @FieldResolver(() => [DistrictNetwork], { description: 'District networks the brief studies, by name.' })
  networks(@Root() brief: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(brief, info, context);
  }

  @FieldResolver(() => briefListing.Connection, { description: 'Earlier briefs this one builds on.' })
  buildsOn(@Root() brief: CompiledRecord, @Args() _args: BriefListArguments, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(brief, info, context);
  }

  @FieldResolver(() => briefListing.Connection, { description: 'Later briefs that build on this one.' })
  builtOnBy(@Root() brief: CompiledRecord, @Args() _args: BriefListArguments, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(brief, info, context);
  }
}

@Resolver(() => BriefContributor)
export class BriefContributorResolver {
  @FieldResolver(() => String, { description: "The name as credited: the person's or the organization's." })
  name(@Root() contributor: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(contributor, info, context);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The person, when the contributor is a person.' })
  person(@Root() contributor: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(contributor, info, context);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organization, when the contributor is an organization (a group author).' })
  organization(@Root() contributor: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(contributor, info, context);
  }

  @FieldResolver(() => Brief, { description: 'The brief whose byline this is.' })
  brief(@Root() contributor: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(contributor, info, context);
  }
}

@Resolver(() => BriefFile)
export class BriefFileResolver {
  @FieldResolver(() => Brief, { description: 'The brief the file belongs to.' })
  brief(@Root() file: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(file, info, context);
  }
}
