import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { BriefListArguments } from '../brief/brief.inputs';
import { briefListing } from '../brief/brief.service';
import type { RequestContext } from '../context';
import { DistrictListArguments } from '../district/district.inputs';
import { districtListing } from '../district/district.service';
import { Organization } from '../organization/organization.entity';
import { organizationByKey } from '../organization/organization.loaders';
import { throughJoinTable } from '../shared/pagination/listing';
import { DistrictNetwork } from './district-network.entity';
import { DistrictNetworkListArguments } from './district-network.inputs';
import { districtNetworkListing } from './district-network.service';

@Resolver(() => DistrictNetwork)
export class DistrictNetworkResolver {
  @Query(() => districtNetworkListing.Connection, { description: 'District networks and partnerships, by name.' })
  districtNetworks(@Args() args: DistrictNetworkListArguments, @Ctx() context: RequestContext) {
    return districtNetworkListing.root(context, args);
  }

  @Query(() => DistrictNetwork, { nullable: true, description: 'The district network with this slug, or null.' })
  districtNetwork(@Arg('slug') slug: string, @Ctx() context: RequestContext): Promise<DistrictNetwork | null> {
    return context.dataSource.getRepository(DistrictNetwork).findOneBy({ slug });
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organization that coordinates the network.' })
  coordinator(@Root() network: DistrictNetwork, @Ctx() context: RequestContext): Promise<Organization | null> | null {
    return network.coordinatorKey === null ? null : organizationByKey(context).load(network.coordinatorKey);
  }

  @FieldResolver(() => districtListing.Connection, { description: 'Member districts.' })
  members(@Root() network: DistrictNetwork, @Args() args: DistrictListArguments, @Ctx() context: RequestContext) {
    return districtListing.nested(context, 'DistrictNetwork.members', throughJoinTable('district', 'd', 'district_network_member', 'network_id', 'district_id'), network.key, args);
  }

  @FieldResolver(() => briefListing.Connection, { description: 'Briefs that study this network, directly or through its member districts.' })
  briefs(@Root() network: DistrictNetwork, @Args() args: BriefListArguments, @Ctx() context: RequestContext) {
    return briefListing.nested(
      context,
      'DistrictNetwork.briefs',
      {
        from: `(SELECT x.brief_id AS id FROM brief_network x WHERE x.network_id = p.owner
                UNION SELECT x.brief_id FROM brief_district x JOIN district_network_member m ON m.district_id = x.district_id WHERE m.network_id = p.owner) owned
               JOIN brief b ON b.id = owned.id`,
      },
      network.key,
      args,
    );
  }
}
