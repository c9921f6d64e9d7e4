// Checks action.yml, this repository's own actions (.github/actions/**/action.yml), its workflows
// and every example action and workflow with GitHub's own parser of them (@actions/workflow-parser,
// which GitHub's editor tooling uses): against the action and workflow schemas, expressions included.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/index';
import { PROJECT_ROOT } from './build.js';

/** The YAML files under dir, as paths from the project root with `/` on every OS. */
function yamlFiles(dir: string): string[] {
  if (!existsSync(join(PROJECT_ROOT, dir))) return [];
  return readdirSync(join(PROJECT_ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => relative(PROJECT_ROOT, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

const isActionFile = (file: string): boolean => /(^|\/)action\.ya?ml$/.test(file);
const files = ['action.yml', ...yamlFiles('.github/actions').filter(isActionFile), ...yamlFiles('.github/workflows'), ...yamlFiles('examples')];
let failed = 0;
for (const name of files) {
  const file = { name, content: readFileSync(join(PROJECT_ROOT, name), 'utf8') };
  const parsed = isActionFile(name) ? parseAction(file, new NoOperationTraceWriter()) : parseWorkflow(file, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors();
  if (errors.length > 0) {
    failed++;
    for (const error of errors) console.error(error.message);
  }
}
if (failed > 0) process.exit(1);
console.log(`${files.length} action and workflow files valid (${files.join(', ')}).`);
