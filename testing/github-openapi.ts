// GitHub's REST description (@octokit/openapi) as JSON Schemas that ajv checks answers against, so
// that the fake GitHub's answers are checked against what GitHub publishes rather than copied.
// The description is OpenAPI 3.0, whose `nullable: true` JSON Schema spells as a union with null.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

type Schema = Record<string, unknown>;

function withNull(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withNull);
  if (schema === null || typeof schema !== 'object') return schema;
  const { nullable, ...rest } = schema as Schema;
  const converted = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, withNull(value)]));
  if (nullable !== true) return converted;
  if (Array.isArray(converted.enum)) converted.enum = [...converted.enum, null];
  return typeof converted.type === 'string' ? { ...converted, type: [converted.type, 'null'] } : { anyOf: [converted, { type: 'null' }] };
}

let ajv: Ajv | undefined;

/** A validator of one of the description's component schemas (`commit-comparison`, `basic-error`, …). */
export function gitHubRestSchema(name: string): ValidateFunction {
  if (!ajv) {
    const path = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
    const { components } = JSON.parse(readFileSync(path, 'utf8')) as { components: Schema };
    ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema({ $id: 'github', components: withNull(components) });
  }
  const validate = ajv.getSchema(`github#/components/schemas/${name}`);
  if (!validate) throw new Error(`GitHub's REST description has no schema ${name}`);
  return validate;
}
