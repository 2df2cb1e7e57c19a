import { ApiProperty } from '@nestjs/swagger';

// The OpenAPI shape of GET /api/reports/annual (format=json); annual-report.ts builds it.

export class ReportRowDto {
  @ApiProperty({ example: '三.一' }) key!: string;
  @ApiProperty({ example: '（一）予以公开' }) label!: string;
  @ApiProperty({ type: [Number], example: [1, 0, 0, 0, 0, 0, 1] }) values!: number[];
}

export class UnclassifiedCaseDto {
  @ApiProperty({ example: 'LYZF-2026-00007' }) registrationNumber!: string;
  @ApiProperty({ example: 'refusal whose first withheld part has no ground of the 2019 list with a row (none recorded)' }) reason!: string;
}

export class RemedySectionDto {
  @ApiProperty({ type: [String], example: ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] }) columns!: string[];
  @ApiProperty({
    type: [ReportRowDto],
    description: 'rows 复议 (行政复议), 未经复议直接起诉 and 复议后起诉 (行政诉讼), five values each',
    example: [
      { key: '复议', label: '行政复议', values: [1, 0, 0, 1, 2] },
      { key: '未经复议直接起诉', label: '行政诉讼：未经复议直接起诉', values: [0, 0, 0, 0, 0] },
      { key: '复议后起诉', label: '行政诉讼：复议后起诉', values: [0, 1, 0, 0, 1] },
    ],
  })
  rows!: ReportRowDto[];
  @ApiProperty({ description: 'true: counted from the remedies recorded on the cases' }) recorded!: boolean;
  @ApiProperty({
    type: [Number],
    description: 'the official one-line table: 15 numbers, left to right',
    example: [1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1],
  })
  line!: number[];
}

export class AnnualReportDto {
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ example: { code: 'LINYI', name: '临沂市人民政府办公室' } }) office!: { code: string; name: string };
  @ApiProperty({ type: [String], example: ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'] })
  columns!: string[];
  @ApiProperty({ type: [ReportRowDto], description: 'section 三, rows 一 to 四 of the official form' }) rows!: ReportRowDto[];
  @ApiProperty({ description: 'row 一 + row 二 = row 三（七） + row 四, per column' }) balanced!: boolean;
  @ApiProperty({ type: [UnclassifiedCaseDto], description: 'closed cases no row of 三 fits (counted in 三（七） only)' })
  unclassified!: UnclassifiedCaseDto[];
  @ApiProperty({
    type: RemedySectionDto,
    description:
      'section 四 (行政复议、行政诉讼): remedies filed in the year; under their result when decided by 31 December, else 尚未审结',
  })
  remedies!: RemedySectionDto;
}
