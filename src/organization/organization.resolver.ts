import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Brief } from '../brief/brief.entity';
import { briefsPublishedBy } from '../brief/brief.loaders';
import type { RequestContext } from '../context';
import { Meeting } from '../meeting/meeting.entity';
import { meetingsConvenedBy } from '../meeting/meeting.loaders';
import { DistrictNetwork } from '../network/district-network.entity';
import { networksCoordinatedBy } from '../network/district-network.loaders';
import { Organization } from './organization.entity';
import { organizationByKey, organizationsHousedBy } from './organization.loaders';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => [Organization], { description: 'Every organization, by name.' })
  organizations(@Ctx() context: RequestContext): Promise<Organization[]> {
    return context.dataSource.getRepository(Organization).find({ order: { name: 'ASC', key: 'ASC' } });
  }

  @Query(() => Organization, { nullable: true, description: 'The organization with this slug, or null.' })
  organization(@Arg('slug') slug: string, @Ctx() context: RequestContext): Promise<Organization | null> {
    return context.dataSource.getRepository(Organization).findOneBy({ slug });
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organization that houses and staffs this one.' })
  housedBy(@Root() organization: Organization, @Ctx() context: RequestContext): Promise<Organization | null> | null {
    return organization.housedByKey === null ? null : organizationByKey(context).load(organization.housedByKey);
  }

  @FieldResolver(() => [Organization], { description: 'Organizations this one houses.' })
  houses(@Root() organization: Organization, @Ctx() context: RequestContext): Promise<Organization[]> {
    return organizationsHousedBy(context).load(organization.key);
  }

  @FieldResolver(() => [Brief], { description: 'Briefs this organization published, newest first.' })
  publishedBriefs(@Root() organization: Organization, @Ctx() context: RequestContext): Promise<Brief[]> {
    return briefsPublishedBy(context).load(organization.key);
  }

  @FieldResolver(() => [Meeting], { description: 'Meetings this organization convened, by number.' })
  convenedMeetings(@Root() organization: Organization, @Ctx() context: RequestContext): Promise<Meeting[]> {
    return meetingsConvenedBy(context).load(organization.key);
  }

  @FieldResolver(() => [DistrictNetwork], { description: 'District networks this organization coordinates.' })
  coordinatedNetworks(@Root() organization: Organization, @Ctx() context: RequestContext): Promise<DistrictNetwork[]> {
    return networksCoordinatedBy(context).load(organization.key);
  }
}
