// The e2e workflow's parts, tested here: the verifier action (.github/actions/verify-markers,
// logic in testing/verify-markers.ts) and the verdict over the run's jobs (scripts/e2e-verdict.ts).
// - verifyWindow: every check on a window's events, as pure cases;
// - the verifier against the fake: the background fake started as the action's main step starts
//   it, the built action run through a window by the runner emulator, then the post step's check;
//   and the action's own main.mjs/post.mjs entries as the runner runs them;
// - the verdict: the jobs API's JSON as gh prints it, each way an e2e job can go wrong, and the
//   workflow file agreeing with the names the verdict looks for.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test, type TestContext } from 'node:test';
import { parse as parseYaml } from 'yaml';
import {
  DEPLOY_STEP,
  E2E_JOB_NAME,
  E2E_WORKFLOW,
  MARKER_STEP,
  VERIFIER_STEP,
  e2eJobName,
  e2eMatrix,
  e2eVerdict,
  jobsFromApi,
  parseJsonDocuments,
  type ApiJob,
  type E2eMatrix,
} from '../../scripts/e2e-verdict.js';
import { DEFAULT_ORG, DEFAULT_REFRESH_TOKEN, type ReceivedEvent } from '../../testing/fake-last9.js';
import { EmulatedJob, findNode, inputEnvironment, parseAnnotations, parseFileCommands, PROJECT_ROOT, type ActionInput } from '../../testing/runner.js';
import {
  isRunning,
  readExpectations,
  startBackgroundFake,
  stopBackgroundFake,
  verifyRecord,
  verifyWindow,
  type BackgroundFake,
  type Expectations,
} from '../../testing/verify-markers.js';

const ACTION_DIR = join(PROJECT_ROOT, '.github', 'actions', 'verify-markers');
const E2E_ENV = 'e2e';
const E2E_SERVICE = 'deployment-marker-e2e';

// ── verifyWindow ────────────────────────────────────────────────────────────────────────────────

const START_AT = '2025-06-02T10:00:00.000Z';
const startLabels = {
  service_name: E2E_SERVICE,
  deployment_environment: E2E_ENV,
  deployment_id: '0f8c6a2e-5b1d-4c3e-9a7f-2d4e6b8a0c1e',
  commit_sha: '3f2a9c1d4b5e6f708192a3b4c5d6e7f809a1b2c3',
  github_repository: 'last9/deployment-marker',
  github_run_id: '9876543210',
};

function event(state: 'start' | 'stop', timestamp: string, attributes: Record<string, string>, receivedAtMs: number): ReceivedEvent {
  return { org: DEFAULT_ORG, event_name: 'deployment', event_state: state, timestamp, attributes, receivedAtMs };
}

/** A window as the action sends it: the stop repeats the start's labels plus result and duration_ms. */
function window(durationMs = 2500, result = 'success'): [ReceivedEvent, ReceivedEvent] {
  const stopAt = new Date(Date.parse(START_AT) + durationMs).toISOString();
  return [
    event('start', START_AT, { ...startLabels }, 1),
    event('stop', stopAt, { ...startLabels, result, duration_ms: String(durationMs) }, 2),
  ];
}

const expect: Expectations = { result: 'success', minDurationMs: 2000, env: E2E_ENV, service: E2E_SERVICE };

function problemsOf(events: ReceivedEvent[], expectations: Expectations = expect): string {
  const problems = verifyWindow(events, expectations);
  assert.ok(problems.length > 0, 'expected at least one problem');
  return problems.join('\n');
}

