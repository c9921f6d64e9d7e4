// What a step hands on: to its own post step (GITHUB_STATE) and to later steps (GITHUB_ENV).
// The runner's files are an in-memory stand-in here; the lifecycle suites use the real ones.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { JOB_ENV_PREFIX } from '../../src/runner/names.js';
import { MAX_OPEN_WINDOWS, MAX_WARNINGS_SHOWN_CHARS, StepState, type RunnerFiles } from '../../src/runner/state.js';

/** One job: GITHUB_ENV is shared by its steps; each step's GITHUB_STATE goes to its own post step only. */
class FakeJob {
  readonly env: Record<string, string> = {};
  step(state: Record<string, string> = {}): { files: RunnerFiles; state: Record<string, string> } {
    return {
      state,
      files: {
        saveState: (name, value) => (state[name] = value),
        getState: (name) => state[name] ?? '',
        exportVariable: (name, value) => (this.env[name] = value),
        getEnv: (name) => this.env[name],
        setOutput: () => undefined,
        appendSummary: () => undefined,
      },
    };
  }
}

const api = { service: 'payments-api', env: 'production', eventName: 'deployment' };
const opened = (deploymentId: string, service = api.service) => ({ deploymentId, service, startedAt: '2026-01-15T17:57:22.000Z', attributes: { deployment_id: deploymentId, team: 'payments' } });
/** A start (or window) step of `key`'s service that opened `deploymentId`. */
const openOne = (state: StepState, key: typeof api, deploymentId: string, postStop?: 'always' | 'if-the-job-failed') =>
  state.windowsOpened(key, [opened(deploymentId, key.service)], postStop);

