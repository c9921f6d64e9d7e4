// Every shape of deploy workflow the README documents, end to end: dist/ run as the runner runs it
// (testing/runner.ts), against the fake Last9 on loopback.

import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { DEFAULT_REFRESH_TOKEN, type ReceivedEvent } from '../../testing/fake-last9.js';
import { lifecycleHarness } from '../../testing/harness.js';
import { pushContext, type StepResult } from '../../testing/runner.js';
import { assertNoSecretsLeaked } from '../../testing/secrets.js';
import { evaluate, markerUses } from '../../testing/workflow.js';

const { fake, inputs, newJob } = await lifecycleHarness();

function eventsOf(service: string): ReceivedEvent[] {
  return fake.events.filter((event) => event.attributes.service_name === service);
}

/** A stop's attributes without the two only a stop carries. */
function withoutOutcome(event: ReceivedEvent | undefined): Record<string, string> {
  const { result: _result, duration_ms: _duration, ...attributes } = event?.attributes ?? {};
  return attributes;
}

function assertQuiet(...steps: StepResult[]): void {
  for (const step of steps) {
    assert.equal(step.exitCode, 0);
    assert.deepEqual(step.annotations, [], step.stdout);
    assertNoSecretsLeaked(step, DEFAULT_REFRESH_TOKEN, fake.issuedTokens);
  }
}

describe('explicit start and stop in one job', () => {
  test('the stop step finds the start by itself: same deployment_id, a duration, the result so far', async () => {
    const job = newJob();
    const start = await job.runMain({ stepId: 'start-marker', inputs: inputs({ event_state: 'start' }) });
    await sleep(100);
    const stop = await job.runMain({ stepId: 'stop-marker', inputs: inputs({ event_state: 'stop' }), job: { status: 'failure' } });
    const posts = [await job.runPost({ stepId: 'stop-marker', inputs: inputs({ event_state: 'stop' }) }), await job.runPost({ stepId: 'start-marker', inputs: inputs({ event_state: 'start' }) })];
    assertQuiet(start, stop, ...posts);

    assert.deepEqual(
      fake.events.map((event) => event.event_state),
      ['start', 'stop'],
      'the post steps of start and stop steps send nothing',
    );
    const [startEvent, stopEvent] = fake.events;
    assert.equal(stopEvent?.attributes.deployment_id, start.outputs.deployment_id);
    assert.equal(stopEvent?.attributes.result, 'failure');
    const duration = Number(stopEvent?.attributes.duration_ms);
    assert.equal(duration, Date.parse(stopEvent?.timestamp ?? '') - Date.parse(startEvent?.timestamp ?? ''));
    assert.ok(duration >= 100);
    assert.equal(stop.outputs.duration_ms, String(duration));
    assert.equal(startEvent?.attributes.step_label, 'start-marker');
    assert.deepEqual(withoutOutcome(stopEvent), startEvent?.attributes, 'the stop repeats every label of its start, step_label and job_id included');
  });
});

describe('explicit stop given the deployment_id', () => {
  test('in the same job, without started_at, the duration still comes from the start', async () => {
    const job = newJob();
    const start = await job.runMain({ stepId: 'start-marker', inputs: inputs({ event_state: 'start' }) });
    const stop = await job.runMain({ stepId: 'stop-marker', inputs: inputs({ event_state: 'stop', deployment_id: start.outputs.deployment_id ?? '' }) });
    assertQuiet(start, stop);
    assert.equal(fake.events[1]?.attributes.deployment_id, start.outputs.deployment_id);
    assert.ok(Number(fake.events[1]?.attributes.duration_ms) >= 0, 'duration_ms is sent');
    assert.equal(stop.outputs.started_at, start.outputs.started_at);
  });
});

