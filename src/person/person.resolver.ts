/**
 * Person's GraphQL fields. Relations and lists are compiled into the request's SQL by the
 * read engine from person.reads.ts; each resolver returns what was compiled for it.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { JSONObjectResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { BriefListArguments } from '../brief/brief.inputs';
import { briefListing } from '../brief/brief.service';
import type { RequestContext } from '../context';
import { Identifier } from '../identifier/identifier';
import { Organization } from '../organization/organization.entity';
import type { CompiledRecord } from '../read/compiler';
import { compiledValue, readRootField } from '../read/resolvers';
import { PersonAffiliation } from './person-affiliation.entity';
import { Person } from './person.entity';
import { PersonListArguments } from './person.inputs';
import { personListing } from './person.service';

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => personListing.Connection, { description: 'People credited in briefs, by sort name.' })
  people(@Args() _args: PersonListArguments, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readRootField(context, info);
  }

  @Query(() => Person, { nullable: true, description: 'The person with this slug or this ORCID iD (give exactly one), or null.' })
  person(
    @Arg('slug', () => String, { nullable: true, description: "The person's slug." }) _slug: string | null,
    @Arg('orcid', () => String, { nullable: true, description: 'An ORCID iD, 0000-0000-0000-000X or https://orcid.org/….' }) _orcid: string | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readRootField(context, info);
  }

  @FieldResolver(() => [Identifier], { description: "The person's persistent identifiers (their ORCID iD, where known)." })
  identifiers(@Root() person: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(person, info, context);
  }

  @FieldResolver(() => [PersonAffiliation], { description: "The person's affiliations, in the order the sources give them." })
  affiliations(@Root() person: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(person, info, context);
  }

  @FieldResolver(() => briefListing.Connection, { description: 'Briefs whose byline names the person, in any role.' })
  briefs(@Root() person: CompiledRecord, @Args() _args: BriefListArguments, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(person, info, context);
  }

  @FieldResolver(() => JSONObjectResolver, { description: 'The person as schema.org JSON-LD (a Person).' })
  jsonLd(@Root() person: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(person, info, context);
  }
}

@Resolver(() => PersonAffiliation)
export class PersonAffiliationResolver {
  // person and organization are nullable in the schema only, to agree with BriefContributor's on a Node selection.
  @FieldResolver(() => Person, { nullable: true, description: 'The person affiliated; always set.' })
  person(@Root() affiliation: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(affiliation, info, context);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organization the person was affiliated with; always set.' })
  organization(@Root() affiliation: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(affiliation, info, context);
  }
}
