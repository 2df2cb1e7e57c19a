import { ApplicantEntity } from './applicant.entity';
import { ApplicationEntity } from './application.entity';
import { CaseEventEntity } from './case-event.entity';
import { DepartmentEntity } from './department.entity';
import { OfficeEntity } from './office.entity';
import { UserEntity } from './user.entity';

export { ApplicantEntity, ApplicationEntity, CaseEventEntity, DepartmentEntity, OfficeEntity, UserEntity };
export const entities = [OfficeEntity, DepartmentEntity, UserEntity, ApplicantEntity, ApplicationEntity, CaseEventEntity];
