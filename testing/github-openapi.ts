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

let components: { schemas: Record<string, unknown> } | undefined;
const validators = new Map<string, ValidateFunction>();

/** The component schemas `name` refers to, itself included: the description has about 1,000. */
function reachable(name: string, schemas: Record<string, unknown>): Record<string, unknown> {
  const found: Record<string, unknown> = {};
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      const ref = key === '$ref' && typeof child === 'string' ? /^#\/components\/schemas\/(.+)$/.exec(child)?.[1] : undefined;
      if (ref !== undefined && !(ref in found)) {
        found[ref] = schemas[ref];
        visit(schemas[ref]);
      } else visit(child);
    }
  };
  found[name] = schemas[name];
  visit(schemas[name]);
  return found;
}

/** A validator of one of the description's component schemas (`commit-comparison`, `basic-error`, …). */
export function gitHubRestSchema(name: string): ValidateFunction {
  let validate = validators.get(name);
  if (validate) return validate;
  if (!components) {
    const path = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
    ({ components } = JSON.parse(readFileSync(path, 'utf8')) as { components: { schemas: Record<string, unknown> } });
  }
  if (!(name in components.schemas)) throw new Error(`GitHub's REST description has no schema ${name}`);
  // Its $refs point into #/components/schemas of the document they are in.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: 'github', components: { schemas: withNull(reachable(name, components.schemas)) } });
  validate = ajv.getSchema(`github#/components/schemas/${name}`) as ValidateFunction;
  validators.set(name, validate);
  return validate;
}
