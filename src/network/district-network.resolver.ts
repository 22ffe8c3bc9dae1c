import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Brief } from '../brief/brief.entity';
import { briefByKey, briefKeysOfNetwork } from '../brief/brief.loaders';
import type { RequestContext } from '../context';
import { District } from '../district/district.entity';
import { districtByKey, districtKeysOf } from '../district/district.loaders';
import { Organization } from '../organization/organization.entity';
import { organizationByKey } from '../organization/organization.loaders';
import { loadRelated } from '../shared/record-loaders';
import { DistrictNetwork } from './district-network.entity';

@Resolver(() => DistrictNetwork)
export class DistrictNetworkResolver {
  @Query(() => [DistrictNetwork], { description: 'Every district network or partnership, by name.' })
  districtNetworks(@Ctx() context: RequestContext): Promise<DistrictNetwork[]> {
    return context.dataSource.getRepository(DistrictNetwork).find({ order: { name: 'ASC', key: 'ASC' } });
  }

  @Query(() => DistrictNetwork, { nullable: true, description: 'The district network with this slug, or null.' })
  districtNetwork(@Arg('slug') slug: string, @Ctx() context: RequestContext): Promise<DistrictNetwork | null> {
    return context.dataSource.getRepository(DistrictNetwork).findOneBy({ slug });
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organization that coordinates the network.' })
  coordinator(@Root() network: DistrictNetwork, @Ctx() context: RequestContext): Promise<Organization | null> | null {
    return network.coordinatorKey === null ? null : organizationByKey(context).load(network.coordinatorKey);
  }

  @FieldResolver(() => [District], { description: 'Member districts, by name.' })
  members(@Root() network: DistrictNetwork, @Ctx() context: RequestContext): Promise<District[]> {
    return loadRelated(districtKeysOf(context, 'district_network_member', 'network_id'), districtByKey(context), network.key);
  }

  @FieldResolver(() => [Brief], { description: 'Briefs that study this network, newest first.' })
  briefs(@Root() network: DistrictNetwork, @Ctx() context: RequestContext): Promise<Brief[]> {
    return loadRelated(briefKeysOfNetwork(context), briefByKey(context), network.key);
  }
}
