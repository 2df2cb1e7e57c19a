// The OpenAPI document types every step's body (from the rules that check it), names every
// operation, and publishes the error codes: the web app's client is generated from it.
import request from 'supertest';
import { validateActionBody } from '../../libs/case';
import { ACTION_NAMES } from '../../libs/contracts/case';
import { ERROR_CODE_LIST } from '../../libs/contracts/error-codes';
import { startStack, type Stack } from '../support/stack';

type Op = { operationId?: string; requestBody?: { content: Record<string, { schema: { $ref: string } }> } };

describe('the OpenAPI document', () => {
  let stack: Stack;
  let doc: { paths: Record<string, Record<string, Op>>; components: { schemas: Record<string, Record<string, unknown>> } };

  beforeAll(async () => {
    stack = await startStack();
    doc = (await request(stack.http).get('/api/docs-json').expect(200)).body;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('documents each step action with its body schema', () => {
    for (const action of ACTION_NAMES) {
      const op = doc.paths[`/api/applications/{id}/actions/${action}`]?.post;
      expect({ action, documented: !!op?.requestBody }).toEqual({ action, documented: true });
      const ref = op!.requestBody!.content['application/json'].schema.$ref.split('/').pop()!;
      expect(doc.components.schemas[ref]).toMatchObject({ type: 'object', additionalProperties: false });
    }
    expect(doc.paths['/api/applications/{id}/actions/{name}']).toBeUndefined();
    const draft = doc.components.schemas.ActionBodyDraftDecision as {
      required: string[];
      properties: { parts: { items: { properties: { ground: { enum: string[] } } } } };
    };
    expect(draft.required).toEqual(['replyKind', 'reasons']);
    expect(draft.properties.parts.items.properties.ground.enum.length).toBeGreaterThan(5);
  });

  it('has a schema that agrees with the validator on the required fields', () => {
    for (const action of ACTION_NAMES) {
      const schema = doc.components.schemas[`ActionBody${action.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase())}`] as {
        required?: string[];
      };
      const missing = validateActionBody(action, {})
        .filter((p) => p.endsWith(': is required'))
        .map((p) => p.replace(/^body\./, '').replace(/: is required$/, ''));
      expect({ action, required: (schema.required ?? []).sort() }).toEqual({ action, required: missing.sort() });
    }
  });

  it('names every operation once, and lists the error codes', () => {
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z0-9]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.components.schemas.ErrorCode).toEqual({ type: 'string', enum: ERROR_CODE_LIST });
    expect(doc.paths['/api/auth/session'].post.operationId).toBe('createSession');
  });
});
