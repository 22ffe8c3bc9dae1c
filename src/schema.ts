/** Builds the GraphQL schema from the resolvers; `schema.graphql` is its committed, printed form. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema, specifiedDirectives, type GraphQLSchema } from 'graphql';
import { cacheControlDirective } from './caching/cache-control';
import { buildSchemaSync, type ClassType, type NonEmptyArray } from 'type-graphql';
import { authChecker } from './auth/auth-checker';
import { ApiKeyResolver } from './auth/api-key.resolver';
import { AuditResolver } from './audit/audit.resolver';
import { DistrictMutationResolver } from './district/district.mutations';
import { LessonMutationResolver } from './lesson/lesson.mutations';
import { MeetingMutationResolver } from './meeting/meeting.mutations';
import { OrganizationMutationResolver } from './organization/organization.mutations';
import { ThemeMutationResolver } from './theme/theme.mutations';
import { ImportResolver } from './transfer/import.resolver';
import { BriefContributorResolver, BriefFileResolver, BriefResolver } from './brief/brief.resolver';
import { BriefFile } from './brief/brief-file.entity';
import { ChangeFeedResolver } from './change/change-feed.resolver';
import { WebhookDeliveryResolver, WebhookResolver } from './webhook/webhook.resolver';
import { SubscriptionResolver } from './subscription/subscription.resolver';
import { BriefMutationResolver } from './brief/brief.mutations';
import { Brief } from './brief/brief.entity';
import { DistrictResolver } from './district/district.resolver';
import { District } from './district/district.entity';
import { LessonLinkResolver, LessonResolver } from './lesson/lesson.resolver';
import { Lesson } from './lesson/lesson.entity';
import { LessonLink } from './lesson/lesson-link.entity';
import { AgendaTopicResolver, MeetingMaterialResolver, MeetingResolver } from './meeting/meeting.resolver';
import { Meeting } from './meeting/meeting.entity';
import { DistrictNetworkMembershipResolver, DistrictNetworkResolver } from './network/district-network.resolver';
import { DistrictNetwork } from './network/district-network.entity';
import { NodeResolver } from './node/node.resolver';
import { projectRoot } from './shared/project-root';
import { installReadResolvers } from './read/resolvers';
import './read/all-reads';
import { SearchResolver } from './search/search.resolver';
import { BriefRelatedResolver, LessonRelatedResolver, RelationReasonResolver } from './related/related.resolver';
import { RecordPathResolver } from './graph/record-path.resolver';
import { OrganizationResolver } from './organization/organization.resolver';
import { PersonMutationResolver } from './person/person.mutations';
import { PersonAffiliationResolver, PersonResolver } from './person/person.resolver';
import { Person } from './person/person.entity';
import { Organization } from './organization/organization.entity';
import { SourceDocumentResolver, sourceFieldResolver } from './source-document/source-document.resolver';
import { ThemeResolver } from './theme/theme.resolver';
import { Theme } from './theme/theme.entity';

export const schemaFile = path.join(projectRoot, 'schema.graphql');

const sourcedTypes = [Organization, Theme, District, DistrictNetwork, Meeting, Brief, Lesson, LessonLink, Person, BriefFile];

let cachedSchema: GraphQLSchema | undefined;

/** Every resolver class: root fields, field resolvers, mutations, and the `source` field of each sourced type. */
function resolverClasses(): NonEmptyArray<ClassType> {
  return [
    NodeResolver,
    OrganizationResolver,
    ThemeResolver,
    DistrictResolver,
    DistrictNetworkResolver,
    DistrictNetworkMembershipResolver,
    MeetingResolver,
    MeetingMaterialResolver,
    AgendaTopicResolver,
    BriefResolver,
    BriefContributorResolver,
    BriefFileResolver,
    PersonResolver,
    PersonAffiliationResolver,
    BriefMutationResolver,
    LessonResolver,
    LessonLinkResolver,
    SourceDocumentResolver,
    SearchResolver,
    LessonRelatedResolver,
    BriefRelatedResolver,
    RelationReasonResolver,
    RecordPathResolver,
    ChangeFeedResolver,
    WebhookResolver,
    WebhookDeliveryResolver,
    SubscriptionResolver,
    OrganizationMutationResolver,
    PersonMutationResolver,
    ThemeMutationResolver,
    DistrictMutationResolver,
    MeetingMutationResolver,
    LessonMutationResolver,
    ApiKeyResolver,
    AuditResolver,
    ImportResolver,
    ...sourcedTypes.map((type) => sourceFieldResolver(type)),
  ];
}

export function buildBriefgraphSchema(): GraphQLSchema {
  if (cachedSchema) return cachedSchema;
  cachedSchema = buildSchemaSync({
    resolvers: resolverClasses(),
    // Mutations validate their inputs themselves, to report problems as user errors in the payload.
    validate: false,
    directives: [...specifiedDirectives, cacheControlDirective],
    authChecker,
    // Subscriptions bring their own event streams (`subscribe`, fed by the change feed); type-graphql's topics are not used.
    pubSub: {
      publish() {
        throw new Error('subscriptions are fed by the change feed, not by publishing');
      },
      subscribe() {
        throw new Error('subscriptions are fed by the change feed, not by topics');
      },
    },
  });
  installReadResolvers(cachedSchema);
  // type-graphql gives the root types no description of their own.
  cachedSchema.getQueryType()!.description = 'Reads: records by ID or human key, lists, search, facets and research. No API key needed (drafts need one).';
  cachedSchema.getMutationType()!.description =
    'Writes, each one transaction, answering with the record and any user errors. Need an API key (EDITOR or ADMIN).';
  cachedSchema.getSubscriptionType()!.description =
    'Live changes over WebSocket (the graphql-ws protocol at /graphql): the change feed as it grows. The API key, if any, goes in the connection init payload.';
  return cachedSchema;
}

export function printBriefgraphSchema(schema: GraphQLSchema = buildBriefgraphSchema()): string {
  return `# Generated by \`npm run schema:emit\` from the resolvers in src/. Do not edit by hand.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}

export function emitSchemaFile(file: string = schemaFile): void {
  fs.writeFileSync(file, printBriefgraphSchema());
}

let cachedSchemaVersion: string | undefined;

/** A short hash of the printed schema: changes whenever the API does. */
export function schemaVersion(): string {
  cachedSchemaVersion ??= createHash('sha256').update(printBriefgraphSchema()).digest('hex').slice(0, 12);
  return cachedSchemaVersion;
}
