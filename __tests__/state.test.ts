// What a step hands on: to its own post step (GITHUB_STATE) and to later steps (GITHUB_ENV).
// The runner's files are an in-memory stand-in here; the lifecycle suites use the real ones.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { StepState, type RunnerFiles } from '../src/state.js';

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
      },
    };
  }
}

const api = { service: 'payments-api', env: 'production', eventName: 'deployment' };
const opened = (deploymentId: string) => ({ deploymentId, startedAt: '2026-01-15T17:57:22.000Z', attributes: { deployment_id: deploymentId, team: 'payments' } });

describe('StepState', () => {
  test('a window step leaves its post step the window, the token, the start outcome and the warnings shown', () => {
    const job = new FakeJob();
    const main = job.step();
    const state = new StepState(main.files);
    state.windowOpened(api, opened('a'), true);
    state.accessTokenReceived({ token: 'l9at-xyz', expiresAtMs: 1 });
    state.startDelivered(false);
    state.warningsShown(['Last9: careful']);
    assert.deepEqual(new StepState(job.step(main.state).files).postState(), {
      window: opened('a'),
      startDelivered: false,
      accessToken: { token: 'l9at-xyz', expiresAtMs: 1 },
      warningsShown: ['Last9: careful'],
    });
  });

  test('a start step (closed by a stop step, not its post step) leaves its post step nothing', () => {
    const job = new FakeJob();
    const main = job.step();
    new StepState(main.files).windowOpened(api, opened('a'), false);
    assert.equal(new StepState(job.step(main.state).files).postState(), undefined);
    assert.equal(new StepState(job.step().files).newestOpenWindow(api)?.deploymentId, 'a');
  });

  test('a stop step finds the newest open window for its service, env and event name, with the start\'s attributes', () => {
    const job = new FakeJob();
    new StepState(job.step().files).windowOpened(api, opened('a'), true);
    new StepState(job.step().files).windowOpened({ ...api, env: 'staging' }, opened('other-env'), true);
    new StepState(job.step().files).windowOpened(api, opened('b'), false);
    const later = new StepState(job.step().files);
    assert.deepEqual(later.newestOpenWindow(api), { ...opened('b'), closed: false });
    later.windowClosed(api, opened('b'));
    assert.equal(new StepState(job.step().files).newestOpenWindow(api)?.deploymentId, 'a');
    assert.equal(new StepState(job.step().files).newestOpenWindow({ ...api, eventName: 'rollback' }), undefined);
  });

  test('reopening a window for the same service never reopens the one already closed', () => {
    const job = new FakeJob();
    new StepState(job.step().files).windowOpened(api, opened('a'), true);
    new StepState(job.step().files).windowClosed(api, opened('a'));
    new StepState(job.step().files).windowOpened(api, opened('b'), true);
    const end = new StepState(job.step().files);
    assert.equal(end.window('a')?.closed, true);
    assert.equal(end.window('b')?.closed, false);
    assert.equal(end.window('never-opened'), undefined);
  });

  test('what another job or a broken value left reads as nothing, never as a crash', () => {
    const job = new FakeJob();
    const main = job.step({ window: '{"deploymentId": 1}', access_token: 'not json', start_delivered: 'maybe', warnings_shown: '{"a": 1}' });
    assert.equal(new StepState(main.files).postState(), undefined);
    const almost = job.step({ window: JSON.stringify(opened('a')), access_token: '{"token": ""}', start_delivered: 'maybe', warnings_shown: '[1, "Last9: x"]' });
    assert.deepEqual(new StepState(almost.files).postState(), { window: opened('a'), startDelivered: undefined, accessToken: undefined, warningsShown: ['Last9: x'] });
    new StepState(job.step().files).windowOpened(api, opened('a'), false);
    for (const name of Object.keys(job.env)) job.env[name] = '[';
    assert.equal(new StepState(job.step().files).newestOpenWindow(api), undefined);
    assert.equal(new StepState(job.step().files).window('a'), undefined);
  });
});
