import assert from 'node:assert/strict';
import { readEvent } from '../../src/marker/event-payload.js';
import { describe, test } from 'node:test';
import { changeEvent, startAttributes, stopAttributes } from '../../src/marker/events.js';
import type { Attributes } from '../../src/marker/attributes.js';
import type { Settings } from '../../src/runner/settings.js';
import { pushContext } from '../../testing/runner.js';

/** A complete Settings value; each test overrides what it is about. */
function settings(overrides: Partial<Settings> = {}): Settings {
  return {
    refreshToken: 'rt-123456',
    orgSlug: 'acme',
    env: 'production',
    service: 'payments-api',
    services: ['payments-api'],
    eventName: 'deployment',
    eventState: 'window',
    apiBaseUrl: 'https://app.last9.io',
    customAttributes: {},
    captureEnv: [],
    captureInputs: [],
    includeGithubAttributes: true,
    linkChanges: true,
    githubToken: '',
    githubEnvironment: 'production',
    dryRun: false,
    failOnError: false,
    resultGiven: false,
    timeoutMs: 30_000,
    retry: { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 30_000 },
    matrix: {},
    ...overrides,
  };
}

const PUSH_ENV = { ...pushContext(), GITHUB_SHA: '3f2a9c0d3f2a9c0d3f2a9c0d3f2a9c0d3f2a9c0d', DEPLOY_REGION: 'eu-west-1' };

