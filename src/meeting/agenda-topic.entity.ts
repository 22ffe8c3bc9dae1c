/** One topic of a meeting's agenda, in order. */
import { Field, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Node, StoredRecord } from '../shared/node';
import type { Meeting } from './meeting.entity';

@ObjectType({ implements: Node, description: 'A topic on a meeting agenda.' })
@Entity({ name: 'agenda_topic' })
@Index(['meetingKey', 'position'], { unique: true })
@Check('agenda_topic_position_is_positive', 'position > 0')
export class AgendaTopic extends StoredRecord {
  @Column({ name: 'meeting_id', type: 'int' })
  meetingKey!: number;

  @ManyToOne('Meeting', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Meeting;

  @Field(() => Int, { description: 'Order on the agenda, from 1.' })
  @Column({ type: 'int' })
  position!: number;

  @Field({ description: 'The topic, as the agenda words it.' })
  @Column({ type: 'text' })
  title!: string;
}
