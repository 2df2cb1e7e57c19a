import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import searchAttributeConfig from '../../libs/contracts/search-attributes.json';

/* eslint-disable-next-line @typescript-eslint/no-require-imports */
const tools = require('../../scripts/lib/tools');

const TYPES: Record<string, temporal.api.enums.v1.IndexedValueType> = {
  Keyword: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Datetime: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  Bool: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
};

/**
 * The time-skipping test server (the project's pinned native binary, never a
 * download), with the project's custom search attributes registered.
 */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path: string = process.env.TEMPORAL_TEST_SERVER_PATH || tools.ensureTestServer();
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
  const searchAttributes = Object.fromEntries(Object.entries(searchAttributeConfig.searchAttributes).map(([k, v]) => [k, TYPES[v]]));
  await env.connection.operatorService.addSearchAttributes({ namespace: env.namespace ?? 'default', searchAttributes });
  return env;
}
