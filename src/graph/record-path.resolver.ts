import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { EvidenceBasis } from '../evidence/evidence-basis';
import { findRecordPaths, maximumHops, maximumPaths } from './record-path.service';
import { RecordPath, RelationKind } from './record-path.types';

const ends = 'two records (briefs, lessons, meetings, themes, districts, networks, organizations)';
const viaDescription = 'Follow only relations of these kinds (a brief and its own lessons are always connected); all kinds when left out.';
const basisDescription =
  'Pass only through lessons, and follow only lesson links, resting on these bases ([STATED] for stated findings); any basis when left out.';

@Resolver()
export class RecordPathResolver {
  @Query(() => RecordPath, {
    nullable: true,
    description:
      `The strongest chain of relations between ${ends}, at most maxHops steps long (1 to ${maximumHops}): the first of \`connections\`. ` +
      'Null when there is none that short. The same record at both ends is a path of 0 steps.',
  })
  async connection(
    @Arg('from', () => ID, { description: 'The global ID of the record the path starts from.' }) from: string,
    @Arg('to', () => ID, { description: 'The global ID of the record the path ends at.' }) to: string,
    @Arg('maxHops', () => Int, { defaultValue: maximumHops, description: `The longest path to look for, in steps (1 to ${maximumHops}).` }) maxHops: number,
    @Arg('via', () => [RelationKind], { nullable: true, description: viaDescription }) via: RelationKind[] | null,
    @Arg('basis', () => [EvidenceBasis], { nullable: true, description: basisDescription }) basis: EvidenceBasis[] | null,
    @Ctx() context: RequestContext,
  ): Promise<RecordPath | null> {
    return (await findRecordPaths(context, from, to, { maxHops, first: 1, via, basis }))[0] ?? null;
  }

  @Query(() => [RecordPath], {
    description:
      `The best \`first\` chains of relations between ${ends}, at most maxHops steps long (1 to ${maximumHops}), strongest first: ` +
      "a path's strength is the product of its steps' weights (RelationKind), so an editors' lesson link or a follow-up ranks above a shared theme. " +
      'Empty when there is none that short.',
  })
  connections(
    @Arg('from', () => ID, { description: 'The global ID of the record the paths start from.' }) from: string,
    @Arg('to', () => ID, { description: 'The global ID of the record the paths end at.' }) to: string,
    @Arg('maxHops', () => Int, { defaultValue: maximumHops, description: `The longest path to look for, in steps (1 to ${maximumHops}).` }) maxHops: number,
    @Arg('first', () => Int, { defaultValue: 3, description: `How many paths, 1 to ${maximumPaths}.` }) first: number,
    @Arg('via', () => [RelationKind], { nullable: true, description: viaDescription }) via: RelationKind[] | null,
    @Arg('basis', () => [EvidenceBasis], { nullable: true, description: basisDescription }) basis: EvidenceBasis[] | null,
    @Ctx() context: RequestContext,
  ): Promise<RecordPath[]> {
    return findRecordPaths(context, from, to, { maxHops, first, via, basis });
  }
}
