// Every name the action shares with action.yml, the runner and its own later steps, in one place.
// __tests__/names.test.ts checks INPUT and OUTPUT against action.yml, so a rename cannot drift.

export const INPUT = {
  refreshToken: 'refresh_token',
  orgSlug: 'org_slug',
  env: 'env',
  service: 'service',
  serviceName: 'service_name',
  eventName: 'event_name',
  eventState: 'event_state',
  deploymentId: 'deployment_id',
  startedAt: 'started_at',
  dataSourceName: 'data_source_name',
  apiBaseUrl: 'api_base_url',
  version: 'version',
  customAttributes: 'custom_attributes',
  captureEnv: 'capture_env',
  captureInputs: 'capture_inputs',
  includeGithubAttributes: 'include_github_attributes',
  dryRun: 'dry_run',
  failOnError: 'fail_on_error',
  timeoutSeconds: 'timeout_seconds',
  maxRetryAttempts: 'max_retry_attempts',
  retryBackoffMs: 'retry_backoff_ms',
  maxRetryBackoffMs: 'max_retry_backoff_ms',
  githubToken: 'github_token',
  linkChanges: 'link_changes',
  githubEnvironment: 'github_environment',
  commitSha: 'commit_sha',
  repository: 'repository',
  result: 'result',
  jobStatus: 'job_status',
  jobCheckRunId: 'job_check_run_id',
  matrix: 'matrix',
} as const;

export type InputName = (typeof INPUT)[keyof typeof INPUT];

/** Ours first; `success`, `start_timestamp` and `stop_timestamp` are Last9's earlier action's names for the same values. */
export const OUTPUT = {
  deploymentId: 'deployment_id',
  startedAt: 'started_at',
  stoppedAt: 'stopped_at',
  durationMs: 'duration_ms',
  result: 'result',
  delivered: 'delivered',
  success: 'success',
  startTimestamp: 'start_timestamp',
  stopTimestamp: 'stop_timestamp',
  previousCommitSha: 'previous_commit_sha',
  compareUrl: 'compare_url',
  commitCount: 'commit_count',
  leadTimeS: 'lead_time_s',
  prNumber: 'pr_number',
  rollback: 'rollback',
  deploymentIds: 'deployment_ids',
} as const;

/** Keys of the runner's GITHUB_STATE file, which hands the main step's state to its own post step. */
export const STATE = {
  /** How many windows the main step opened; each is saved as `window_<index>`. */
  windows: 'windows',
  /** `always` (a window step) or `if-the-job-failed` (a start step). */
  postStop: 'post_stop',
  accessToken: 'access_token',
  startDelivered: 'start_delivered',
  warningsShown: 'warnings_shown',
} as const;

/** The GITHUB_STATE key of the main step's index-th window: one each, so that none grows large. */
export function windowStateName(index: number): string {
  return `window_${index}`;
}

/**
 * Prefixes of the GITHUB_ENV variables that hand windows on to later steps of the job: one record
 * per deployment id, and per service/env/event_name the ids of the windows still open.
 */
export const JOB_ENV_PREFIX = {
  deployment: 'LAST9_DEPLOYMENT_',
  openWindows: 'LAST9_OPEN_WINDOWS_',
} as const;

/** A failed step's exit code (`@actions/core`'s ExitCode.Failure; not every stand-in for core provides the enum). */
export const EXIT_FAILURE = 1;
