import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ApplicationStatus, Channel, Regime } from '../../contracts/application';
import { ApplicantEntity } from './applicant.entity';

@Entity({ name: 'applications' })
export class ApplicationEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'office_id' }) officeId!: string;
  @Column('uuid', { name: 'department_id', nullable: true }) departmentId!: string | null;
  @Column('uuid', { name: 'applicant_id' }) applicantId!: string;
  @ManyToOne(() => ApplicantEntity)
  @JoinColumn({ name: 'applicant_id' })
  applicant?: ApplicantEntity;
  @Column('text', { name: 'workflow_id' }) workflowId!: string;
  @Column('text', { name: 'registration_number' }) registrationNumber!: string;
  @Column('integer', { name: 'registration_year' }) registrationYear!: number;
  @Column('integer', { name: 'registration_seq' }) registrationSeq!: number;
  @Column('text') channel!: Channel;
  @Column('timestamptz', { name: 'arrived_at' }) arrivedAt!: Date;
  // date columns stay ISO strings: no local-time Date objects for calendar days
  @Column('date', { name: 'received_on', nullable: true }) receivedOn!: string | null;
  @Column('text', { nullable: true }) regime!: Regime | null;
  @Column('date', { name: 'due_on', nullable: true }) dueOn!: string | null;
  @Column('text') status!: ApplicationStatus;
  @Column('text') description!: string;
  @Column('text', { name: 'document_number', nullable: true }) documentNumber!: string | null;
  @Column('text', { name: 'requested_form', nullable: true }) requestedForm!: string | null;
  @Column('text', { name: 'requested_delivery', nullable: true }) requestedDelivery!: string | null;
  @Column('text', { nullable: true }) assignee!: string | null;
  @Column('text', { name: 'created_by' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
