import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { maskIdNumber } from '../../../libs/contracts/mask';
import { ApplicationEntity } from '../../../libs/persistence/entities';
import { DATA_SOURCE } from '../common/tokens';
import type { ApplicationViewDto } from './application.dto';

@Injectable()
export class ApplicationsRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async findView(id: string, officeId: string): Promise<ApplicationViewDto | undefined> {
    const a = await this.ds.getRepository(ApplicationEntity).findOne({ where: { id, officeId }, relations: { applicant: true } });
    if (!a || !a.applicant) return undefined;
    const p = a.applicant;
    return {
      id: a.id,
      registrationNumber: a.registrationNumber,
      regime: a.regime,
      receivedOn: a.receivedOn,
      dueOn: a.dueOn,
      status: a.status,
      channel: a.channel,
      arrivedAt: a.arrivedAt.toISOString(),
      applicant: {
        type: p.type,
        category: p.category,
        name: p.name,
        idNumberMasked: maskIdNumber(p.idNumber),
        contact: { phone: p.phone ?? undefined, email: p.email ?? undefined, address: p.address ?? undefined },
      },
      request: { description: a.description, documentNumber: a.documentNumber, form: a.requestedForm, delivery: a.requestedDelivery },
      assignee: a.assignee,
      createdBy: a.createdBy,
      createdAt: a.createdAt.toISOString(),
    };
  }
}
