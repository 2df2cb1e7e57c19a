import { readFileSync } from 'node:fs';
import { clientSchemaSource, SCHEMA_FILE } from './openapi.cli';

describe('the web app’s generated API client', () => {
  it('is what the API’s OpenAPI document generates now (run npm run gen:api when this fails)', async () => {
    const fresh = await clientSchemaSource();
    expect(readFileSync(SCHEMA_FILE, 'utf8') === fresh).toBe(true);
  }, 60_000);
});
