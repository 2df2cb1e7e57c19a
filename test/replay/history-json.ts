// History <-> the standard JSON history format (as `temporal workflow show --output json`).
// @temporalio/common's historyToJSON / historyFromJSON fail in this install with
// "type must be a Type": npm left @temporalio/common and @temporalio/proto with two
// copies of protobufjs 8, so the protojson of one does not recognise the types of the
// other. This does the same conversion with the protojson of @temporalio/proto's copy.
import * as proto from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root';
import { dirname } from 'node:path';

type History = proto.temporal.api.history.v1.IHistory;
interface ProtoJson {
  toJson(type: unknown, message: unknown): unknown;
  fromJson(type: unknown, json: unknown, options?: { ignoreUnknownFields?: boolean }): unknown;
}

/* eslint-disable @typescript-eslint/no-require-imports */
const protojson: ProtoJson = require(
  require.resolve('protobufjs/ext/protojson', { paths: [dirname(require.resolve('@temporalio/proto/package.json'))] }),
);
/* eslint-enable @typescript-eslint/no-require-imports */
const historyType = (patchProtobufRoot(proto) as unknown as { lookupType(name: string): unknown }).lookupType(
  'temporal.api.history.v1.History',
);

export function historyToJSON(history: History): string {
  const json = protojson.toJson(historyType, proto.temporal.api.history.v1.History.fromObject(history));
  return JSON.stringify(json, null, 2);
}

export function historyFromJSON(json: unknown): History {
  const loaded = protojson.fromJson(historyType, json, { ignoreUnknownFields: true });
  if (!loaded) throw new TypeError('invalid history JSON');
  return loaded as History;
}
