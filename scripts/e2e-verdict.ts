// The e2e workflow's verdict (.github/workflows/e2e.yml, job `verdict`). In the matrix entries with
// outcome `failure` the job fails by design (that is how the marker's post step sends
// result=failure), so a job's conclusion cannot tell "verified" from "the verifier failed". This
// reads the run's jobs from GitHub's API and checks, for every entry of the e2e matrix (read from
// the workflow file), that:
//   - the job exists and, for outcome `success`, concluded success;
//   - the stand-in deploy step concluded as the outcome says;
//   - the verifier's main and post steps, and the marker's main and post steps, concluded success
//     (the verifier's post step is the one that checks what the fake Last9 received).
//
//   gh api "repos/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID/attempts/$GITHUB_RUN_ATTEMPT/jobs" --paginate > jobs.json
//   tsx scripts/e2e-verdict.ts --jobs jobs.json [--workflow .github/workflows/e2e.yml]
//
// `gh api --paginate` prints one JSON document per page, back to back; `--slurp` (an array of
// pages) and a plain single page are read too.

import { appendFileSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const E2E_WORKFLOW = join(PROJECT_ROOT, '.github', 'workflows', 'e2e.yml');

/** The e2e job's id and `name:` in e2e.yml, and the names of the steps the verdict looks at. */
export const E2E_JOB_ID = 'e2e';
export const E2E_JOB_NAME = 'e2e (${{ matrix.os }}, ${{ matrix.outcome }})';
export const VERIFIER_STEP = 'Verify markers';
export const MARKER_STEP = 'Mark the deployment';
export const DEPLOY_STEP = 'Stand-in deploy';

/** What the runner names a job of the matrix entry, from E2E_JOB_NAME. */
export function e2eJobName(os: string, outcome: string): string {
  return `e2e (${os}, ${outcome})`;
}

export interface ApiStep {
  name: string;
  number: number;
  status?: string;
  conclusion: string | null;
}

export interface ApiJob {
  name: string;
  status?: string;
  conclusion: string | null;
  html_url?: string;
  steps?: ApiStep[];
}

export interface E2eMatrix {
  os: string[];
  outcome: string[];
}

/** The e2e job's matrix in the workflow file. */
export function e2eMatrix(workflowText: string): E2eMatrix {
  const matrix = parseYaml(workflowText)?.jobs?.[E2E_JOB_ID]?.strategy?.matrix;
  const list = (key: string): string[] => {
    const value: unknown = matrix?.[key];
    if (!Array.isArray(value) || value.length === 0 || !value.every((item) => typeof item === 'string')) {
      throw new Error(`jobs.${E2E_JOB_ID}.strategy.matrix.${key} must be a list of strings`);
    }
    return value;
  };
  const extra = Object.keys(matrix ?? {}).filter((key) => key !== 'os' && key !== 'outcome');
  if (extra.length > 0) throw new Error(`the verdict does not know the matrix keys ${extra.join(', ')} (only os × outcome)`);
  return { os: list('os'), outcome: list('outcome') };
}

/** Every JSON document in the text, back to back or separated by white space. */
export function parseJsonDocuments(text: string): unknown[] {
  const documents: unknown[] = [];
  let depth = 0;
  let begin = -1;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') {
      if (depth++ === 0) begin = index;
    } else if (char === '}' || char === ']') {
      if (--depth === 0) documents.push(JSON.parse(text.slice(begin, index + 1)));
      else if (depth < 0) throw new Error(`unbalanced ${char} at offset ${index}`);
    } else if (depth === 0 && !/\s/.test(char as string)) {
      throw new Error(`unexpected ${JSON.stringify(char)} between JSON documents at offset ${index}`);
    }
  }
  if (depth !== 0 || inString) throw new Error('the JSON ends in the middle of a document');
  return documents;
}

/** The jobs in the pages of GET .../actions/runs/{id}/attempts/{n}/jobs. */
export function jobsFromApi(text: string): ApiJob[] {
  const jobs: ApiJob[] = [];
  const take = (page: unknown): void => {
    if (Array.isArray(page)) page.forEach(take);
    else if (page && typeof page === 'object' && Array.isArray((page as { jobs?: unknown }).jobs)) jobs.push(...(page as { jobs: ApiJob[] }).jobs);
    else throw new Error('not a page of the jobs API (no jobs array)');
  };
  parseJsonDocuments(text).forEach(take);
  return jobs;
}

export interface EntryVerdict {
  job: string;
  os: string;
  outcome: string;
  conclusion: string;
  problems: string[];
}

