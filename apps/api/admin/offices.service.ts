import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '../auth/current-user';
import type {
  CreateDepartmentDto,
  CreateOfficeDto,
  DepartmentDto,
  DepartmentListDto,
  OfficeDto,
  OfficeListDto,
  UpdateDepartmentDto,
  UpdateOfficeDto,
} from './admin.dto';
import { AdminRepository, OFFICE_FIELDS, type OfficeField, type OfficeRow, officeView } from './admin.repository';

/**
 * Offices and their departments. Every write and its entry in the administration log
 * happen in one transaction; a PATCH that changes nothing writes nothing, so a retried
 * request neither changes the data again nor logs twice.
 */
@Injectable()
export class OfficesService {
  constructor(@Inject(AdminRepository) private readonly repo: AdminRepository) {}

  async list(): Promise<OfficeListDto> {
    return { items: (await this.repo.offices()).map(officeView) };
  }

  create(dto: CreateOfficeDto, actor: AuthUser): Promise<OfficeDto> {
    const values = Object.fromEntries(OFFICE_FIELDS.map((f) => [f, dto[f] ?? null])) as Record<OfficeField, string | null>;
    return this.repo.ds.transaction(async (m) => {
      const row = await this.repo.insertOffice(m, dto.code, values);
      if (!row) throw new ConflictException(`code: office ${dto.code} already exists`);
      const after = officeView(row);
      await this.repo.appendAudit(m, actor, { action: 'office.create', entityType: 'office', entityKey: dto.code, before: null, after });
      return after;
    });
  }

  update(code: string, dto: UpdateOfficeDto, actor: AuthUser): Promise<OfficeDto> {
    return this.repo.ds.transaction(async (m) => {
      const current = await this.repo.office(code, m, true);
      if (!current) throw new NotFoundException(`office ${code} not found`);
      const changes: Partial<Record<OfficeField, string | null>> = {};
      for (const f of OFFICE_FIELDS) {
        const v = dto[f];
        if (v !== undefined && v !== current[f]) changes[f] = v;
      }
      const before = officeView(current);
      if (!Object.keys(changes).length) return before;
      await this.repo.updateOffice(m, current.id, changes);
      const after = officeView((await this.repo.office(code, m)) as OfficeRow);
      await this.repo.appendAudit(m, actor, { action: 'office.update', entityType: 'office', entityKey: code, before, after });
      return after;
    });
  }

  async departments(officeCode: string): Promise<DepartmentListDto> {
    const office = await this.officeOr404(officeCode);
    return { items: await this.repo.departments(office.id) };
  }

  createDepartment(officeCode: string, dto: CreateDepartmentDto, actor: AuthUser): Promise<DepartmentDto> {
    return this.repo.ds.transaction(async (m) => {
      const office = await this.officeOr404(officeCode);
      if (!(await this.repo.insertDepartment(m, office.id, dto.code, dto.name))) {
        throw new ConflictException(`code: department ${dto.code} already exists in office ${officeCode}`);
      }
      const { id: _id, ...after } = (await this.repo.department(office.id, dto.code, m))!;
      await this.repo.appendAudit(m, actor, {
        action: 'department.create',
        entityType: 'department',
        entityKey: `${officeCode}/${dto.code}`,
        before: null,
        after,
      });
      return after;
    });
  }

  updateDepartment(officeCode: string, code: string, dto: UpdateDepartmentDto, actor: AuthUser): Promise<DepartmentDto> {
    return this.repo.ds.transaction(async (m) => {
      const office = await this.officeOr404(officeCode);
      const current = await this.repo.department(office.id, code, m, true);
      if (!current) throw new NotFoundException(`department ${code} not found in office ${officeCode}`);
      const { id, ...before } = current;
      if (dto.name === undefined || dto.name === before.name) return before;
      await this.repo.renameDepartment(m, id, dto.name);
      const after = { ...before, name: dto.name };
      await this.repo.appendAudit(m, actor, {
        action: 'department.update',
        entityType: 'department',
        entityKey: `${officeCode}/${code}`,
        before,
        after,
      });
      return after;
    });
  }

  private async officeOr404(code: string): Promise<OfficeRow> {
    const office = await this.repo.office(code);
    if (!office) throw new NotFoundException(`office ${code} not found`);
    return office;
  }
}
