// The set-up the spawned suites share: a fake Last9, a fake GitHub API seeded with a push that
// merged a pull request, and emulated jobs pointed at both, cleaned up after each test.

import { after, afterEach, beforeEach, type TestContext } from 'node:test';
import { DEFAULT_ORG, DEFAULT_REFRESH_TOKEN, FakeLast9, type FakeLast9Options } from './fake-last9.js';
import { DEFAULT_GITHUB_TOKEN, FakeGitHub, pushOfMergedPullRequest } from './fake-github.js';
import { EmulatedJob } from './runner.js';

type JobContext = NonNullable<ConstructorParameters<typeof EmulatedJob>[0]>;

/** The inputs a workflow would give the action, pointed at the fake Last9. */
export function workflowInputs(fake: FakeLast9, overrides: Record<string, string> = {}): Record<string, string> {
  return { refresh_token: DEFAULT_REFRESH_TOKEN, org_slug: DEFAULT_ORG, env: 'production', service: 'payments-api', api_base_url: fake.url, ...overrides };
}

/** A job whose GitHub API is the fake, with the job token it accepts. */
function jobOn(github: FakeGitHub, context: JobContext = {}): EmulatedJob {
  return new EmulatedJob({ githubToken: DEFAULT_GITHUB_TOKEN, ...context, env: { ...context.env, GITHUB_API_URL: github.url } });
}

async function seededGitHub(): Promise<FakeGitHub> {
  const github = await FakeGitHub.start();
  pushOfMergedPullRequest(github, { now: Date.now() });
  return github;
}

export interface Harness {
  fake: FakeLast9;
  github: FakeGitHub;
  /** A job that is cleaned up after the test. */
  newJob(context?: JobContext): EmulatedJob;
  inputs(overrides?: Record<string, string>): Record<string, string>;
}

/** One fake Last9 and GitHub for the whole file, cleared before each test: the file's tests run one at a time. */
export async function lifecycleHarness(last9: FakeLast9Options = {}): Promise<Harness> {
  const fake = await FakeLast9.start(last9);
  const github = await seededGitHub();
  const jobs: EmulatedJob[] = [];
  after(() => Promise.all([fake.stop(), github.stop()]));
  beforeEach(() => {
    fake.reset();
    github.reset();
    pushOfMergedPullRequest(github, { now: Date.now() });
  });
  afterEach(() => {
    for (const job of jobs.splice(0)) job.dispose();
  });
  return {
    fake,
    github,
    newJob(context) {
      const job = jobOn(github, context);
      jobs.push(job);
      return job;
    },
    inputs: (overrides) => workflowInputs(fake, overrides),
  };
}

export interface OwnFakeAndJob {
  fake: FakeLast9;
  github: FakeGitHub;
  job: EmulatedJob;
  inputs(overrides?: Record<string, string>): Record<string, string>;
}

/**
 * A fake Last9, a fake GitHub and an emulated job of the test's own, cleaned up after it, so that
 * tests which mostly wait (on a hung server, a backoff) can run side by side. `defaults` are added
 * to every `inputs()` call.
 */
export async function ownFakeAndJob(t: TestContext, defaults: Record<string, string> = {}, context?: JobContext): Promise<OwnFakeAndJob> {
  const [fake, github] = await Promise.all([FakeLast9.start(), seededGitHub()]);
  const job = jobOn(github, context);
  t.after(async () => {
    job.dispose();
    await Promise.all([fake.stop(), github.stop()]);
  });
  return { fake, github, job, inputs: (overrides = {}) => workflowInputs(fake, { ...defaults, ...overrides }) };
}