/** Every entry of the matrix, checked; the verdict passes when no entry has a problem. Pure. */
export function e2eVerdict(jobs: readonly ApiJob[], matrix: E2eMatrix): EntryVerdict[] {
  const entries: EntryVerdict[] = [];
  for (const os of matrix.os) {
    for (const outcome of matrix.outcome) {
      const name = e2eJobName(os, outcome);
      const found = jobs.filter((job) => job.name === name);
      const job = found[0];
      const entry: EntryVerdict = { job: name, os, outcome, conclusion: job?.conclusion ?? '(none)', problems: [] };
      entries.push(entry);
      if (!job) {
        entry.problems.push('no such job in this run attempt');
        continue;
      }
      if (found.length > 1) entry.problems.push(`${found.length} jobs have this name`);
      if (job.status !== undefined && job.status !== 'completed') entry.problems.push(`the job is ${job.status}, not completed`);
      if (outcome === 'success' && job.conclusion !== 'success') entry.problems.push(`the job concluded ${job.conclusion ?? 'nothing'}, expected success`);
      const expectStep = (stepName: string, conclusion: string, why: string): void => {
        const steps = (job.steps ?? []).filter((step) => step.name === stepName);
        if (steps.length !== 1) entry.problems.push(`${steps.length} steps named "${stepName}", expected one (${why})`);
        else if (steps[0]?.conclusion !== conclusion) entry.problems.push(`step "${stepName}" concluded ${steps[0]?.conclusion ?? 'nothing'}, expected ${conclusion} (${why})`);
      };
      expectStep(VERIFIER_STEP, 'success', 'it starts the fake Last9');
      expectStep(MARKER_STEP, 'success', 'the marker never fails a deploy');
      expectStep(DEPLOY_STEP, outcome, `the matrix says ${outcome}`);
      expectStep(`Post ${MARKER_STEP}`, 'success', 'it sends the stop');
      expectStep(`Post ${VERIFIER_STEP}`, 'success', 'it checks what the fake Last9 received');
      const posts = [...(job.steps ?? [])].sort((a, b) => a.number - b.number).filter((step) => step.name === `Post ${MARKER_STEP}` || step.name === `Post ${VERIFIER_STEP}`);
      if (posts.length === 2 && posts[0]?.name !== `Post ${MARKER_STEP}`) entry.problems.push(`"Post ${VERIFIER_STEP}" ran before "Post ${MARKER_STEP}"`);
    }
  }
  const expected = new Set(entries.map((entry) => entry.job));
  for (const job of jobs) {
    if (job.name.startsWith(`${E2E_JOB_ID} (`) && !expected.has(job.name)) {
      entries.push({ job: job.name, os: '?', outcome: '?', conclusion: job.conclusion ?? '(none)', problems: ['a job of the e2e matrix this verdict does not expect'] });
    }
  }
  return entries;
}

export function verdictMarkdown(entries: readonly EntryVerdict[]): string {
  const failed = entries.filter((entry) => entry.problems.length > 0);
  const cell = (text: string): string => text.replace(/[&<>|`]/g, (char) => `&#${char.charCodeAt(0)};`);
  return [
    '### e2e verdict',
    '',
    failed.length === 0
      ? `✅ All ${entries.length} e2e jobs verified (the failure entries fail by design).`
      : `❌ ${failed.length} of ${entries.length} e2e jobs not verified.`,
    '',
    '| job | conclusion | verdict |',
    '| --- | --- | --- |',
    ...entries.map((entry) => `| ${cell(entry.job)} | ${cell(entry.conclusion)} | ${entry.problems.length === 0 ? '✅ verified' : `❌ ${entry.problems.map(cell).join('<br>')}`} |`),
    '',
  ].join('\n');
}

function commandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { jobs: { type: 'string' }, workflow: { type: 'string', default: E2E_WORKFLOW } } });
  if (!values.jobs) {
    console.error('usage: tsx scripts/e2e-verdict.ts --jobs jobs.json [--workflow .github/workflows/e2e.yml]');
    process.exit(2);
  }
  const entries = e2eVerdict(jobsFromApi(readFileSync(values.jobs, 'utf8')), e2eMatrix(readFileSync(values.workflow, 'utf8')));
  for (const entry of entries) {
    console.log(`${entry.problems.length === 0 ? 'verified' : 'NOT VERIFIED'}: ${entry.job} (concluded ${entry.conclusion})`);
    for (const problem of entry.problems) console.log(`::error::${commandData(`${entry.job}: ${problem}`)}`);
  }
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, verdictMarkdown(entries));
  if (entries.some((entry) => entry.problems.length > 0)) process.exitCode = 1;
}