describe('no double stop', () => {
  test('a window closed by an explicit stop step sends nothing from its post step', async () => {
    const job = newJob();
    const window = await job.runMain({ inputs: inputs() });
    const stop = await job.runMain({ stepId: 'stop-marker', inputs: inputs({ event_state: 'stop' }) });
    const stopPost = await job.runPost({ stepId: 'stop-marker', inputs: inputs({ event_state: 'stop' }) });
    const windowPost = await job.runPost({ inputs: inputs(), job: { status: 'failure' } });
    assertQuiet(window, stop, stopPost, windowPost);

    assert.deepEqual(
      fake.events.map((event) => [event.event_state, event.attributes.deployment_id]),
      [
        ['start', window.outputs.deployment_id],
        ['stop', window.outputs.deployment_id],
      ],
    );
    assert.match(windowPost.stdout, /already closed by a stop step/);
    assert.equal(fake.events[1]?.attributes.result, 'success', 'the result is the job status when the stop step ran');
  });
});

describe('every deployment id gets exactly one stop', () => {
  test('window, explicit stop, then a second window for the same service: each window is stopped once', async () => {
    const job = newJob();
    const first = await job.runMain({ stepId: 'first', inputs: inputs() });
    const stop = await job.runMain({ stepId: 'stop-marker', inputs: inputs({ event_state: 'stop' }) });
    const second = await job.runMain({ stepId: 'second', inputs: inputs() });
    // Post steps run in reverse order.
    const posts = [
      await job.runPost({ stepId: 'second', inputs: inputs() }),
      await job.runPost({ stepId: 'stop-marker', inputs: inputs({ event_state: 'stop' }) }),
      await job.runPost({ stepId: 'first', inputs: inputs() }),
    ];
    assertQuiet(first, stop, second, ...posts);
    const [a, b] = [first.outputs.deployment_id, second.outputs.deployment_id];
    assert.notEqual(a, b);
    assert.deepEqual(
      fake.events.map((event) => [event.event_state, event.attributes.deployment_id]),
      [
        ['start', a],
        ['stop', a],
        ['start', b],
        ['stop', b],
      ],
    );
    assert.match(posts[2]?.stdout ?? '', new RegExp(`${a} was already closed by a stop step`));
  });

  test('two windows open for one service: stop steps close the newest first, and post steps send nothing more', async () => {
    const job = newJob();
    const outer = await job.runMain({ stepId: 'outer', inputs: inputs() });
    const inner = await job.runMain({ stepId: 'inner', inputs: inputs({ event_state: 'start' }) });
    const stops = [await job.runMain({ stepId: 'stop-1', inputs: inputs({ event_state: 'stop' }) }), await job.runMain({ stepId: 'stop-2', inputs: inputs({ event_state: 'stop' }) })];
    const outerPost = await job.runPost({ stepId: 'outer', inputs: inputs() });
    assertQuiet(outer, inner, ...stops, outerPost);
    assert.deepEqual(
      fake.events.filter((event) => event.event_state === 'stop').map((event) => event.attributes.deployment_id),
      [inner.outputs.deployment_id, outer.outputs.deployment_id],
    );
  });

  test('a stop naming a window that is already closed sends nothing', async () => {
    const job = newJob();
    const start = await job.runMain({ stepId: 'start-marker', inputs: inputs({ event_state: 'start' }) });
    const closeIt = inputs({ event_state: 'stop', deployment_id: start.outputs.deployment_id ?? '' });
    const first = await job.runMain({ stepId: 'stop-1', inputs: closeIt });
    const second = await job.runMain({ stepId: 'stop-2', inputs: closeIt });
    assertQuiet(start, first, second);
    assert.deepEqual(fake.events.map((event) => event.event_state), ['start', 'stop']);
    assert.match(second.stdout, /already closed in this job; nothing to send/);
  });
});

