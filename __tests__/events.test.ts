import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_ATTRIBUTES } from '../src/attributes.js';
import { changeEvent, startAttributes, stopAttributes, type GithubContext } from '../src/events.js';
import { readSettings, type Settings } from '../src/settings.js';

function settings(inputs: Record<string, string> = {}): Settings {
  const all: Record<string, string> = { refresh_token: 'l9rt', org_slug: 'acme', env: 'production', service: 'payments-api', ...inputs };
  const { settings: result, problems } = readSettings((name) => all[name] ?? '', {});
  assert.deepEqual(problems, []);
  return result as Settings;
}

const context: GithubContext = {
  env: { GITHUB_REPOSITORY: 'acme/payments-api', GITHUB_SHA: 'abc123', GITHUB_REF_TYPE: 'branch', GITHUB_REF_NAME: 'main', GITHUB_RUN_ID: '1', DEPLOY_TARGET: 'blue' },
  payload: { inputs: { reason: 'hotfix' } },
};

describe('startAttributes', () => {
  test('correlation, CI context and the user\'s own attributes', () => {
    const { attributes } = startAttributes(settings({ custom_attributes: 'team=payments', capture_env: 'DEPLOY_TARGET', capture_inputs: 'reason' }), 'id-1', context);
    assert.equal(attributes.service_name, 'payments-api');
    assert.equal(attributes.service, 'payments-api');
    assert.equal(attributes.deployment_environment, 'production');
    assert.equal(attributes.env, 'production');
    assert.equal(attributes.deployment_id, 'id-1');
    assert.equal(attributes.commit_sha, 'abc123');
    assert.equal(attributes.team, 'payments');
    assert.equal(attributes.env_deploy_target, 'blue');
    assert.equal(attributes.build_param_reason, 'hotfix');
    assert.equal(attributes.result, undefined);
  });

  test('custom_attributes win over a captured value of the same name', () => {
    const { attributes } = startAttributes(settings({ custom_attributes: 'env_deploy_target=green', capture_env: 'DEPLOY_TARGET' }), 'id', context);
    assert.equal(attributes.env_deploy_target, 'green');
  });

  test('include_github_attributes: false leaves out the CI context only', () => {
    const { attributes } = startAttributes(settings({ include_github_attributes: 'false', custom_attributes: 'team=payments', version: '1.2' }), 'id-1', context);
    assert.deepEqual(attributes, {
      team: 'payments',
      service_name: 'payments-api',
      deployment_environment: 'production',
      service: 'payments-api',
      env: 'production',
      deployment_id: 'id-1',
      version: '1.2',
    });
  });

  test('the start leaves room for the stop: at most 62 attributes, the stop at most 64', () => {
    const many = JSON.stringify(Object.fromEntries(Array.from({ length: 200 }, (_, index) => [`k${index}`, 'v'])));
    const { attributes } = startAttributes(settings({ custom_attributes: many }), 'id-1', context);
    assert.equal(Object.keys(attributes).length, MAX_ATTRIBUTES - 2);
    assert.equal(Object.keys(stopAttributes(attributes, 'success', 1_234)).length, MAX_ATTRIBUTES);
  });
});

describe('stopAttributes', () => {
  const start = { service_name: 'payments-api', deployment_id: 'id-1', commit_sha: 'abc' };

  test('the start\'s labels plus result and whole-millisecond duration', () => {
    assert.deepEqual(stopAttributes(start, 'failure', 1_234.6), { ...start, result: 'failure', duration_ms: '1235' });
  });

  test('a point marker: no duration; an unknown status: no result', () => {
    assert.deepEqual(stopAttributes(start, 'success', undefined), { ...start, result: 'success' });
    assert.deepEqual(stopAttributes(start, undefined, 10), { ...start, duration_ms: '10' });
  });

  test('a clock that went backwards never gives a negative duration', () => {
    assert.equal(stopAttributes(start, 'success', -5).duration_ms, '0');
  });
});

describe('changeEvent', () => {
  test('the body Last9 expects, timestamp in UTC', () => {
    const at = new Date('2026-01-15T17:57:22.123Z');
    assert.deepEqual(changeEvent(settings({ event_name: 'rollback' }), 'start', at, { a: 'b' }), {
      timestamp: '2026-01-15T17:57:22.123Z',
      event_name: 'rollback',
      event_state: 'start',
      attributes: { a: 'b' },
    });
  });

  test('data_source_name only when set', () => {
    const event = changeEvent(settings({ data_source_name: 'prod-cluster' }), 'stop', new Date(0), {});
    assert.equal(event.data_source_name, 'prod-cluster');
    assert.ok(!('data_source_name' in changeEvent(settings(), 'stop', new Date(0), {})));
  });
});
