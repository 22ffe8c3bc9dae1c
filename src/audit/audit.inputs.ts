import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ConnectionArguments } from '../shared/pagination/connection-arguments';

export enum AuditOrder {
  NEWEST_FIRST = 'NEWEST_FIRST',
  OLDEST_FIRST = 'OLDEST_FIRST',
}
registerEnumType(AuditOrder, {
  name: 'AuditOrder',
  description: 'The order of audit log entries, by when they were written.',
  valuesConfig: {
    NEWEST_FIRST: { description: 'Most recent writes first.' },
    OLDEST_FIRST: { description: 'Earliest writes first.' },
  },
});

@InputType({ description: 'Narrows the audit log.' })
export class AuditFilter {
  @Field(() => ID, { nullable: true, description: 'Only writes to this record (it may since have been deleted).' })
  recordId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only writes made with the API key of this name.' })
  actorName?: string | null;

  @Field(() => String, { nullable: true, description: 'Only writes by this mutation, such as `briefUpdate`.' })
  action?: string | null;
}

@ArgsType()
export class AuditListArguments extends ConnectionArguments {
  @Field(() => AuditFilter, { nullable: true, description: 'Only items that match this filter.' })
  filter?: AuditFilter | null;

  @Field(() => AuditOrder, { defaultValue: AuditOrder.NEWEST_FIRST, description: 'The order of the items.' })
  orderBy!: AuditOrder;
}
