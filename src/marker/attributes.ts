// GitHub context + user input → the attribute set of a change event, in the schema the Buildkite
// and Jenkins plugins use (see README "Attributes"). Pure: the environment and the event payload
// come in as arguments.

import type { EventFacts } from './event-payload.js';
import { deployed, workflowRunUrl, type Env, type NamedRevision } from './github-context.js';
import { firstLine, withoutControlCharacters } from '../text/lines.js';
import { quoteList } from '../text/quote.js';

export type Attributes = Record<string, string>;

export const MAX_ATTRIBUTES = 64;
export const MAX_VALUE_LENGTH = 255;
export const MAX_COMMIT_MESSAGE_LENGTH = 200;
/**
 * Prometheus sets no limit on a label name, but every name travels in the step's hand-off
 * (GITHUB_ENV, GITHUB_STATE), which the runner passes to later steps as environment variables.
 */
export const MAX_LABEL_NAME_LENGTH = 128;
/**
 * The most an event's attributes may take as JSON (in UTF-16 units, as Windows counts a variable):
 * the start's attributes are handed on in one variable, which Windows caps at 32,767 characters
 * (Linux at 128 KiB), so they stay far below that.
 */
export const MAX_ATTRIBUTES_JSON_LENGTH = 12_000;

/** Keys with their own inputs: a user attribute never replaces them. */
export const RESERVED_KEYS: readonly string[] = [
  'deployment_id',
  'result',
  'duration_ms',
  'service_name',
  'deployment_environment',
  'service',
  'env',
];

export interface GithubAttributeOptions {
  jobCheckRunId?: string;
  matrix: Record<string, unknown>;
  /** The commit the workflow says it deploys, when not the event's own. */
  named?: NamedRevision;
}

/** The CI context: Buildkite-named attributes first, then the `github_`-prefixed ones and the matrix. */
export function githubAttributes(env: Env, event: EventFacts, options: GithubAttributeOptions): Attributes {
  const revision = deployed({ env, event }, options.named);
  const runAttempt = Number(env.GITHUB_RUN_ATTEMPT);
  const repositoryName = env.GITHUB_REPOSITORY?.split('/')[1];
  const runUrl = workflowRunUrl(env);
  const jobId = options.jobCheckRunId;

  const attributes: Record<string, string | undefined> = {
    pipeline_slug: pipelineSlug(repositoryName, env.GITHUB_WORKFLOW_REF),
    pipeline_name: env.GITHUB_WORKFLOW,
    build_id: env.GITHUB_RUN_ID,
    build_number: env.GITHUB_RUN_NUMBER,
    build_url: runUrl && /^\d+$/.test(env.GITHUB_RUN_ATTEMPT ?? '') ? `${runUrl}/attempts/${env.GITHUB_RUN_ATTEMPT}` : runUrl,
    commit_sha: revision.commitSha,
    branch: revision.branch,
    tag: revision.tag,
    commit_message: firstLine(revision.commitMessage, MAX_COMMIT_MESSAGE_LENGTH),
    actor: env.GITHUB_TRIGGERING_ACTOR || env.GITHUB_ACTOR,
    step_key: env.GITHUB_JOB,
    step_label: env.GITHUB_ACTION && !env.GITHUB_ACTION.startsWith('__') ? env.GITHUB_ACTION : undefined,
    job_id: jobId,
    source: env.GITHUB_EVENT_NAME,
    retry_count: Number.isInteger(runAttempt) && runAttempt >= 1 ? String(runAttempt - 1) : undefined,
    triggered_from_build_id: env.GITHUB_EVENT_NAME === 'workflow_run' ? event.workflowRun?.id : undefined,
    rebuilt_from_build_id: runAttempt > 1 ? env.GITHUB_RUN_ID : undefined,
    github_repository: env.GITHUB_REPOSITORY,
    github_workflow_ref: env.GITHUB_WORKFLOW_REF,
    github_ref: env.GITHUB_REF,
    github_run_attempt: env.GITHUB_RUN_ATTEMPT,
    github_pr_number: revision.pullRequestNumber,
    github_job_url: runUrl && jobId && /^\d+$/.test(jobId) ? `${runUrl}/job/${jobId}` : undefined,
    runner_os: env.RUNNER_OS,
    runner_environment: env.RUNNER_ENVIRONMENT,
  };
  for (const [key, value] of Object.entries(options.matrix)) {
    const label = sanitizeLabelName(`matrix_${key}`);
    if (label && label.length <= MAX_LABEL_NAME_LENGTH && ['string', 'number', 'boolean'].includes(typeof value)) attributes[label] = String(value);
  }
  return withoutEmpty(attributes);
}

/**
 * The environment variables and workflow_dispatch inputs the user listed, as `env_<name>` and
 * `build_param_<name>` (the Jenkins plugin's "Additional Environment Variables" and "Additional
 * Build Parameters"). Only listed names are read; unset or empty ones are left out.
 */
export function capturedAttributes(env: Env, inputs: EventFacts['inputs'], envNames: readonly string[], inputNames: readonly string[]): Attributes {
  const captured: Record<string, string | undefined> = {};
  for (const name of envNames) captured[`env_${name.toLowerCase()}`] = env[name];
  for (const name of inputNames) captured[`build_param_${name.toLowerCase()}`] = Object.hasOwn(inputs, name) ? inputs[name] : undefined;
  return withoutEmpty(captured);
}

export interface CorrelationValues {
  service: string;
  env: string;
  deploymentId: string;
  version?: string;
}

/** The attributes that identify the window; a stop carries them too, plus result and duration_ms. */
export function correlationAttributes(values: CorrelationValues): Attributes {
  return withoutEmpty({
    service_name: values.service,
    deployment_environment: values.env,
    service: values.service,
    env: values.env,
    deployment_id: values.deploymentId,
    version: values.version,
  });
}

