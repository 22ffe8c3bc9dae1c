import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { BriefListArguments } from '../brief/brief.inputs';
import { briefListing } from '../brief/brief.service';
import type { RequestContext } from '../context';
import { MeetingListArguments } from '../meeting/meeting.inputs';
import { meetingListing } from '../meeting/meeting.service';
import { DistrictNetwork } from '../network/district-network.entity';
import { networksCoordinatedBy } from '../network/district-network.loaders';
import { Organization } from './organization.entity';
import { OrganizationListArguments } from './organization.inputs';
import { organizationByKey, organizationsHousedBy } from './organization.loaders';
import { organizationListing } from './organization.service';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => organizationListing.Connection, { description: 'Organizations, by name.' })
  organizations(@Args() args: OrganizationListArguments, @Ctx() context: RequestContext) {
    return organizationListing.root(context, args);
  }

  @Query(() => Organization, { nullable: true, description: 'The organization with this slug, or null.' })
  organization(@Arg('slug') slug: string, @Ctx() context: RequestContext): Promise<Organization | null> {
    return context.dataSource.getRepository(Organization).findOneBy({ slug });
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organization that houses and staffs this one.' })
  housedBy(@Root() organization: Organization, @Ctx() context: RequestContext): Promise<Organization | null> | null {
    return organization.housedByKey === null ? null : organizationByKey(context).load(organization.housedByKey);
  }

  @FieldResolver(() => [Organization], { description: 'Organizations this one houses, by name.' })
  houses(@Root() organization: Organization, @Ctx() context: RequestContext): Promise<Organization[]> {
    return organizationsHousedBy(context).load(organization.key);
  }

  @FieldResolver(() => briefListing.Connection, { description: 'Briefs this organization published.' })
  publishedBriefs(@Root() organization: Organization, @Args() args: BriefListArguments, @Ctx() context: RequestContext) {
    return briefListing.nested(context, 'Organization.publishedBriefs', { where: 'b.publisher_id = p.owner' }, organization.key, args);
  }

  @FieldResolver(() => meetingListing.Connection, { description: 'Meetings this organization convened.' })
  convenedMeetings(@Root() organization: Organization, @Args() args: MeetingListArguments, @Ctx() context: RequestContext) {
    return meetingListing.nested(context, 'Organization.convenedMeetings', { where: 'm.convener_id = p.owner' }, organization.key, args);
  }

  @FieldResolver(() => [DistrictNetwork], { description: 'District networks this organization coordinates, by name.' })
  coordinatedNetworks(@Root() organization: Organization, @Ctx() context: RequestContext): Promise<DistrictNetwork[]> {
    return networksCoordinatedBy(context).load(organization.key);
  }
}