describe('warnings', () => {
  test('an input warning is shown once per window: the post step does not repeat it', async () => {
    const job = newJob();
    const withWarning = inputs({ started_at: new Date().toISOString(), matrix: '"ubuntu"' });
    const main = await job.runMain({ inputs: withWarning });
    const post = await job.runPost({ inputs: withWarning });
    const warningsOf = (step: StepResult) => step.annotations.filter((annotation) => annotation.level === 'warning').map((annotation) => annotation.message);
    assert.equal(warningsOf(main).length, 2, main.stdout);
    assert.match(warningsOf(main).join('\n'), /started_at is only used with event_state: stop/);
    assert.deepEqual(warningsOf(post), []);
    assert.equal(fake.events.length, 2);
  });

  test('a warning that only the post step has (the job status it reads) is still shown', async () => {
    const job = newJob();
    await job.runMain({ inputs: inputs() });
    const post = await job.runPost({ inputs: inputs({ job_status: 'skipped' }) });
    assert.match(post.annotations.map((annotation) => annotation.message).join('\n'), /job_status "skipped" is not success, failure or cancelled/);
  });
});

describe('point marker', () => {
  test('a stop with no open window sends one stop with a result and no duration', async () => {
    const job = newJob();
    const stop = await job.runMain({ inputs: inputs({ event_state: 'stop' }) });
    const post = await job.runPost({ inputs: inputs({ event_state: 'stop' }) });
    assertQuiet(stop, post);
    assert.equal(fake.events.length, 1);
    const [event] = fake.events;
    assert.equal(event?.event_state, 'stop');
    assert.equal(event?.attributes.result, 'success');
    assert.equal(event?.attributes.duration_ms, undefined);
    assert.match(event?.attributes.deployment_id ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(stop.outputs.duration_ms, undefined);
  });
});

describe('across jobs', () => {
  const contexts = { secrets: { LAST9_REFRESH_TOKEN: DEFAULT_REFRESH_TOKEN } };

  /** The example's start job (its post step included), and the `needs` context its stop job sees. */
  async function startJob(canary: 'success' | 'failure'): Promise<{ start: StepResult; needs: (startedAt?: string) => Record<string, unknown> }> {
    const [startUse, stopUse] = markerUses('examples/workflows/across-jobs.yml');
    assert.deepEqual([startUse?.job, stopUse?.job], ['start', 'stop']);
    const job = newJob({ env: { ...pushContext(), GITHUB_JOB: 'start' } });
    const startWith = { ...evaluate(startUse?.with ?? {}, contexts), api_base_url: fake.url };
    const start = await job.runMain({ stepId: startUse?.stepId, inputs: startWith });
    const post = await job.runPost({ stepId: startUse?.stepId, inputs: startWith });
    assertQuiet(start, post);
    assert.match(post.stdout, /still open: left for a stop step in a later job/, 'the start job succeeded: its post step leaves the window open');
    const needs = (startedAt = start.outputs.started_at) => ({
      start: { result: 'success', outputs: { deployment_id: start.outputs.deployment_id, started_at: startedAt } },
      canary: { result: canary, outputs: {} },
      rollout: { result: canary === 'success' ? 'success' : 'skipped', outputs: {} },
    });
    return { start, needs };
  }

  async function stopJob(needs: Record<string, unknown>, overrides: Record<string, string | undefined> = {}): Promise<StepResult> {
    const stopUse = markerUses('examples/workflows/across-jobs.yml')[1];
    const stopWith = Object.fromEntries(Object.entries({ ...evaluate(stopUse?.with ?? {}, { ...contexts, needs }), api_base_url: fake.url, ...overrides }).filter(([, value]) => value !== undefined));
    return newJob({ env: { ...pushContext(), GITHUB_JOB: 'stop' } }).runMain({ inputs: stopWith as Record<string, string>, job: { status: 'success' } });
  }

  for (const format of ['ISO 8601', 'epoch ms', 'epoch seconds'] as const) {
    test(`a stop in a later job closes the window from the start step's outputs (started_at as ${format})`, async () => {
      const { start, needs } = await startJob('success');
      await sleep(120);
      const startMs = Date.parse(start.outputs.started_at ?? '');
      const startedAt = { 'ISO 8601': start.outputs.started_at, 'epoch ms': String(startMs), 'epoch seconds': String(Math.floor(startMs / 1000)) }[format];
      const stop = await stopJob(needs(startedAt));
      assertQuiet(stop);

      const [startEvent, stopEvent] = fake.events;
      assert.equal(fake.events.length, 2);
      assert.equal(stopEvent?.event_state, 'stop');
      assert.equal(stopEvent?.attributes.deployment_id, start.outputs.deployment_id);
      assert.equal(stopEvent?.attributes.result, 'success');
      const duration = Number(stopEvent?.attributes.duration_ms);
      const gap = Date.parse(stopEvent?.timestamp ?? '') - Date.parse(startEvent?.timestamp ?? '');
      if (format === 'epoch seconds') assert.ok(duration >= gap && duration < gap + 1_000, `duration_ms ${duration} for a gap of ${gap} ms given to the second`);
      else assert.equal(duration, gap);
      assert.ok(duration >= 120);

      // A stop in another job cannot see its start's attributes: the correlation labels match, the CI context is its own job's.
      for (const key of ['service_name', 'deployment_environment', 'service', 'env', 'deployment_id']) {
        assert.equal(stopEvent?.attributes[key], startEvent?.attributes[key], key);
      }
      assert.equal(startEvent?.attributes.step_key, 'start');
      assert.equal(stopEvent?.attributes.step_key, 'stop');
    });
  }

  test("the canary failed: the stop job still runs, and its stop carries the failure of the jobs it spans, not its own job's success", async () => {
    const { start, needs } = await startJob('failure');
    const stop = await stopJob(needs());
    assertQuiet(stop);
    assert.deepEqual(fake.events.map((event) => [event.event_state, event.attributes.deployment_id, event.attributes.result]), [
      ['start', start.outputs.deployment_id, undefined],
      ['stop', start.outputs.deployment_id, 'failure'],
    ]);
    assert.equal(stop.outputs.result, 'failure');
  });

  test("a stop in a later job given no result says once that its result is only its own job's", async () => {
    const { needs } = await startJob('failure');
    const stop = await stopJob(needs(), { result: undefined });
    assert.deepEqual(
      stop.annotations.map((annotation) => annotation.level),
      ['notice'],
    );
    assert.match(stop.annotations[0]?.message ?? '', /opened in another job, is this job's status \(success\); give result:/);
    assert.equal(fake.events[1]?.attributes.result, 'success');
  });
});

describe('several services in one job', () => {
  test('each use is its own window; interleaved stops never pair with the wrong start', async () => {
    const job = newJob();
    const services = ['payments-api', 'checkout-web', 'ledger-worker'];
    // Explicit starts for all three, then stops in a different order.
    for (const service of services) await job.runMain({ stepId: `start-${service}`, inputs: inputs({ service, event_state: 'start' }) });
    for (const service of ['checkout-web', 'ledger-worker', 'payments-api']) {
      await job.runMain({ stepId: `stop-${service}`, inputs: inputs({ service, event_state: 'stop' }), job: { status: service === 'ledger-worker' ? 'failure' : 'success' } });
    }
    // And two window steps whose post steps run in reverse order at the end of the job.
    const windowA = await job.runMain({ stepId: 'window-a', inputs: inputs({ service: 'search-api' }) });
    const windowB = await job.runMain({ stepId: 'window-b', inputs: inputs({ service: 'search-indexer' }) });
    await job.runPost({ stepId: 'window-b', inputs: inputs({ service: 'search-indexer' }) });
    await job.runPost({ stepId: 'window-a', inputs: inputs({ service: 'search-api' }) });

    for (const service of [...services, 'search-api', 'search-indexer']) {
      const [start, stop] = eventsOf(service);
      assert.equal(eventsOf(service).length, 2, service);
      assert.equal(start?.event_state, 'start');
      assert.equal(stop?.event_state, 'stop');
      assert.equal(stop?.attributes.deployment_id, start?.attributes.deployment_id, `${service}: the stop pairs with its own start`);
      assert.ok(Number(stop?.attributes.duration_ms) >= 0);
    }
    assert.equal(new Set(fake.events.map((event) => event.attributes.deployment_id)).size, 5);
    assert.equal(eventsOf('ledger-worker')[1]?.attributes.result, 'failure');
    assert.equal(eventsOf('checkout-web')[1]?.attributes.result, 'success');
    assert.equal(eventsOf('search-api')[0]?.attributes.deployment_id, windowA.outputs.deployment_id);
    assert.equal(eventsOf('search-indexer')[0]?.attributes.deployment_id, windowB.outputs.deployment_id);
  });

  test('two services given the same deployment_id are two windows: each post step sends its own stop', async () => {
    const job = newJob();
    const deploymentId = pushContext().GITHUB_RUN_ID ?? ''; // deployment_id: ${{ github.run_id }}
    const uses = ['payments-api', 'checkout-web'].map((service) => ({ stepId: service, inputs: inputs({ service, deployment_id: deploymentId }) }));
    const steps: StepResult[] = [];
    for (const use of uses) steps.push(await job.runMain(use));
    for (const use of [...uses].reverse()) steps.push(await job.runPost(use));
    assertQuiet(...steps);
    for (const { stepId: service } of uses) {
      assert.deepEqual(
        eventsOf(service).map((event) => [event.event_state, event.attributes.deployment_id]),
        [
          ['start', deploymentId],
          ['stop', deploymentId],
        ],
        service,
      );
    }
  });
});

describe('monorepos and matrices', () => {
  test("the example composite action, called once per service, gives each service its own window, closed with the job's result", async () => {
    const [use] = markerUses('examples/monorepo/.github/actions/deploy-service/action.yml');
    const calls = markerUses('examples/monorepo/.github/workflows/deploy.yml');
    assert.equal(calls.length, 0, 'the workflow reaches the marker only through the composite action');
    const job = newJob();
    const services = ['payments-api', 'checkout-web', 'ledger-worker'];
    const withs = services.map((service) => ({
      ...evaluate(use?.with ?? {}, {
        inputs: { service, environment: 'production', last9_refresh_token: DEFAULT_REFRESH_TOKEN },
      }),
      api_base_url: fake.url,
    }));
    // Inside a composite action the runner names the step after the composite's own step.
    const mains = [];
    for (const [index, withValues] of withs.entries()) mains.push(await job.runMain({ stepId: `__self_${index}`, inputs: withValues }));
    const posts = [];
    // The last service's deploy failed: the job failed.
    for (const [index, withValues] of [...withs.entries()].reverse()) posts.push(await job.runPost({ stepId: `__self_${index}`, inputs: withValues, job: { status: 'failure' } }));
    assertQuiet(...mains, ...posts);

    for (const service of services) {
      const [start, stop] = eventsOf(service);
      assert.equal(stop?.attributes.deployment_id, start?.attributes.deployment_id);
      assert.equal(stop?.attributes.result, 'failure', 'every window takes the job\'s result, as the example says');
      assert.equal(start?.attributes.monorepo_path, `services/${service}`);
      assert.equal(start?.attributes.deployment_environment, 'production');
      assert.equal(start?.attributes.step_label, undefined, 'generated step ids are not labels');
    }
  });

  test('the example matrix workflow: one window per matrix job, with matrix_<key> attributes', async () => {
    const [use] = markerUses('examples/workflows/matrix-deploy.yml');
    const contexts = { secrets: { LAST9_REFRESH_TOKEN: DEFAULT_REFRESH_TOKEN } };
    const matrix = ['payments-api', 'checkout-web'].flatMap((service) => ['eu-west-1', 'us-east-1'].map((region) => ({ service, region })));
    await Promise.all(
      matrix.map(async (combination) => {
        const job = newJob();
        const withValues = { ...evaluate(use?.with ?? {}, { ...contexts, matrix: combination }), api_base_url: fake.url };
        await job.runMain({ inputs: withValues, job: { matrix: combination } });
        await job.runPost({ inputs: withValues, job: { matrix: combination } });
      }),
    );
    assert.equal(fake.events.length, 8);
    for (const { service, region } of matrix) {
      const events = fake.events.filter((event) => event.attributes.matrix_service === service && event.attributes.matrix_region === region);
      assert.deepEqual(
        events.map((event) => event.event_state),
        ['start', 'stop'],
      );
      assert.equal(events[0]?.attributes.service_name, service);
      assert.equal(events[1]?.attributes.deployment_id, events[0]?.attributes.deployment_id);
    }
  });
});

describe('captured context (Jenkins parity)', () => {
  test('capture_env and capture_inputs send only the listed names', async () => {
    const job = newJob({
      env: { ...pushContext(), GITHUB_EVENT_NAME: 'workflow_dispatch' },
      event: { inputs: { reason: 'hotfix for #42', 'dry-run': true, canary_percent: '10', unlisted: 'no' } },
    });
    const main = await job.runMain({
      inputs: inputs({ capture_env: 'DEPLOY_TARGET, HELM_CHART\nUNSET_VARIABLE', capture_inputs: 'reason dry-run,canary_percent' }),
      env: { DEPLOY_TARGET: 'blue', HELM_CHART: 'payments-1.4.2', NOT_LISTED: 'secret-ish' },
    });
    assertQuiet(main);
    const attributes = fake.events[0]?.attributes ?? {};
    assert.equal(attributes.env_deploy_target, 'blue');
    assert.equal(attributes.env_helm_chart, 'payments-1.4.2');
    assert.equal(attributes.build_param_reason, 'hotfix for #42');
    assert.equal(attributes.build_param_dry_run, 'true');
    assert.equal(attributes.build_param_canary_percent, '10');
    const captured = Object.keys(attributes).filter((key) => key.startsWith('env_') || key.startsWith('build_param_'));
    assert.deepEqual(captured.sort(), ['build_param_canary_percent', 'build_param_dry_run', 'build_param_reason', 'env_deploy_target', 'env_helm_chart']);
    assert.ok(!JSON.stringify(attributes).includes('secret-ish'));
  });

  test('a capture list with a name that cannot be a variable is a clear input error', async () => {
    const main = await newJob().runMain({ inputs: inputs({ capture_env: 'GOOD, bad-name' }) });
    assert.equal(main.exitCode, 0);
    assert.deepEqual(
      main.annotations.map((annotation) => annotation.level),
      ['error'],
    );
    assert.match(main.annotations[0]?.message ?? '', /^Input "capture_env" has names that are not valid: "bad-name"/);
    assert.equal(fake.requests.length, 0);
  });
});

describe('dry run', () => {
  test('validates, prints the exact JSON of each event, and sends nothing', async () => {
    const job = newJob();
    const main = await job.runMain({ inputs: inputs({ dry_run: 'true' }) });
    const post = await job.runPost({ inputs: inputs({ dry_run: 'true' }), job: { status: 'failure' } });
    assertQuiet(main, post);
    assert.equal(fake.requests.length, 0, 'a dry run makes no request, not even the token exchange');

    const printed = (step: StepResult) => {
      const json = /would be PUT to (\S+):\n(\{[\s\S]*?\n\})/.exec(step.stdout);
      assert.ok(json, step.stdout);
      return { url: json[1], event: JSON.parse(json[2] as string) };
    };
    const start = printed(main);
    const stop = printed(post);
    assert.equal(start.url, `${fake.url}/api/v4/organizations/acme/change_events`);
    assert.equal(start.event.event_state, 'start');
    assert.equal(start.event.attributes.deployment_id, main.outputs.deployment_id);
    assert.equal(start.event.timestamp, main.outputs.started_at);
    assert.equal(stop.event.event_state, 'stop');
    assert.equal(stop.event.attributes.result, 'failure');
    assert.equal(stop.event.attributes.deployment_id, main.outputs.deployment_id);
    assert.equal(main.outputs.delivered, 'false');
    assert.match(post.summary, /dry run: not sent/);
  });

  test('a dry run still reports bad inputs', async () => {
    const main = await newJob().runMain({ inputs: inputs({ dry_run: 'true', api_base_url: 'http://last9.example.com' }) });
    assert.match(main.annotations[0]?.message ?? '', /^Input "api_base_url" must use https/);
    assert.doesNotMatch(main.stdout, /would be PUT/);
  });
});
