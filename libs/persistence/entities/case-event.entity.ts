import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'case_events' })
export class CaseEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'application_id' }) applicationId!: string;
  @Column('integer') seq!: number;
  @Column('text') type!: string;
  @Column('text') actor!: string;
  @Column('text', { name: 'actor_role' }) actorRole!: string;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  @Column('jsonb') payload!: Record<string, unknown>;
  @Column('text', { name: 'prev_hash' }) prevHash!: string;
  @Column('text') hash!: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
}