describe('startAttributes', () => {
  test('never sends a value that holds the refresh token or a runner token; says which keys it dropped', () => {
    const env = { ...PUSH_ENV, GITHUB_TOKEN: 'ghs_jobtoken123', ACTIONS_RUNTIME_TOKEN: 'runtime-token-456', DEPLOY_NOTE: 'via ghs_jobtoken123' };
    const { attributes, warnings } = startAttributes(
      settings({ customAttributes: { leaked: 'rt-123456', team: 'payments' }, captureEnv: ['DEPLOY_NOTE', 'DEPLOY_REGION'] }),
      'dep-abc',
      { env, event: readEvent({}).event },
    );
    assert.equal(attributes.leaked, undefined);
    assert.equal(attributes.env_deploy_note, undefined);
    assert.equal(attributes.env_deploy_region, 'eu-west-1');
    assert.equal(attributes.team, 'payments');
    assert.ok(!Object.values(attributes).some((value) => /rt-123456|ghs_jobtoken123|runtime-token-456/.test(value)));
    assert.deepEqual(warnings, ['attributes "env_deploy_note", "leaked" were dropped: their values hold a secret (a token)']);
  });

  test('carries the correlation attributes, the CI context and the user attributes', () => {
    const { attributes, warnings } = startAttributes(
      settings({ customAttributes: { team: 'payments' }, version: 'v1.2.3' }),
      'dep-abc',
      { env: PUSH_ENV, event: readEvent({ head_commit: { message: 'Ship it' } }).event },
    );
    assert.equal(attributes.service_name, 'payments-api');
    assert.equal(attributes.service, 'payments-api');
    assert.equal(attributes.deployment_environment, 'production');
    assert.equal(attributes.env, 'production');
    assert.equal(attributes.deployment_id, 'dep-abc');
    assert.equal(attributes.version, 'v1.2.3');
    assert.equal(attributes.commit_sha, '3f2a9c0d3f2a9c0d3f2a9c0d3f2a9c0d3f2a9c0d');
    assert.equal(attributes.branch, 'main');
    assert.equal(attributes.commit_message, 'Ship it');
    assert.equal(attributes.team, 'payments');
    assert.ok(!('result' in attributes), 'a start has no result');
    assert.ok(!('duration_ms' in attributes), 'a start has no duration');
    assert.deepEqual(warnings, []);
  });

  test('include_github_attributes=false: only correlation and user attributes', () => {
    const { attributes } = startAttributes(
      settings({ includeGithubAttributes: false, customAttributes: { team: 'payments' }, captureEnv: ['DEPLOY_REGION'], jobCheckRunId: '42', matrix: { os: 'linux' } }),
      'dep-abc',
      { env: PUSH_ENV, event: readEvent({ head_commit: { message: 'Ship it' } }).event },
    );
    assert.deepEqual(attributes, {
      service_name: 'payments-api',
      deployment_environment: 'production',
      service: 'payments-api',
      env: 'production',
      deployment_id: 'dep-abc',
      team: 'payments',
      env_deploy_region: 'eu-west-1',
    });
  });

  test('capture_env and capture_inputs become env_<name> and build_param_<name>', () => {
    const { attributes } = startAttributes(
      settings({ captureEnv: ['DEPLOY_REGION', 'UNSET_VAR'], captureInputs: ['Environment', 'missing'] }),
      'dep-abc',
      { env: PUSH_ENV, event: readEvent({ inputs: { Environment: 'staging', dry: true } }).event },
    );
    assert.equal(attributes.env_deploy_region, 'eu-west-1');
    assert.equal(attributes.build_param_environment, 'staging');
    assert.ok(!('env_unset_var' in attributes));
    assert.ok(!('build_param_missing' in attributes));
  });

  test('matrix and job id reach the start through settings', () => {
    const { attributes } = startAttributes(settings({ jobCheckRunId: '31415', matrix: { os: 'ubuntu-latest' } }), 'dep-abc', { env: PUSH_ENV, event: readEvent({}).event });
    assert.equal(attributes.job_id, '31415');
    assert.equal(attributes.github_job_url, 'https://github.com/acme/payments-api/actions/runs/9876543210/job/31415');
    assert.equal(attributes.matrix_os, 'ubuntu-latest');
  });

  test('with 1,000 custom attributes the start has at most 62 attributes, so the stop fits in 64', () => {
    const customAttributes: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) customAttributes[`custom_${i}`] = `v${i}`;
    const { attributes: start, warnings } = startAttributes(settings({ customAttributes, version: 'v9' }), 'dep-abc', { env: PUSH_ENV, event: readEvent({}).event });
    assert.ok(Object.keys(start).length <= 62, `start has ${Object.keys(start).length} attributes`);
    assert.equal(start.deployment_id, 'dep-abc');
    assert.equal(start.service_name, 'payments-api');
    assert.equal(start.version, 'v9');
    assert.equal(start.commit_sha, '3f2a9c0d3f2a9c0d3f2a9c0d3f2a9c0d3f2a9c0d', 'CI context kept over user keys');
    assert.equal(start.build_id, '9876543210');
    const dropped = Object.keys(customAttributes).filter((key) => !(key in start));
    assert.ok(dropped.length >= 1000 - 62);
    assert.ok(
      warnings.some((warning) => warning.includes(`"${dropped[0]}"`)),
      `a warning names the dropped custom attributes: ${JSON.stringify(warnings)}`,
    );

    const stop = stopAttributes(start, 'success', 1234);
    assert.ok(Object.keys(stop).length <= 64, `stop has ${Object.keys(stop).length} attributes`);
    assert.equal(stop.result, 'success');
    assert.equal(stop.duration_ms, '1234');
  });

  test('a big matrix cannot push the start past 62 either', () => {
    const matrix: Record<string, unknown> = {};
    for (let i = 0; i < 200; i++) matrix[`dim${i}`] = `value${i}`;
    const { attributes: start } = startAttributes(settings({ matrix }), 'dep-abc', { env: PUSH_ENV, event: readEvent({}).event });
    assert.ok(Object.keys(start).length <= 62, `start has ${Object.keys(start).length} attributes`);
    assert.equal(start.deployment_id, 'dep-abc');
    assert.ok(Object.keys(stopAttributes(start, 'failure', 5)).length <= 64);
  });

  test('a user cannot override deployment_id, service_name or result through custom_attributes', () => {
    const { attributes, warnings } = startAttributes(
      settings({ customAttributes: { deployment_id: 'forged', service_name: 'other', result: 'success' } }),
      'dep-abc',
      { env: PUSH_ENV, event: readEvent({}).event },
    );
    assert.equal(attributes.deployment_id, 'dep-abc');
    assert.equal(attributes.service_name, 'payments-api');
    assert.ok(!('result' in attributes));
    assert.equal(warnings.length, 1);
  });
});

