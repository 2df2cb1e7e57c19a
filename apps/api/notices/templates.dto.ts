import { ApiProperty } from '@nestjs/swagger';

/** The parts of a template an administrator edits, as compared between versions. */
export const TEMPLATE_PARTS = ['title', 'noun', 'addressee', 'fields', 'paragraphs', 'citations', 'remedies', 'note'] as const;

export class TemplateVersionSummaryDto {
  @ApiProperty({ example: 2 }) version!: number;
  @ApiProperty({ enum: ['bundled', 'stored'], description: 'bundled: shipped with the engine; stored: saved by an administrator' })
  source!: 'bundled' | 'stored';
  @ApiProperty({ example: '政府信息公开申请登记回执' }) title!: string;
  @ApiProperty({ nullable: true, type: String, example: 'admin', description: 'username of who saved it; null for the bundled one' })
  createdBy!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '系统管理员', description: "that user's display name, when the user exists" })
  createdByName!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-03T09:00:00.000Z' }) createdAt!: string | null;
  @ApiProperty({
    type: [String],
    enum: TEMPLATE_PARTS,
    description: 'the parts that differ from the version before (empty for the first)',
  })
  changed!: string[];
  @ApiProperty({ description: 'the version new letters of this kind and regime use' }) inForce!: boolean;
}

export class TemplateVersionListDto {
  @ApiProperty({ example: 'registration-receipt' }) kind!: string;
  @ApiProperty({ enum: ['2008', '2019'] }) regime!: string;
  @ApiProperty({ type: [TemplateVersionSummaryDto], description: 'newest first' }) items!: TemplateVersionSummaryDto[];
}

export class TemplateVersionDto extends TemplateVersionSummaryDto {
  @ApiProperty({
    type: Object,
    description:
      'the template as stored: title, noun, addressee, fields, paragraphs, citations, remedies, note?, and id, kind, regime, version',
  })
  template!: Record<string, unknown>;
}
