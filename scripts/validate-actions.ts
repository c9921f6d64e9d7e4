// Checks action.yml, this repository's own actions (.github/actions/**/action.yml), its workflows
// and every example action and workflow against the published schemas with @action-validator/core.
// Its schema predates `runs.using: node24`, so for that one field the check runs on a copy that
// says node20; the real value is asserted here instead.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { validateAction, validateWorkflow } from '@action-validator/core';
import { parse as parseYaml } from 'yaml';
import { PROJECT_ROOT } from '../testing/runner.js';

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
for (const file of files) {
  const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
  const isAction = isActionFile(file);
  let checked = text;
  if (isAction && parseYaml(text).runs?.using === 'node24') {
    checked = text.replace(/^(\s+using:\s*)node24\s*$/m, '$1node20');
  }
  const result = isAction ? validateAction(checked) : validateWorkflow(checked);
  if (result.errors.length > 0) {
    failed++;
    console.error(`${file}: ${JSON.stringify(result.errors, null, 2)}`);
  }
}
if (parseYaml(readFileSync(join(PROJECT_ROOT, 'action.yml'), 'utf8')).runs?.using !== 'node24') {
  failed++;
  console.error('action.yml: runs.using must be node24');
}
if (failed > 0) process.exit(1);
console.log(`action-validator: ${files.length} action and workflow files valid (${files.join(', ')}).`);