/**
 * A valid Prometheus label name for a user-given key: characters outside [a-zA-Z0-9_] become `_`,
 * a leading digit gets a `_` prefix. Undefined for keys Prometheus reserves (`__` prefix) or empty
 * ones. Its length is not bounded here: see MAX_LABEL_NAME_LENGTH.
 */
export function sanitizeLabelName(key: string): string | undefined {
  let label = key.trim().replace(/[^a-zA-Z0-9_]/gu, '_');
  if (/^[0-9]/.test(label)) label = `_${label}`;
  if (label === '' || label.startsWith('__')) return undefined;
  return label;
}

export interface ComposeInput {
  github: Attributes;
  user: Attributes;
  correlation: Attributes;
}

export interface ComposedAttributes {
  attributes: Attributes;
  warnings: string[];
}

/**
 * Layers the three sources (CI context < user < correlation), makes every key a label name and
 * every value a bounded single-line string, and keeps the event within MAX_ATTRIBUTES.
 */
export function composeAttributes({ github, user, correlation }: ComposeInput, limit = MAX_ATTRIBUTES): ComposedAttributes {
  const warnings: string[] = [];
  const userLabels: Attributes = {};
  const refused: string[] = [];
  const tooLong: string[] = [];
  const reserved: string[] = [];
  for (const [key, value] of Object.entries(user)) {
    const label = sanitizeLabelName(key);
    if (label === undefined) refused.push(key);
    else if (label.length > MAX_LABEL_NAME_LENGTH) tooLong.push(key);
    else if (RESERVED_KEYS.includes(label)) reserved.push(key);
    else if (value !== '') userLabels[label] = value;
  }
  if (refused.length > 0) warnings.push(`custom attribute keys ${quoteList(refused)} were dropped: keys starting with "__" are reserved by Prometheus`);
  if (tooLong.length > 0) warnings.push(`custom attribute keys ${quoteList(tooLong)} were dropped: a label name is at most ${MAX_LABEL_NAME_LENGTH} characters`);
  if (reserved.length > 0) warnings.push(`custom attribute keys ${quoteList(reserved)} were dropped: they are set from the service and env inputs and the window itself`);

  // Correlation attributes are never dropped; then the CI context (matrix keys last); user keys
  // fill whatever room is left.
  const correlationKeys = new Set(Object.keys(correlation));
  const shadowed = Object.keys(userLabels).filter((key) => correlationKeys.has(key));
  if (shadowed.length > 0) warnings.push(`custom attribute keys ${quoteList(shadowed)} were dropped: the version input (or the tag) sets them`);
  const githubKeys = Object.keys(github).filter((key) => !correlationKeys.has(key));
  const keptGithub = new Set(githubKeys.slice(0, Math.max(0, limit - correlationKeys.size)));
  const userKeys = Object.keys(userLabels).filter((key) => !correlationKeys.has(key) && !keptGithub.has(key));
  const keptUser = new Set(userKeys.slice(0, Math.max(0, limit - correlationKeys.size - keptGithub.size)));
  const dropped = [...githubKeys, ...userKeys].filter((key) => !keptGithub.has(key) && !keptUser.has(key));
  if (dropped.length > 0) warnings.push(`an event carries at most ${MAX_ATTRIBUTES} attributes; dropped ${quoteList(dropped)}`);
  const merged: Attributes = {};
  for (const key of keptGithub) merged[key] = userLabels[key] ?? (github[key] as string);
  for (const key of keptUser) merged[key] = userLabels[key] as string;
  Object.assign(merged, correlation);

  const cut: string[] = [];
  const attributes: Attributes = {};
  for (const [key, value] of Object.entries(merged)) {
    const bounded = boundValue(value);
    if (bounded.length < value.length) cut.push(key);
    attributes[key] = bounded;
  }
  if (cut.length > 0) warnings.push(`attribute values longer than ${MAX_VALUE_LENGTH} characters were cut: ${quoteList(cut)}`);

  // Past the size budget, user keys go first (the newest last), then the CI context's; the
  // correlation attributes alone are far within it.
  const overBudget: string[] = [];
  for (const key of [...keptGithub, ...keptUser].reverse()) {
    if (JSON.stringify(attributes).length <= MAX_ATTRIBUTES_JSON_LENGTH) break;
    delete attributes[key];
    overBudget.unshift(key);
  }
  if (overBudget.length > 0) {
    warnings.push(`an event's attributes take at most ${MAX_ATTRIBUTES_JSON_LENGTH} characters as JSON; dropped ${quoteList(overBudget)}`);
  }
  return { attributes, warnings };
}

/** Control characters and newlines become spaces; at most MAX_VALUE_LENGTH characters (not UTF-16 units). */
export function boundValue(value: string): string {
  const singleLine = withoutControlCharacters(value);
  const characters = [...singleLine];
  return characters.length > MAX_VALUE_LENGTH ? characters.slice(0, MAX_VALUE_LENGTH).join('') : singleLine;
}

function pipelineSlug(repositoryName: string | undefined, workflowRef: string | undefined): string | undefined {
  // GITHUB_WORKFLOW_REF: owner/repo/.github/workflows/deploy.yml@refs/heads/main
  const file = workflowRef?.split('@')[0]?.split('/').pop();
  if (!repositoryName || !file) return undefined;
  return `${repositoryName}/${file.replace(/\.ya?ml$/, '')}`;
}

/** Only the attributes whose value is known: an unknown value is left out, never sent empty. */
export function withoutEmpty(attributes: Record<string, string | undefined>): Attributes {
  return Object.fromEntries(Object.entries(attributes).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}

