// Reads the uses of this action out of a workflow or composite action file and evaluates their
// `with:` values as the runner would, for the contexts a test supplies (inputs, matrix, secrets,
// vars, needs, ...), with GitHub's own expression evaluator (@actions/expressions). A context the
// test did not supply fails loudly.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import { parse as parseYaml } from 'yaml';
import { PROJECT_ROOT } from './runner.js';

export interface MarkerUse {
  job?: string;
  stepId?: string;
  if?: string;
  with: Record<string, string>;
}

interface Step {
  id?: string;
  if?: string;
  uses?: string;
  with?: Record<string, unknown>;
}

export function markerUses(file: string): MarkerUse[] {
  const document = parseYaml(readFileSync(join(PROJECT_ROOT, file), 'utf8'));
  const stepLists: Array<[string | undefined, Step[]]> = document.jobs
    ? Object.entries(document.jobs as Record<string, { steps?: Step[] }>).map(([job, definition]) => [job, definition.steps ?? []])
    : [[undefined, document.runs?.steps ?? []]];
  return stepLists.flatMap(([job, steps]) =>
    steps
      .filter((step) => step.uses?.startsWith('last9/deployment-marker@'))
      .map((step) => ({ job, stepId: step.id, if: step.if, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, String(value)])) })),
  );
}

export function evaluate(values: Record<string, string>, contexts: Record<string, unknown>): Record<string, string> {
  const scope = JSON.parse(JSON.stringify(contexts), data.reviver) as data.Dictionary;
  return Object.fromEntries(
    Object.entries(values).map(([key, template]) => [
      key,
      template.replace(/\$\{\{(.+?)\}\}/g, (_, expression: string) => {
        const { tokens } = new Lexer(expression).lex();
        const parsed = new Parser(tokens, Object.keys(contexts), []).parse();
        const value = new Evaluator(parsed, scope).evaluate();
        if (value.kind === data.Kind.Null) throw new Error(`no value for \${{${expression}}} in ${key}`);
        return value.coerceString();
      }),
    ]),
  );
}
