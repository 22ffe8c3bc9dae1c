/** How district networks (with their dated, sourced memberships) are written from the seed format and read back for an export. */
import { partsList, refs, sourceReference } from '../seed/seed-fields';
import type { EntityManager } from 'typeorm';
import { storedPublicationDate } from '../brief/publication-date';
import { listOf } from '../seed/record-rules';
import type { LocatedRecord, ReportRecordProblem, SeedRecordType } from '../seed/seed-record-type';
import { upsertRow } from '../seed/seed-rows';
import { seedColumnValues, seedFieldsOf, selectedColumns } from '../shared/record-fields/seed-format';
import type { MembershipRecord, NetworkRecord } from '../seed/seed-schema';
import { bySlug, inSeedOrderOf, partialDate, selectRows } from '../transfer/export-rows';
import { compareText } from '../transfer/export-rows';
import { maximumRelationChanges } from '../shared/list-limits';
import { districtNetworkFields } from './district-network.fields';

/**
 * Sets a network's memberships, dated and sourced, leaving unchanged rows untouched; returns whether any changed.
 * A membership given without dates or source clears those of a stored one.
 */
async function syncMemberships(
  manager: EntityManager,
  networkId: number,
  memberships: Array<{ districtId: number; joined?: string; left?: string; sourceId: number | null }>,
): Promise<boolean> {
  const districtIds = memberships.map((membership) => membership.districtId);
  const [, deleted] = (await manager.query(`DELETE FROM public.district_network_member WHERE network_id = $1 AND NOT (district_id = ANY($2::int[]))`, [
    networkId,
    districtIds,
  ])) as [unknown, number];
  let changed = deleted > 0;
  for (const membership of memberships) {
    const joined = storedPublicationDate(membership.joined);
    const left = storedPublicationDate(membership.left);
    const written = (await manager.query(
      `INSERT INTO public.district_network_member AS m (network_id, district_id, joined_on, joined_on_precision, left_on, left_on_precision, source_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (network_id, district_id) DO UPDATE SET joined_on = EXCLUDED.joined_on, joined_on_precision = EXCLUDED.joined_on_precision,
         left_on = EXCLUDED.left_on, left_on_precision = EXCLUDED.left_on_precision, source_id = EXCLUDED.source_id
       WHERE (m.joined_on, m.joined_on_precision, m.left_on, m.left_on_precision, m.source_id)
             IS DISTINCT FROM (EXCLUDED.joined_on, EXCLUDED.joined_on_precision, EXCLUDED.left_on, EXCLUDED.left_on_precision, EXCLUDED.source_id)
       RETURNING district_id`,
      [networkId, membership.districtId, joined.date, joined.precision, left.date, left.precision, membership.sourceId],
    )) as unknown[];
    changed = changed || written.length > 0;
  }
  return changed;
}

interface StoredMembership {
  district: string;
  joinedOn: string | null;
  joinedPrecision: string | null;
  leftOn: string | null;
  leftPrecision: string | null;
  source: string | null;
}

/** A network's memberships as the seed format writes them: undated, unsourced ones as `members`, the others as `memberships` (in seed order later). */
function membersAndMemberships(value: unknown): { members: string[]; memberships: object[] } {
  const stored = [...((value as StoredMembership[] | null) ?? [])].sort((left, right) => compareText(left.district, right.district));
  const plain = (membership: StoredMembership) => !membership.joinedOn && !membership.leftOn && !membership.source;
  return {
    members: stored.filter(plain).map((membership) => membership.district),
    memberships: stored
      .filter((membership) => !plain(membership))
      .map((membership) => ({
        district: membership.district,
        joined: partialDate(membership.joinedOn, membership.joinedPrecision),
        left: partialDate(membership.leftOn, membership.leftPrecision),
        source: membership.source,
      })),
  };
}

/** A district is a member of a network once: in `members` or in `memberships`; and it leaves no earlier than it joined. */
function checkMemberships(records: LocatedRecord[], report: ReportRecordProblem): void {
  for (const network of records) {
    const named = new Map<string, string>();
    listOf(network, 'members').forEach((district: unknown, index) => {
      if (typeof district === 'string' && !named.has(district)) named.set(district, `members[${index}]`);
    });
    listOf(network, 'memberships').forEach((membership: unknown, index) => {
      const { district, joined, left } = (membership ?? {}) as { district?: unknown; joined?: unknown; left?: unknown };
      if (typeof district === 'string') {
        if (named.has(district))
          report(network, `memberships[${index}].district`, `names district "${district}" again (already ${named.get(district)}); a district is a member once`);
        else named.set(district, `memberships[${index}]`);
      }
      // Partial dates ("2014", "2014-05") compare as text on the precision both share.
      if (typeof joined === 'string' && typeof left === 'string' && left < joined.slice(0, left.length)) {
        report(network, `memberships[${index}].left`, `must be ${joined} (joined) or later, got ${left}`);
      }
    });
  }
}

export const districtNetworkSeed: SeedRecordType<'networks'> = {
  collection: 'networks',
  key: 'slug',
  fields: {
    ...seedFieldsOf(districtNetworkFields),
    // Members no source dates: the network's own source names them.
    members: refs('districts', maximumRelationChanges),
    // Dated or separately sourced memberships; a district is in `members` or here, not both.
    memberships: partsList(
      {
        district: { type: 'ref', collection: 'districts', required: true },
        joined: { type: 'partialDate' },
        left: { type: 'partialDate' },
        source: sourceReference,
      },
      maximumRelationChanges,
    ),
    source: sourceReference,
  },
  checkRecords: checkMemberships,
  async write({ manager, ids, sourceId }, network) {
    const { id, outcome } = await upsertRow(manager, 'district_network', ['slug'], {
      ...seedColumnValues(districtNetworkFields, network, ids),
      source_id: sourceId(network.source),
    });
    const memberships: MembershipRecord[] = [...(network.members ?? []).map((district) => ({ district })), ...(network.memberships ?? [])];
    const changed = await syncMemberships(
      manager,
      id,
      memberships.map((membership) => ({ ...membership, districtId: ids.districts.get(membership.district)!, sourceId: sourceId(membership.source) })),
    );
    return { id, outcome, changed };
  },
  async readAll(manager) {
    const rows = await selectRows(
      manager,
      `SELECT ${selectedColumns(districtNetworkFields, 'n')}, coordinator.slug AS coordinator,
              (SELECT json_agg(json_build_object('district', district.slug, 'joinedOn', member.joined_on, 'joinedPrecision', member.joined_on_precision,
                                                 'leftOn', member.left_on, 'leftPrecision', member.left_on_precision, 'source', member_source.slug))
                 FROM public.district_network_member member JOIN public.district district ON district.id = member.district_id
                 LEFT JOIN public.source_document member_source ON member_source.id = member.source_id
                WHERE member.network_id = n.id) AS members,
              source.slug AS source
         FROM public.district_network n
         LEFT JOIN public.organization coordinator ON coordinator.id = n.coordinator_id
         LEFT JOIN public.source_document source ON source.id = n.source_id`,
    );
    return bySlug(
      inSeedOrderOf<NetworkRecord>(
        this.fields,
        rows.map((network) => ({ ...network, ...membersAndMemberships(network.members) })),
      ),
    );
  },
};
