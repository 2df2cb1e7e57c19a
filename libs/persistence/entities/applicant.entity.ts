import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ApplicantCategory, ApplicantType } from '../../contracts/application';

@Entity({ name: 'applicants' })
export class ApplicantEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') type!: ApplicantType;
  @Column('text', { nullable: true }) category!: ApplicantCategory | null;
  @Column('text') name!: string;
  @Column('text', { name: 'id_number', nullable: true }) idNumber!: string | null;
  @Column('text', { nullable: true }) phone!: string | null;
  @Column('text', { nullable: true }) email!: string | null;
  @Column('text', { nullable: true }) address!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
