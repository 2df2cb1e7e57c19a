// The OpenAPI document of the API, as served at /api/docs-json and as the web app's client is
// generated from. Every route has an operationId; the step actions, one route in the code
// (POST /api/applications/{id}/actions/{name}, its body checked by libs/case), appear as one
// path per action with the body schema of that action, made from the same rules that check it.
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { actionBodySchema } from '../../libs/case';
import { ACTION_NAMES } from '../../libs/contracts/case';
import { ERROR_CODE_LIST } from '../../libs/contracts/error-codes';

const ACTIONS_PATH = '/api/applications/{id}/actions/{name}';
const pascal = (s: string) => s.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
const camel = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('disclosure-engine API')
    .setDescription(
      'Applications for disclosure of government information (政府信息公开申请): intake, case steps, deadlines. ' +
        'Errors: {statusCode, error, message, code, field?, retryAfterSeconds?}; `code` is one of ErrorCode.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .addCookieAuth('de_session')
    .build();
  const doc = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controller, method) => camel(controller.replace(/Controller$/, '')) + pascal(method),
  });
  const schemas = (doc.components ??= {}).schemas ?? (doc.components.schemas = {});
  schemas.ErrorCode = { type: 'string', enum: [...ERROR_CODE_LIST] };
  schemas.ApiError = {
    type: 'object',
    required: ['statusCode', 'error', 'message', 'code'],
    properties: {
      statusCode: { type: 'integer' },
      error: { type: 'string' },
      message: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
      code: { $ref: '#/components/schemas/ErrorCode' },
      field: { type: 'string' },
      retryAfterSeconds: { type: 'integer' },
    },
  };
  const generic = doc.paths[ACTIONS_PATH]?.post;
  if (generic) {
    delete doc.paths[ACTIONS_PATH];
    for (const action of ACTION_NAMES) {
      const name = `ActionBody${pascal(action)}`;
      schemas[name] = actionBodySchema(action) as (typeof schemas)[string];
      doc.paths[`/api/applications/{id}/actions/${action}`] = {
        post: {
          ...generic,
          operationId: `action${pascal(action)}`,
          summary: `step ${action}`,
          parameters: (generic.parameters ?? []).filter((p) => !('name' in p) || p.name !== 'name'),
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } },
        },
      };
    }
  }
  return doc;
}