describe('StepState', () => {
  test('a step leaves its post step each window it opened, when to stop them, the token, each start\'s outcome and the warnings shown', () => {
    const job = new FakeJob();
    const main = job.step();
    const state = new StepState(main.files);
    state.windowsOpened(api, [opened('a'), opened('b', 'worker')], 'if-the-job-failed');
    state.accessTokenReceived({ token: 'l9at-xyz', expiresAtMs: 1 });
    state.startDelivered([false, undefined]);
    state.warningsShown(['Last9: careful']);
    assert.deepEqual(new StepState(job.step(main.state).files).postState(), {
      windows: [opened('a'), opened('b', 'worker')],
      stop: 'if-the-job-failed',
      startDelivered: [false, undefined],
      accessToken: { token: 'l9at-xyz', expiresAtMs: 1 },
      warningsShown: ['Last9: careful'],
    });
    assert.equal(new StepState(job.step().files).newestOpenWindow({ ...api, service: 'worker' })?.deploymentId, 'b');
  });

  test('a step whose stop it sends itself (event_state both) leaves its post step nothing', () => {
    const job = new FakeJob();
    const main = job.step();
    openOne(new StepState(main.files), api, 'a');
    assert.equal(new StepState(job.step(main.state).files).postState(), undefined);
    assert.equal(new StepState(job.step().files).newestOpenWindow(api)?.deploymentId, 'a');
  });

  test('a stop step finds the newest open window for its service, env and event name, with the start\'s attributes', () => {
    const job = new FakeJob();
    openOne(new StepState(job.step().files), api, 'a', 'always');
    openOne(new StepState(job.step().files), { ...api, env: 'staging' }, 'other-env', 'always');
    openOne(new StepState(job.step().files), api, 'b');
    const later = new StepState(job.step().files);
    const { service: _service, ...window } = opened('b');
    assert.deepEqual(later.newestOpenWindow(api), { ...window, closed: false });
    later.windowClosed(api, opened('b'));
    assert.equal(new StepState(job.step().files).newestOpenWindow(api)?.deploymentId, 'a');
    assert.equal(new StepState(job.step().files).newestOpenWindow({ ...api, eventName: 'rollback' }), undefined);
  });

  test('reopening a window for the same service never reopens the one already closed', () => {
    const job = new FakeJob();
    openOne(new StepState(job.step().files), api, 'a', 'always');
    new StepState(job.step().files).windowClosed(api, opened('a'));
    openOne(new StepState(job.step().files), api, 'b', 'always');
    const end = new StepState(job.step().files);
    assert.equal(end.window(api, 'a')?.closed, true);
    assert.equal(end.window(api, 'b')?.closed, false);
    assert.equal(end.window(api, 'never-opened'), undefined);
  });

  test('what another job or a broken value left reads as nothing, never as a crash', () => {
    const job = new FakeJob();
    const stop = { windows: '1', post_stop: 'always' };
    const main = job.step({ ...stop, window_0: '{"deploymentId": 1}', access_token: 'not json', start_delivered: 'maybe', warnings_shown: '{"a": 1}' });
    assert.equal(new StepState(main.files).postState(), undefined);
    for (const broken of [{ windows: '2' }, { windows: '1e9' }, { post_stop: 'sometimes' }]) {
      assert.equal(new StepState(job.step({ ...stop, window_0: JSON.stringify(opened('a')), ...broken }).files).postState(), undefined, JSON.stringify(broken));
    }
    const almost = job.step({ ...stop, window_0: JSON.stringify(opened('a')), access_token: '{"token": ""}', start_delivered: '[1]', warnings_shown: '[1, "Last9: x"]' });
    assert.deepEqual(new StepState(almost.files).postState(), { windows: [opened('a')], stop: 'always', startDelivered: [undefined], accessToken: undefined, warningsShown: ['Last9: x'] });
    openOne(new StepState(job.step().files), api, 'a');
    for (const name of Object.keys(job.env)) job.env[name] = '[';
    assert.equal(new StepState(job.step().files).newestOpenWindow(api), undefined);
    assert.equal(new StepState(job.step().files).window(api, 'a'), undefined);
  });

  test('a value of the wrong shape counts as unknown: a bad field is left out, a record without its closed flag is no record', () => {
    const job = new FakeJob();
    const stop = { windows: '1', post_stop: 'always' };
    const badFields = job.step({ ...stop, window_0: JSON.stringify({ ...opened('a'), attributes: { team: 1 } }), access_token: '{"token": "l9at-xyz", "expiresAtMs": "soon"}' });
    assert.deepEqual(new StepState(badFields.files).postState()?.windows, [{ ...opened('a'), attributes: {} }]);
    assert.deepEqual(new StepState(badFields.files).postState()?.accessToken, { token: 'l9at-xyz' });
    assert.equal(new StepState(job.step({ ...stop, window_0: JSON.stringify({ ...opened('a'), startedAt: 'yesterday' }) }).files).postState(), undefined);
    assert.equal(new StepState(job.step({ ...stop, window_0: JSON.stringify({ ...opened('a'), service: 7 }) }).files).postState(), undefined);

    openOne(new StepState(job.step().files), api, 'a');
    const exported = (prefix: string) => Object.keys(job.env).find((name) => name.startsWith(prefix)) as string;
    const [record, openIds] = [exported(JOB_ENV_PREFIX.deployment), exported(JOB_ENV_PREFIX.openWindows)];
    job.env[record] = JSON.stringify({ startedAt: 5, attributes: ['x'], closed: false });
    job.env[openIds] = JSON.stringify(['x'.repeat(10_000), '', 7, 'a']);
    const later = new StepState(job.step().files);
    assert.deepEqual(later.newestOpenWindow(api), { deploymentId: 'a', startedAt: undefined, attributes: undefined, closed: false });
    openOne(later, api, 'b');
    assert.equal(job.env[openIds], '["a","b"]');
    job.env[record] = JSON.stringify({ ...opened('a'), closed: 'yes' });
    assert.equal(new StepState(job.step().files).window(api, 'a'), undefined);
  });

  test(`a job remembers the newest ${MAX_OPEN_WINDOWS} windows still open per service, so what it hands on stays small`, () => {
    const job = new FakeJob();
    const longestId = (index: number) => `w${index}`.padEnd(128, '-');
    for (let index = 0; index < MAX_OPEN_WINDOWS + 10; index++) openOne(new StepState(job.step().files), api, longestId(index));
    const later = new StepState(job.step().files);
    const closedNewestFirst: string[] = [];
    for (let window = later.newestOpenWindow(api); window; window = later.newestOpenWindow(api)) {
      closedNewestFirst.push(window.deploymentId);
      later.windowClosed(api, window);
    }
    assert.deepEqual(closedNewestFirst, Array.from({ length: MAX_OPEN_WINDOWS }, (_, index) => longestId(MAX_OPEN_WINDOWS + 9 - index)));
    for (const [name, value] of Object.entries(job.env)) assert.ok(value.length < 8_000, `${name} holds ${value.length} characters`);
  });

  test(`the warnings handed to the post step stay within ${MAX_WARNINGS_SHOWN_CHARS} characters; the post step may show the others again`, () => {
    const job = new FakeJob();
    const main = job.step();
    const warnings = Array.from({ length: 100 }, (_, index) => `Last9: warning ${index} `.padEnd(200, '.'));
    const state = new StepState(main.files);
    openOne(state, api, 'a', 'always');
    state.warningsShown(warnings);
    assert.ok((main.state.warnings_shown?.length ?? 0) <= MAX_WARNINGS_SHOWN_CHARS);
    // Each warning takes 203 characters of the list: 202 as a JSON string, and a comma.
    assert.deepEqual(new StepState(job.step(main.state).files).postState()?.warningsShown, warnings.slice(0, 39));
  });
});