describe('stopAttributes', () => {
  const start: Attributes = {
    service_name: 'payments-api',
    deployment_environment: 'production',
    service: 'payments-api',
    env: 'production',
    deployment_id: 'dep-abc',
    commit_sha: '3f2a9c0d3f2a9c0d3f2a9c0d3f2a9c0d3f2a9c0d',
    branch: 'main',
  };

  test('adds result and duration_ms and keeps every start label identical', () => {
    const stop = stopAttributes(start, 'failure', 65_432);
    for (const [key, value] of Object.entries(start)) assert.equal(stop[key], value, `${key} differs between start and stop`);
    assert.deepEqual(stop, { ...start, result: 'failure', duration_ms: '65432' });
  });

  test('does not modify the start attributes it is given', () => {
    const copy = { ...start };
    stopAttributes(start, 'success', 10);
    assert.deepEqual(start, copy);
  });

  test('duration_ms is whole milliseconds, never negative', () => {
    assert.equal(stopAttributes(start, 'success', 1234.6).duration_ms, '1235');
    assert.equal(stopAttributes(start, 'success', 0).duration_ms, '0');
    assert.equal(stopAttributes(start, 'success', -50).duration_ms, '0', 'a clock step back must not send a negative duration');
  });

  test('an unknown result or duration is left out, not sent empty', () => {
    const stop = stopAttributes(start, undefined, undefined);
    assert.deepEqual(stop, start);
    assert.ok(!('result' in stop));
    assert.ok(!('duration_ms' in stop));
  });

  for (const result of ['success', 'failure', 'cancelled'] as const) {
    test(`result ${result} is sent as is`, () => {
      assert.equal(stopAttributes(start, result, undefined).result, result);
    });
  }
});

describe('changeEvent', () => {
  test('the request body Last9 expects: ISO UTC timestamp, event name and state, attributes', () => {
    const at = new Date(Date.UTC(2026, 0, 15, 17, 57, 22, 123));
    const event = changeEvent(settings({ eventName: 'migration' }), 'start', at, { service_name: 'payments-api' });
    assert.deepEqual(event, {
      timestamp: '2026-01-15T17:57:22.123Z',
      event_name: 'migration',
      event_state: 'start',
      attributes: { service_name: 'payments-api' },
    });
    assert.ok(!('data_source_name' in event), 'omitted means the org default');
    assert.match(event.timestamp, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);
  });

  test('the timestamp is UTC whatever the offset of the Date given', () => {
    const event = changeEvent(settings(), 'stop', new Date('2026-01-15T23:30:00+05:30'), {});
    assert.equal(event.timestamp, '2026-01-15T18:00:00.000Z');
    assert.equal(event.event_state, 'stop');
  });

  test('data_source_name only when set', () => {
    const at = new Date(0);
    assert.equal(changeEvent(settings({ dataSourceName: 'prod-cluster' }), 'stop', at, {}).data_source_name, 'prod-cluster');
    assert.ok(!('data_source_name' in changeEvent(settings({ dataSourceName: '' }), 'stop', at, {})));
    assert.ok(!('data_source_name' in changeEvent(settings({ dataSourceName: undefined }), 'stop', at, {})));
  });

  test('the body serializes to flat string attributes', () => {
    const body = JSON.parse(JSON.stringify(changeEvent(settings(), 'start', new Date(0), { a: '1', b: 'two' }))) as { attributes: Record<string, unknown> };
    for (const value of Object.values(body.attributes)) assert.equal(typeof value, 'string');
  });
});