describe('verifyWindow', () => {
  test('a start and its stop, with the expected result and a plausible duration, pass', () => {
    assert.deepEqual(verifyWindow(window(), expect), []);
    assert.deepEqual(verifyWindow(window(3100, 'failure'), { ...expect, result: 'failure' }), []);
  });

  test('a missing stop, a second stop, or no events at all are each a problem', () => {
    const [start, stop] = window();
    assert.match(problemsOf([start]), /exactly one start and one stop, got 1 start and 0 stop/);
    assert.match(problemsOf([start, stop, { ...stop, receivedAtMs: 3 }]), /got 1 start and 2 stop/);
    assert.match(problemsOf([start, { ...start }, stop]), /got 2 start and 1 stop/);
    assert.match(problemsOf([]), /got 0 start and 0 stop/);
  });

  test('a stop of another deployment_id, or a start without one, is a problem', () => {
    const [start, stop] = window();
    assert.match(problemsOf([start, { ...stop, attributes: { ...stop.attributes, deployment_id: 'another-window' } }]), /the stop's deployment_id "another-window" is not the start's/);
    const { deployment_id: _id, ...withoutId } = start.attributes;
    assert.match(problemsOf([{ ...start, attributes: withoutId }, stop]), /the start has no deployment_id/);
  });

  test('a wrong or missing result is a problem', () => {
    assert.match(problemsOf(window(2500, 'failure')), /the stop's result is "failure", expected "success"/);
    const [start, stop] = window();
    const { result: _result, ...withoutResult } = stop.attributes;
    assert.match(problemsOf([start, { ...stop, attributes: withoutResult }]), /the stop's result is \(none\), expected "success"/);
  });

  test('an implausible duration_ms is a problem: too short, 10 minutes or more, not the timestamps\' gap, not a number', () => {
    assert.match(problemsOf(window(1999)), /duration_ms 1999 is less than the least plausible 2000/);
    assert.match(problemsOf(window(600_000)), /duration_ms 600000 is not below 600000/);
    const [start, stop] = window(2500);
    assert.match(problemsOf([start, { ...stop, attributes: { ...stop.attributes, duration_ms: '2600' } }]), /duration_ms 2600 is not the 2500 ms between/);
    assert.deepEqual(verifyWindow([start, { ...stop, attributes: { ...stop.attributes, duration_ms: '2504' } }], expect), [], 'a few ms of rounding are tolerated');
    assert.match(problemsOf([start, { ...stop, attributes: { ...stop.attributes, duration_ms: '2.5s' } }]), /duration_ms "2.5s" is not a whole number/);
    assert.match(problemsOf([start, { ...stop, timestamp: 'yesterday' }]), /timestamps .* are not both ISO 8601/);
  });

  test('a stop that does not repeat the start\'s labels, or adds others, is a problem', () => {
    const [start, stop] = window();
    assert.match(problemsOf([start, { ...stop, attributes: { ...stop.attributes, commit_sha: 'ffff' } }]), /does not repeat the start's labels commit_sha/);
    const { github_run_id: _run, ...fewer } = stop.attributes;
    assert.match(problemsOf([start, { ...stop, attributes: fewer }]), /does not repeat the start's labels github_run_id/);
    assert.match(problemsOf([start, { ...stop, attributes: { ...stop.attributes, surprise: 'x' } }]), /labels the start has not: surprise/);
    assert.match(problemsOf([{ ...start, attributes: { ...start.attributes, result: 'success' } }, stop]), /the start carries result/);
  });

  test('the stop before the start, another event_name, env or service is a problem', () => {
    const [start, stop] = window();
    assert.match(problemsOf([stop, start]), /the stop arrived before the start/);
    assert.match(problemsOf([start, { ...stop, event_name: 'rollback' }]), /event_name "rollback" is not the start's "deployment"/);
    assert.match(problemsOf([start, stop], { ...expect, env: 'production' }), /deployment_environment is "e2e", expected "production"/);
    assert.match(problemsOf([start, stop], { ...expect, service: 'payments-api' }), /service_name is "deployment-marker-e2e", expected "payments-api"/);
  });

  test('the action\'s inputs become expectations; a wrong expect_result or duration is refused', () => {
    const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? '';
    assert.deepEqual(readExpectations(inputs({ expect_result: 'failure', min_duration_ms: '2000', expect_env: 'e2e' })), {
      result: 'failure',
      minDurationMs: 2000,
      maxDurationMs: 600_000,
      env: 'e2e',
    });
    assert.throws(() => readExpectations(inputs({ expect_result: 'failed' })), /expect_result must be one of success, failure, cancelled/);
    assert.throws(() => readExpectations(inputs({ expect_result: 'success', min_duration_ms: '2s' })), /min_duration_ms must be a whole number/);
  });
});

// ── the verifier against the fake ───────────────────────────────────────────────────────────────

/** How long the stand-in deploy takes here, and so the least duration_ms the checks expect. */
const DEPLOY_MS = 150;

function tempDir(t: TestContext, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The background fake as the action's main step starts it, stopped after the test whatever happens. */
async function backgroundFake(t: TestContext): Promise<BackgroundFake> {
  const fake = await startBackgroundFake(tempDir(t, 'verify-markers-'));
  t.after(() => stopBackgroundFake(fake.pid));
  return fake;
}

/** A window of the built action, as e2e.yml runs it: main step, the deploy, post step at the job's status. */
async function markerWindow(t: TestContext, connection: { url: string; refresh_token: string; org_slug: string }, status: 'success' | 'failure'): Promise<void> {
  const job = new EmulatedJob({ spawn: {} });
  t.after(() => job.dispose());
  const inputs = { refresh_token: connection.refresh_token, org_slug: connection.org_slug, api_base_url: connection.url, env: E2E_ENV, service: E2E_SERVICE };
  const main = await job.runMain({ inputs });
  assert.equal(main.exitCode, 0, main.stdout + main.stderr);
  assert.equal(main.outputs.delivered, 'true', main.stdout);
  await sleep(DEPLOY_MS);
  const post = await job.runPost({ inputs, job: { status } });
  assert.equal(post.exitCode, 0, post.stdout + post.stderr);
  assert.equal(post.outputs.result, status);
}

async function assertStopped(fake: BackgroundFake): Promise<void> {
  assert.equal(await stopBackgroundFake(fake.pid), true);
  assert.equal(isRunning(fake.pid), false, `the background fake (pid ${fake.pid}) is still running`);
  // On Linux and macOS SIGTERM stops it gracefully, and it says so last; Windows ends it at once.
  if (process.platform !== 'win32') assert.equal(verifyRecord(fake.recordFile, { result: 'success', minDurationMs: 0 }).stopped, true);
}

describe('the verifier against the background fake', { concurrency: true }, () => {
  for (const [status, wrong] of [['success', 'failure'], ['failure', 'success']] as const) {
    test(`a ${status} job: the check passes expecting result=${status} and fails expecting ${wrong}; the fake is stopped after`, { timeout: 60_000 }, async (t) => {
      const fake = await backgroundFake(t);
      assert.match(fake.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(isRunning(fake.pid), true);
      await markerWindow(t, { url: fake.url, refresh_token: DEFAULT_REFRESH_TOKEN, org_slug: DEFAULT_ORG }, status);

      const expectations = { result: status, minDurationMs: DEPLOY_MS, env: E2E_ENV, service: E2E_SERVICE };
      const verdict = verifyRecord(fake.recordFile, expectations);
      assert.deepEqual(verdict.problems, []);
      assert.deepEqual(verdict.events.map((event) => event.event_state), ['start', 'stop']);
      assert.equal(verdict.events[1]?.attributes.result, status);
      assert.deepEqual(verifyRecord(fake.recordFile, { ...expectations, result: wrong }).problems, [`the stop's result is "${status}", expected "${wrong}"`]);
      assert.match(verifyRecord(fake.recordFile, { ...expectations, minDurationMs: 60_000 }).problems.join('\n'), /is less than the least plausible 60000/);

      await assertStopped(fake);
    });
  }

  test('a refused request is a problem even when the window is whole', { timeout: 30_000 }, async (t) => {
    const fake = await backgroundFake(t);
    const refused = await fetch(`${fake.url}/api/v4/oauth/access_token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"refresh_token":"wrong"}' });
    assert.equal(refused.status, 401);
    await markerWindow(t, { url: fake.url, refresh_token: DEFAULT_REFRESH_TOKEN, org_slug: DEFAULT_ORG }, 'success');
    await assertStopped(fake); // the refused line is written after the answer: stop first, then read
    assert.deepEqual(verifyRecord(fake.recordFile, { result: 'success', minDurationMs: DEPLOY_MS }).problems, [
      'the fake Last9 refused 1 request(s): POST /api/v4/oauth/access_token → 401',
    ]);
  });

  for (const [status, expected, passes] of [['failure', 'failure', true], ['success', 'failure', false]] as const) {
    test(`the action's main.mjs and post.mjs as the runner runs them: a ${status} job expecting ${expected} ${passes ? 'passes' : 'fails the post step'}`, { timeout: 60_000 }, async (t) => {
      const runnerTemp = tempDir(t, 'verify-markers-runner-');
      const inputs = { expect_result: expected, min_duration_ms: String(DEPLOY_MS), expect_env: E2E_ENV, expect_service: E2E_SERVICE };
      const main = await runEntry('main.mjs', runnerTemp, inputs, {});
      const pid = Number(main.state.fake_pid);
      t.after(() => (pid > 0 ? stopBackgroundFake(pid) : undefined));
      assert.equal(main.exitCode, 0, main.stdout + main.stderr);
      assert.deepEqual(Object.keys(main.outputs).sort(), ['org_slug', 'refresh_token', 'url']);
      assert.equal(isRunning(pid), true, 'the fake must outlive the main step');
      assert.ok(main.state.fake_record?.startsWith(runnerTemp), 'the record is under RUNNER_TEMP');

      await markerWindow(t, main.outputs as { url: string; refresh_token: string; org_slug: string }, status);

      const post = await runEntry('post.mjs', runnerTemp, inputs, main.state);
      assert.equal(isRunning(pid), false, 'the post step stops the fake');
      if (passes) {
        assert.equal(post.exitCode, 0, post.stdout + post.stderr);
        assert.match(post.stdout, /verify-markers: verified: one window/);
        assert.match(post.summary, /✅ Verified: one start and one stop/);
        assert.deepEqual(parseAnnotations(post.stdout), []);
      } else {
        assert.equal(post.exitCode, 1, post.stdout + post.stderr);
        assert.deepEqual(parseAnnotations(post.stdout), [
          { level: 'error', message: `verify-markers: the stop's result is "${status}", expected "${expected}"` },
          { level: 'error', message: 'verify-markers: 1 problem(s) with the markers Last9 received' },
        ]);
        assert.match(post.summary, /❌ 1 problem\(s\)/);
      }
      // The summary lists both events and the window's deployment_id.
      const recorded = verifyRecord(main.state.fake_record as string, { result: status, minDurationMs: 0 });
      assert.equal(recorded.events.length, 2);
      assert.ok(post.summary.includes(recorded.events[0]?.attributes.deployment_id as string));
    });
  }
});

interface EntryResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
}

/** One of the verifier action's entries, as the runner runs a node24 action: inputs, state and files. */
async function runEntry(entry: string, runnerTemp: string, inputs: Record<string, string>, state: Record<string, string>): Promise<EntryResult> {
  const declared = (parseYaml(readFileSync(join(ACTION_DIR, 'action.yml'), 'utf8')) as { inputs: Record<string, ActionInput> }).inputs;
  const dir = mkdtempSync(join(runnerTemp, `${entry}-`));
  const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STATE: join(dir, 'state'), GITHUB_STEP_SUMMARY: join(dir, 'summary') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const env = {
    PATH: process.env.PATH ?? '',
    ...(process.env.SystemRoot ? { SystemRoot: process.env.SystemRoot } : {}),
    HOME: process.env.HOME ?? runnerTemp,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: PROJECT_ROOT,
    RUNNER_TEMP: runnerTemp,
    ...files,
    ...inputEnvironment(declared, inputs, { status: 'success' }),
    ...Object.fromEntries(Object.entries(state).map(([name, value]) => [`STATE_${name}`, value])),
  };
  const child = spawn(findNode().path, [join(ACTION_DIR, entry)], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let [stdout, stderr] = ['', ''];
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    state: parseFileCommands(readFileSync(files.GITHUB_STATE, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
  };
}

// ── the verdict over the run's jobs ─────────────────────────────────────────────────────────────

const MATRIX: E2eMatrix = { os: ['ubuntu-latest', 'windows-latest', 'macos-latest'], outcome: ['success', 'failure'] };

/** A job as GET /repos/{owner}/{repo}/actions/runs/{id}/attempts/{n}/jobs returns it. */
function apiJob(os: string, outcome: string, change: { conclusion?: string; steps?: Record<string, string> } = {}): ApiJob & Record<string, unknown> {
  const stepNames = [
    'Set up job',
    'Run actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1',
    'Run actions/setup-node@820762786026740c76f36085b0efc47a31fe5020',
    'Run npm ci',
    VERIFIER_STEP,
    MARKER_STEP,
    DEPLOY_STEP,
    `Post ${MARKER_STEP}`,
    `Post ${VERIFIER_STEP}`,
    'Post Run actions/setup-node@820762786026740c76f36085b0efc47a31fe5020',
    'Post Run actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1',
    'Complete job',
  ];
  const steps = stepNames.map((name, index) => ({
    name,
    status: 'completed',
    conclusion: change.steps?.[name] ?? (name === DEPLOY_STEP ? outcome : 'success'),
    number: index + 1,
    started_at: `2025-06-02T10:00:${String(index * 3).padStart(2, '0')}Z`,
    completed_at: `2025-06-02T10:00:${String(index * 3 + 2).padStart(2, '0')}Z`,
  }));
  const id = 40_000_000_000 + MATRIX.os.indexOf(os) * 2 + MATRIX.outcome.indexOf(outcome);
  return {
    id,
    run_id: 15_000_000_000,
    workflow_name: 'E2E',
    head_branch: 'main',
    run_url: 'https://api.github.com/repos/last9/deployment-marker/actions/runs/15000000000',
    run_attempt: 1,
    node_id: 'CR_kwDOexample',
    head_sha: '3f2a9c1d4b5e6f708192a3b4c5d6e7f809a1b2c3',
    url: `https://api.github.com/repos/last9/deployment-marker/actions/jobs/${id}`,
    html_url: `https://github.com/last9/deployment-marker/actions/runs/15000000000/job/${id}`,
    status: 'completed',
    conclusion: change.conclusion ?? outcome,
    created_at: '2025-06-02T09:59:50Z',
    started_at: '2025-06-02T10:00:00Z',
    completed_at: '2025-06-02T10:00:40Z',
    name: e2eJobName(os, outcome),
    steps,
    check_run_url: `https://api.github.com/repos/last9/deployment-marker/check-runs/${id}`,
    labels: [os],
    runner_id: 1000 + id,
    runner_name: 'GitHub Actions 1000',
    runner_group_id: 0,
    runner_group_name: 'GitHub Actions',
  };
}

function allJobs(changes: Record<string, Parameters<typeof apiJob>[2]> = {}): Array<ReturnType<typeof apiJob>> {
  const jobs = MATRIX.os.flatMap((os) => MATRIX.outcome.map((outcome) => apiJob(os, outcome, changes[e2eJobName(os, outcome)])));
  const verdict = { ...apiJob('ubuntu-latest', 'success'), name: 'e2e verdict', status: 'in_progress', conclusion: null, steps: [] };
  return [...jobs, verdict];
}

/** The pages as `gh api --paginate` prints them: one JSON document per page, back to back. */
function ghPages(jobs: unknown[], perPage: number): string {
  const pages: string[] = [];
  for (let index = 0; index < jobs.length; index += perPage) {
    pages.push(JSON.stringify({ total_count: jobs.length, jobs: jobs.slice(index, index + perPage) }, null, 2));
  }
  return pages.join('');
}

function problemsByJob(jobs: ApiJob[]): Record<string, string[]> {
  return Object.fromEntries(e2eVerdict(jobs, MATRIX).filter((entry) => entry.problems.length > 0).map((entry) => [entry.job, entry.problems]));
}

describe('e2e verdict', () => {
  test('the jobs API pages as gh prints them (back to back, or --slurp) are read whole', () => {
    const jobs = allJobs();
    assert.deepEqual(jobsFromApi(ghPages(jobs, 3)).map((job) => job.name), jobs.map((job) => job.name));
    assert.equal(jobsFromApi(`[${ghPages(jobs, 4).replace('}{', '},{')}]`).length, 7);
    assert.deepEqual(parseJsonDocuments('{"name": "echo \\"}{\\" ]"} [1]\n'), [{ name: 'echo "}{" ]' }, [1]]);
    assert.throws(() => jobsFromApi('{"message": "Not Found"}'), /not a page of the jobs API/);
    assert.throws(() => parseJsonDocuments('{"jobs": ['), /ends in the middle/);
  });

  test('every entry verified: success entries succeeded, failure entries failed only at the deploy', () => {
    const entries = e2eVerdict(jobsFromApi(ghPages(allJobs(), 100)), MATRIX);
    assert.equal(entries.length, 6);
    assert.deepEqual(entries.flatMap((entry) => entry.problems), []);
    assert.deepEqual(entries.filter((entry) => entry.outcome === 'failure').map((entry) => entry.conclusion), ['failure', 'failure', 'failure']);
  });

  test('a failure entry whose verifier post step failed is not verified, though the job failed as planned', () => {
    const name = e2eJobName('windows-latest', 'failure');
    assert.deepEqual(problemsByJob(allJobs({ [name]: { steps: { [`Post ${VERIFIER_STEP}`]: 'failure' } } })), {
      [name]: [`step "Post ${VERIFIER_STEP}" concluded failure, expected success (it checks what the fake Last9 received)`],
    });
  });

  test('a failure entry whose deploy step succeeded, or whose marker failed, is not verified', () => {
    const name = e2eJobName('macos-latest', 'failure');
    assert.deepEqual(problemsByJob(allJobs({ [name]: { steps: { [DEPLOY_STEP]: 'success', [`Post ${MARKER_STEP}`]: 'failure' } } })), {
      [name]: [`step "${DEPLOY_STEP}" concluded success, expected failure (the matrix says failure)`, `step "Post ${MARKER_STEP}" concluded failure, expected success (it sends the stop)`],
    });
  });

  test('a success entry that concluded failure, or whose verifier never ran its post step, is not verified', () => {
    const failed = e2eJobName('ubuntu-latest', 'success');
    const skipped = e2eJobName('macos-latest', 'success');
    const problems = problemsByJob(
      allJobs({
        [failed]: { conclusion: 'failure', steps: { [`Post ${VERIFIER_STEP}`]: 'failure' } },
        [skipped]: { conclusion: 'cancelled', steps: { [`Post ${VERIFIER_STEP}`]: 'skipped' } },
      }),
    );
    assert.deepEqual(Object.keys(problems).sort(), [skipped, failed].sort());
    assert.match(problems[failed]?.join('\n') ?? '', /the job concluded failure, expected success/);
    assert.match(problems[skipped]?.join('\n') ?? '', /concluded skipped, expected success/);
  });

  test('a missing entry, an unexpected one, or the posts in the wrong order are not verified', () => {
    const jobs = allJobs().filter((job) => job.name !== e2eJobName('windows-latest', 'success'));
    jobs.push({ ...apiJob('ubuntu-24.04-arm', 'success'), name: e2eJobName('ubuntu-24.04-arm', 'success') });
    const swapped = apiJob('ubuntu-latest', 'failure');
    const [markerPost, verifierPost] = [swapped.steps?.find((step) => step.name === `Post ${MARKER_STEP}`), swapped.steps?.find((step) => step.name === `Post ${VERIFIER_STEP}`)];
    assert.ok(markerPost && verifierPost);
    [markerPost.number, verifierPost.number] = [verifierPost.number, markerPost.number];
    const problems = problemsByJob([...jobs.filter((job) => job.name !== swapped.name), swapped]);
    assert.deepEqual(problems, {
      [e2eJobName('windows-latest', 'success')]: ['no such job in this run attempt'],
      [e2eJobName('ubuntu-24.04-arm', 'success')]: ['a job of the e2e matrix this verdict does not expect'],
      [swapped.name]: [`"Post ${VERIFIER_STEP}" ran before "Post ${MARKER_STEP}"`],
    });
  });

  test('the script run as the verdict job runs it: exit 0 and a summary when verified, exit 1 with an error per problem when not', { timeout: 30_000 }, async (t) => {
    const dir = tempDir(t, 'e2e-verdict-');
    const run = async (name: string, jobs: unknown[]): Promise<{ exitCode: number | null; stdout: string; summary: string }> => {
      const [jobsFile, summaryFile] = [join(dir, `${name}-jobs.json`), join(dir, `${name}-summary`)];
      writeFileSync(jobsFile, ghPages(jobs, 4));
      writeFileSync(summaryFile, '');
      const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'scripts', 'e2e-verdict.ts'), '--jobs', jobsFile], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, GITHUB_STEP_SUMMARY: summaryFile },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
      return { exitCode, stdout, summary: readFileSync(summaryFile, 'utf8') };
    };
    const [good, bad] = await Promise.all([
      run('good', allJobs()),
      run('bad', allJobs({ [e2eJobName('windows-latest', 'failure')]: { steps: { [`Post ${VERIFIER_STEP}`]: 'failure' } } })),
    ]);
    assert.equal(good.exitCode, 0, good.stdout);
    assert.match(good.summary, /✅ All 6 e2e jobs verified/);
    assert.equal(bad.exitCode, 1, bad.stdout);
    assert.deepEqual(parseAnnotations(bad.stdout).map((annotation) => annotation.message), [
      `e2e (windows-latest, failure): step "Post ${VERIFIER_STEP}" concluded failure, expected success (it checks what the fake Last9 received)`,
    ]);
    assert.match(bad.summary, /❌ 1 of 6 e2e jobs not verified/);
  });

  test('e2e.yml names its job and steps as the verdict looks for them, verifier first, and its matrix is os × outcome', () => {
    const workflow = parseYaml(readFileSync(E2E_WORKFLOW, 'utf8'));
    const e2e = workflow.jobs.e2e;
    assert.equal(e2e.name, E2E_JOB_NAME);
    assert.deepEqual(e2eMatrix(readFileSync(E2E_WORKFLOW, 'utf8')), MATRIX);
    assert.equal(e2e.strategy['fail-fast'], false);
    const names: string[] = e2e.steps.map((step: { name?: string }) => step.name);
    const [verifier, marker, deploy] = [VERIFIER_STEP, MARKER_STEP, DEPLOY_STEP].map((name) => e2e.steps[names.indexOf(name)]);
    assert.equal(verifier.uses, './.github/actions/verify-markers');
    assert.equal(verifier.with.expect_result, '${{ matrix.outcome }}');
    assert.equal(marker.uses, './');
    assert.equal(marker.with.api_base_url, `\${{ steps.${verifier.id}.outputs.url }}`);
    assert.ok(names.indexOf(VERIFIER_STEP) < names.indexOf(MARKER_STEP) && names.indexOf(MARKER_STEP) < names.indexOf(DEPLOY_STEP), 'verifier, marker, deploy: in that order');
    assert.ok(Number(verifier.with.min_duration_ms) >= 1000 && /sleep (\d+)/.exec(deploy.run)?.[1] === String(Number(verifier.with.min_duration_ms) / 1000), 'the deploy sleeps min_duration_ms');
    assert.doesNotMatch(JSON.stringify(e2e.steps.map((step: { run?: string }) => step.run ?? '')), /\$\{\{/, 'no expressions inside run:');
    const verdict = workflow.jobs.verdict;
    assert.deepEqual([verdict.needs, verdict.if, verdict.permissions], ['e2e', 'always()', { contents: 'read', actions: 'read' }]);
    assert.deepEqual(workflow.permissions, { contents: 'read' });
    assert.ok(existsSync(join(ACTION_DIR, 'main.mjs')) && existsSync(join(ACTION_DIR, 'post.mjs')));
  });
});
