import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { BriefListArguments } from '../brief/brief.inputs';
import { NameOrder } from '../shared/name-orderings';
import { ConnectionArguments } from '../shared/pagination/connection-arguments';
import { UpdatedAtFilter } from '../shared/updated-at';
import { DistrictKind } from './district.entity';

@InputType({ description: 'Narrows a list of districts; every field given must match.' })
export class DistrictFilter extends UpdatedAtFilter {
  @Field(() => [ID], { nullable: true, description: 'Districts in any of these networks.' })
  networks?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'As `networks`, naming the networks by slug.' })
  networkSlugs?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Districts in any of these states (two-letter codes).' })
  states?: string[] | null;

  @Field(() => [DistrictKind], { nullable: true, description: 'Districts of any of these kinds.' })
  kinds?: DistrictKind[] | null;
}

@ArgsType()
export class DistrictListArguments extends ConnectionArguments {
  @Field(() => DistrictFilter, { nullable: true, description: 'Only items that match this filter.' })
  filter?: DistrictFilter | null;

  @Field(() => NameOrder, { defaultValue: NameOrder.NAME_ASC, description: 'The order of the items.' })
  orderBy!: NameOrder;
}

export enum StudyRelation {
  DIRECT = 'DIRECT',
  THROUGH_NETWORK = 'THROUGH_NETWORK',
  ANY = 'ANY',
}
registerEnumType(StudyRelation, {
  name: 'StudyRelation',
  description: 'How a brief comes to be about a district: stated, or inferred through a network.',
  valuesConfig: {
    DIRECT: { description: 'The brief studies the district itself (its `districts`).' },
    THROUGH_NETWORK: {
      description:
        "Inferred: the brief studies a network the district was a member of when the brief came out, and does not name the district itself. A membership counts unless its dates (`District.networkMemberships`) show it ended before the brief's year or began after it; undated ones always count.",
    },
    ANY: { description: 'Either.' },
  },
});

@ArgsType()
export class DistrictBriefArguments extends BriefListArguments {
  @Field(() => StudyRelation, {
    defaultValue: StudyRelation.ANY,
    description: 'Which briefs: those studying the district itself, those inferred through a network, or both.',
  })
  studied!: StudyRelation;
}
