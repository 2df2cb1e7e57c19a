import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'offices' })
export class OfficeEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') code!: string;
  @Column('text') name!: string;
  @Column('text', { name: 'registration_prefix' }) registrationPrefix!: string;
  @Column('text', { name: 'reconsideration_organ', nullable: true }) reconsiderationOrgan!: string | null;
  @Column('text', { nullable: true }) address!: string | null;
  @Column('text', { nullable: true }) postcode!: string | null;
  @Column('text', { nullable: true }) phone!: string | null;
  @Column('text', { name: 'contact_person', nullable: true }) contactPerson!: string | null;
  @Column('text', { nullable: true }) court!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
