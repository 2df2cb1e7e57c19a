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

export class TemplateSummaryDto {
  @ApiProperty({ example: 'registration-receipt' }) kind!: string;
  @ApiProperty({ enum: ['2008', '2019'] }) regime!: string;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ enum: ['bundled', 'stored'] }) source!: 'bundled' | 'stored';
  @ApiProperty({ example: '政府信息公开申请登记回执' }) title!: string;
  @ApiProperty({ required: false, example: 'admin', description: 'stored versions: who saved it' }) createdBy?: string;
  @ApiProperty({ required: false, example: '2026-12-03T09:00:00.000Z' }) createdAt?: string;
}

/** The body of PUT …/templates/{kind}/{regime} (and body.template of the preview), checked by validateTemplate. */
export const TEMPLATE_BODY_SCHEMA = {
  type: 'object',
  required: ['title', 'noun', 'addressee', 'fields', 'paragraphs', 'citations', 'remedies'],
  properties: {
    title: { type: 'string', example: '政府信息公开申请登记回执' },
    noun: { type: 'string', example: '回执', description: 'how the letter calls itself in the remedies paragraph' },
    addressee: { type: 'string', example: '{{applicantName}}' },
    fields: { type: 'array', items: { type: 'object', additionalProperties: true }, description: '{name, label, type, required, …}' },
    paragraphs: {
      type: 'array',
      items: { type: 'object', additionalProperties: true },
      description: '{text, role?, when?, unless?, each?} or {slot: "remedies"}',
    },
    citations: { type: 'array', items: { type: 'object', additionalProperties: true }, description: '{law, article, paragraph?, item?}' },
    remedies: { type: 'string', enum: ['none', 'standard', 'refusal', 'partial'] },
    note: { type: 'string' },
  },
} as const;
