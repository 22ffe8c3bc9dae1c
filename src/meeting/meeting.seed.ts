/** How meetings (with their themes, districts, agenda and materials) are written from the seed format and read back for an export. */
import { MeetingMaterialKind } from './meeting-material.entity';
import { maximumMeetingParts } from '../shared/list-limits';
import { partsList, text, requiredText, refs, sourceReference } from '../seed/seed-fields';
import type { SeedRecordType, SeedWriteContext } from '../seed/seed-record-type';
import { nullable, syncJoinTable, upsertRow, writePositioned } from '../seed/seed-rows';
import { seedColumnValues, seedFieldsOf, selectedColumns } from '../shared/record-fields/seed-format';
import type { MeetingRecord } from '../seed/seed-schema';
import { inSeedOrderOf, selectRows, slugsVia, sortedSlugs } from '../transfer/export-rows';
import { meetingFields } from './meeting.fields';

/** A meeting's themes, districts, agenda and materials; returns whether any changed. */
async function writeMeetingParts({ manager, idsOf }: SeedWriteContext, id: number, meeting: MeetingRecord): Promise<boolean> {
  let changed = await syncJoinTable(manager, 'meeting_theme', 'meeting_id', id, 'theme_id', idsOf('themes', meeting.themes));
  changed = (await syncJoinTable(manager, 'meeting_district', 'meeting_id', id, 'district_id', idsOf('districts', meeting.districts))) || changed;
  const parent = { column: 'meeting_id', id };
  changed = (await writePositioned(manager, 'agenda_topic', parent, meeting.agenda ?? [], (title) => ({ title }))) || changed;
  const materialsChanged = await writePositioned(manager, 'meeting_material', parent, meeting.materials ?? [], (material) => ({
    kind: material.kind,
    title: material.title,
    file_format: nullable(material.fileFormat),
    size_kilobytes: nullable(material.sizeInKilobytes),
    url: nullable(material.url),
    contents: material.contents ?? [],
  }));
  return materialsChanged || changed;
}

export const meetingSeed: SeedRecordType<'meetings'> = {
  collection: 'meetings',
  key: 'number',
  fields: {
    ...seedFieldsOf(meetingFields),
    themes: refs('themes'),
    districts: refs('districts'),
    agenda: { type: 'list', of: requiredText(500), maxItems: maximumMeetingParts },
    materials: partsList(
      {
        kind: { type: 'enum', values: Object.values(MeetingMaterialKind), required: true },
        title: requiredText(500),
        fileFormat: text(20),
        sizeInKilobytes: { type: 'positiveNumber' },
        url: { type: 'url' },
        contents: { type: 'list', of: requiredText(500), maxItems: 200 },
      },
      maximumMeetingParts,
    ),
    source: sourceReference,
  },
  checkRecords(records, report) {
    for (const meeting of records) {
      const { startsOn, endsOn } = meeting.value as { startsOn?: string; endsOn?: string };
      if (typeof startsOn === 'string' && typeof endsOn === 'string' && endsOn < startsOn)
        report(meeting, 'endsOn', `must be on or after startsOn (${startsOn}), got ${endsOn}`);
    }
  },
  async write(context, meeting) {
    const { id, outcome } = await upsertRow(context.manager, 'meeting', ['number'], {
      ...seedColumnValues(meetingFields, meeting, context.ids),
      source_id: context.sourceId(meeting.source),
    });
    return { id, outcome, changed: await writeMeetingParts(context, id, meeting) };
  },
  async readAll(manager) {
    const rows = await selectRows(
      manager,
      `SELECT ${selectedColumns(meetingFields, 'm')}, convener.slug AS convener,
              ${slugsVia('meeting_theme', 'meeting_id', 'm.id', 'theme_id', 'theme')} AS themes,
              ${slugsVia('meeting_district', 'meeting_id', 'm.id', 'district_id', 'district')} AS districts,
              ARRAY(SELECT topic.title FROM public.agenda_topic topic WHERE topic.meeting_id = m.id ORDER BY topic.position) AS agenda,
              (SELECT json_agg(json_build_object('kind', material.kind, 'title', material.title, 'fileFormat', material.file_format,
                                                 'sizeInKilobytes', material.size_kilobytes, 'url', material.url, 'contents', material.contents) ORDER BY material.position)
                 FROM public.meeting_material material WHERE material.meeting_id = m.id) AS materials,
              source.slug AS source
         FROM public.meeting m
         JOIN public.organization convener ON convener.id = m.convener_id
         LEFT JOIN public.source_document source ON source.id = m.source_id`,
    );
    return inSeedOrderOf<MeetingRecord>(
      this.fields,
      rows.map((meeting) => ({ ...meeting, themes: sortedSlugs(meeting.themes), districts: sortedSlugs(meeting.districts) })),
    ).sort((left, right) => left.number - right.number);
  },
};
