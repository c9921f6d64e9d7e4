// Changing `uses: last9/deployment-marker-action@v1` to this action keeps a workflow working: every
// example of that action's README, replayed through the built action, and its `event_state: both`.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_REFRESH_TOKEN } from '../../testing/fake-last9.js';
import { lifecycleHarness } from '../../testing/harness.js';
import { pushContext, type StepResult } from '../../testing/runner.js';
import { assertNoSecretsLeaked } from '../../testing/secrets.js';
import { evaluate, markerUses, type MarkerUse } from '../../testing/workflow.js';

const EXAMPLES = '__tests__/fixtures/deployment-marker-action-readme.yml';
// The examples name two organizations; access tokens that do not say theirs go where org_slug says.
const harness = await lifecycleHarness({ orgs: ['acme', 'your-org-slug'], tokenOrg: null });
const { fake } = harness;

const contexts = {
  secrets: { LAST9_REFRESH_TOKEN: DEFAULT_REFRESH_TOKEN },
  github: { ref_name: pushContext().GITHUB_REF_NAME, sha: pushContext().GITHUB_SHA },
  inputs: { environment: 'staging' },
};

function assertClean(step: StepResult): void {
  assert.equal(step.exitCode, 0, step.stdout);
  assert.deepEqual(step.annotations, [], step.stdout);
  assertNoSecretsLeaked(step, DEFAULT_REFRESH_TOKEN, fake.issuedTokens);
}

const jobs = new Map<string, MarkerUse[]>();
for (const use of markerUses(EXAMPLES)) jobs.set(use.job ?? '', [...(jobs.get(use.job ?? '') ?? []), use]);

describe("last9/deployment-marker-action's README examples, with only the uses: line changed", () => {
  test('the fixture holds every example (8 jobs, 10 uses)', () => {
    assert.equal(jobs.size, 8);
    assert.equal([...jobs.values()].flat().length, 10);
  });

  for (const [name, uses] of jobs) {
    test(name, async () => {
      const job = harness.newJob();
      const steps = uses.map((use, index) => ({ id: use.stepId ?? `step-${index}`, with: { ...evaluate(use.with, contexts), api_base_url: fake.url } }));
      const mains: StepResult[] = [];
      for (const step of steps) mains.push(await job.runMain({ stepId: step.id, inputs: step.with }));
      for (const step of [...steps].reverse()) assertClean(await job.runPost({ stepId: step.id, inputs: step.with }));
      mains.forEach(assertClean);

      // One start and one stop, paired by deployment_id, labelled for the dashboards.
      assert.deepEqual(fake.events.map((event) => event.event_state), ['start', 'stop']);
      const [start, stop] = fake.events;
      assert.equal(stop?.attributes.deployment_id, start?.attributes.deployment_id);
      assert.equal(stop?.attributes.result, 'success');
      assert.ok(Number(stop?.attributes.duration_ms) >= 0);
      const first = uses[0] as MarkerUse;
      const given = evaluate(first.with, contexts);
      assert.equal(start?.attributes.service_name, given.service_name ?? 'payments-api');
      assert.equal(start?.attributes.deployment_environment, given.env);
      if (given.custom_attributes) assert.equal(start?.attributes.version, JSON.parse(given.custom_attributes).version);

      // The earlier action's outputs, set where the step knows them.
      const last = mains.at(-1) as StepResult;
      assert.equal(mains[0]?.outputs.success, 'true');
      assert.equal(mains[0]?.outputs.start_timestamp, start?.timestamp);
      if (mains.length === 2) {
        assert.equal(last.outputs.success, 'true');
        assert.equal(last.outputs.stop_timestamp, stop?.timestamp);
        assert.equal(last.outputs.start_timestamp, start?.timestamp);
      }
    });
  }
});

describe('event_state: both', () => {
  test("sends the start and its stop from the step itself, with the stop's outputs, as Last9's documentation defines it", async () => {
    const job = harness.newJob();
    const inputs = harness.inputs({ event_state: 'both' });
    const main = await job.runMain({ inputs, job: { status: 'success' } });
    const post = await job.runPost({ inputs, job: { status: 'failure' } });
    assert.deepEqual(main.annotations, []);
    assert.deepEqual(fake.events.map((event) => [event.event_state, event.attributes.deployment_id]), [
      ['start', main.outputs.deployment_id],
      ['stop', main.outputs.deployment_id],
    ]);
    assert.equal(fake.events[1]?.attributes.result, 'success', "the result of the job when the step ran, not the post step's");
    assert.equal(main.outputs.start_timestamp, fake.events[0]?.timestamp);
    assert.equal(main.outputs.stop_timestamp, fake.events[1]?.timestamp);
    assert.equal(main.outputs.success, 'true');
    assert.deepEqual([post.annotations, fake.events.length], [[], 2], 'the post step sends nothing more');
  });
});
