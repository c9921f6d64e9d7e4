// The set-up the spawned suites share: a fake Last9 and emulated jobs, cleaned up after each test.

import { after, afterEach, beforeEach, type TestContext } from 'node:test';
import { DEFAULT_ORG, DEFAULT_REFRESH_TOKEN, FakeLast9 } from './fake-last9.js';
import { EmulatedJob } from './runner.js';

type JobContext = ConstructorParameters<typeof EmulatedJob>[0];

/** The inputs a workflow would give the action, pointed at the fake Last9. */
export function workflowInputs(fake: FakeLast9, overrides: Record<string, string> = {}): Record<string, string> {
  return { refresh_token: DEFAULT_REFRESH_TOKEN, org_slug: DEFAULT_ORG, env: 'production', service: 'payments-api', api_base_url: fake.url, ...overrides };
}

export interface Harness {
  fake: FakeLast9;
  /** A job that is cleaned up after the test. */
  newJob(context?: JobContext): EmulatedJob;
  inputs(overrides?: Record<string, string>): Record<string, string>;
}

/** One fake Last9 for the whole file, cleared before each test: the file's tests run one at a time. */
export async function lifecycleHarness(): Promise<Harness> {
  const fake = await FakeLast9.start();
  const jobs: EmulatedJob[] = [];
  after(() => fake.stop());
  beforeEach(() => fake.reset());
  afterEach(() => {
    for (const job of jobs.splice(0)) job.dispose();
  });
  return {
    fake,
    newJob(context) {
      const job = new EmulatedJob(context);
      jobs.push(job);
      return job;
    },
    inputs: (overrides) => workflowInputs(fake, overrides),
  };
}

export interface OwnFakeAndJob {
  fake: FakeLast9;
  job: EmulatedJob;
  inputs(overrides?: Record<string, string>): Record<string, string>;
}

/**
 * A fake Last9 and an emulated job of the test's own, cleaned up after it, so that tests which
 * mostly wait (on a hung server, a backoff) can run side by side. `defaults` are added to every
 * `inputs()` call.
 */
export async function ownFakeAndJob(t: TestContext, defaults: Record<string, string> = {}, context?: JobContext): Promise<OwnFakeAndJob> {
  const fake = await FakeLast9.start();
  const job = new EmulatedJob(context);
  t.after(async () => {
    job.dispose();
    await fake.stop();
  });
  return { fake, job, inputs: (overrides = {}) => workflowInputs(fake, { ...defaults, ...overrides }) };
}
