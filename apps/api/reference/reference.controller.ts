// Reference lists the forms need, from the same data the engine enforces with.
import { BadRequestException, Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import { actionBodySchema } from '../../../libs/case';
import { AdminRepository } from '../admin/admin.repository';
import { DepartmentDto } from '../admin/admin.dto';
import { CurrentUser, type AuthUser } from '../auth/current-user';
import { ACTION_NAMES } from '../../../libs/contracts/case';
import { formatCitationList } from '../../../libs/documents/citation.util';
import { WITHHOLDING_GROUNDS, type Regime } from '../../../libs/documents/document.types';
import { withholdingGroundsOf } from '../../../libs/documents/withholding-grounds.data';

export class WithholdingGroundDto {
  @ApiProperty({
    enum: WITHHOLDING_GROUNDS,
    example: 'process-information',
    description: "the code a draft names as a withheld part's ground",
  })
  code!: string;
  @ApiProperty({ example: '属于行政机关在履行行政管理职能过程中形成的过程性信息', description: 'how the letter words it (该信息……)' })
  text!: string;
  @ApiProperty({ example: '《中华人民共和国政府信息公开条例》第十六条第二款', description: 'the articles the letter cites for it' })
  basis!: string;
  @ApiPropertyOptional({ example: '三（三）6', description: 'the annual report row a refusal on this ground counts in' })
  annualReportRow?: string;
  @ApiProperty({ description: 'only for the withheld parts of a partial disclosure (Art. 37)' })
  partialOnly!: boolean;
}

export class WithholdingGroundsDto {
  @ApiProperty({ enum: ['2008', '2019'] }) regime!: Regime;
  @ApiProperty({ type: [WithholdingGroundDto] }) grounds!: WithholdingGroundDto[];
}

@ApiTags('reference')
@ApiBearerAuth()
@Controller('api/reference')
export class ReferenceController {
  constructor(@Inject(AdminRepository) private readonly admin: AdminRepository) {}

  /** The caller's office's departments: the screens show a department's name where the data has its code. */
  @Get('departments')
  @ApiOkResponse({ type: [DepartmentDto], description: "the departments of the caller's office, by code" })
  departments(@CurrentUser() user: AuthUser): Promise<DepartmentDto[]> {
    return this.admin.departments(user.officeId);
  }

  /** The grounds a withheld part may name under a regime (libs/documents withholding-grounds.data.ts). */
  @Get('withholding-grounds')
  @ApiQuery({ name: 'regime', required: true, enum: ['2008', '2019'] })
  @ApiOkResponse({ type: WithholdingGroundsDto, description: "the regime's withholding grounds, in the order of the list" })
  @ApiBadRequestResponse({ description: 'regime is not 2008 or 2019' })
  withholdingGrounds(@Query('regime') regime?: string): WithholdingGroundsDto {
    if (regime !== '2008' && regime !== '2019') throw new BadRequestException(['regime: must be 2008 or 2019']);
    return {
      regime,
      grounds: withholdingGroundsOf(regime).map(({ ground, entry }) => ({
        code: ground,
        text: entry.text,
        basis: formatCitationList(entry.citations),
        ...(entry.annualReportRow ? { annualReportRow: entry.annualReportRow } : {}),
        partialOnly: entry.partialOnly === true,
      })),
    };
  }

  /** Each step action's body as JSON Schema (libs/case, the rules that check it): the workbench builds its forms from it. */
  @Get('action-bodies')
  @ApiOkResponse({ description: 'action name -> JSON Schema of its body' })
  actionBodies(): Record<string, Record<string, unknown>> {
    return Object.fromEntries(ACTION_NAMES.map((a) => [a, actionBodySchema(a)]));
  }
}
