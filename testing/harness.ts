// The set-up every lifecycle test file shares: one fake Last9 for the file, a clean slate and a
// fresh emulated job for each test.

import { after, afterEach, beforeEach } from 'node:test';
import { DEFAULT_ORG, DEFAULT_REFRESH_TOKEN, FakeLast9 } from './fake-last9.js';
import { EmulatedJob } from './runner.js';

export interface Harness {
  fake: FakeLast9;
  /** A job that is cleaned up after the test. */
  newJob(context?: ConstructorParameters<typeof EmulatedJob>[0]): EmulatedJob;
  /** The inputs a workflow would give the action, pointed at the fake Last9. */
  inputs(overrides?: Record<string, string>): Record<string, string>;
}

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
    inputs(overrides = {}) {
      return { refresh_token: DEFAULT_REFRESH_TOKEN, org_slug: DEFAULT_ORG, env: 'production', service: 'payments-api', api_base_url: fake.url, ...overrides };
    },
  };
}
