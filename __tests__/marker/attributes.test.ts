import assert from 'node:assert/strict';
import { readEvent } from '../../src/marker/event-payload.js';
import { describe, test } from 'node:test';
import {
  boundValue,
  capturedAttributes,
  composeAttributes,
  correlationAttributes,
  githubAttributes,
  MAX_ATTRIBUTES,
  sanitizeLabelName,
  type Attributes,
} from '../../src/marker/attributes.js';
import { pushContext } from '../../testing/runner.js';

/** githubAttributes over a payload as GitHub sends it, read as the action reads it. */
function githubAttributesOf(env: Parameters<typeof githubAttributes>[0], payload: unknown, options: Parameters<typeof githubAttributes>[2]) {
  return githubAttributes(env, readEvent(payload).event, options);
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function assertLabelNames(attributes: Attributes): void {
  for (const key of Object.keys(attributes)) {
    assert.match(key, LABEL_NAME, `"${key}" is not a Prometheus label name`);
    assert.ok(!key.startsWith('__'), `"${key}" starts with "__"`);
  }
}

function assertNoEmptyValues(attributes: Attributes): void {
  for (const [key, value] of Object.entries(attributes)) {
    assert.equal(typeof value, 'string', `${key} is not a string`);
    assert.notEqual(value, '', `${key} is sent empty`);
  }
}

describe('githubAttributes', () => {
  test('a push to a branch', () => {
    const env = {
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/payments-api',
      GITHUB_RUN_ID: '9876543210',
      GITHUB_RUN_NUMBER: '412',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_WORKFLOW: 'Deploy',
      GITHUB_WORKFLOW_REF: 'acme/payments-api/.github/workflows/deploy.yml@refs/heads/main',
      GITHUB_SHA: '3f2a9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REF_NAME: 'main',
      GITHUB_REF_TYPE: 'branch',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_ACTOR: 'octocat',
      GITHUB_TRIGGERING_ACTOR: 'octocat',
      GITHUB_JOB: 'deploy',
      GITHUB_ACTION: 'marker',
      RUNNER_OS: 'Linux',
      RUNNER_ENVIRONMENT: 'github-hosted',
    };
    const payload = { head_commit: { message: 'Fix rounding in invoice totals\n\nLong body that must not be sent.' } };
    const attributes = githubAttributesOf(env, payload, { matrix: {} });
    assert.deepEqual(attributes, {
      pipeline_slug: 'payments-api/deploy',
      pipeline_name: 'Deploy',
      build_id: '9876543210',
      build_number: '412',
      build_url: 'https://github.com/acme/payments-api/actions/runs/9876543210/attempts/1',
      commit_sha: '3f2a9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b',
      branch: 'main',
      commit_message: 'Fix rounding in invoice totals',
      actor: 'octocat',
      step_key: 'deploy',
      step_label: 'marker',
      source: 'push',
      retry_count: '0',
      github_repository: 'acme/payments-api',
      github_workflow_ref: 'acme/payments-api/.github/workflows/deploy.yml@refs/heads/main',
      github_ref: 'refs/heads/main',
      github_run_attempt: '1',
      runner_os: 'Linux',
      runner_environment: 'github-hosted',
    });
    assertLabelNames(attributes);
  });

  test('a pull_request: the head commit, the head branch and the PR number, not the merge commit', () => {
    const env = {
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/payments-api',
      GITHUB_RUN_ID: '111',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_SHA: 'merge000000000000000000000000000000000000',
      GITHUB_REF: 'refs/pull/42/merge',
      GITHUB_REF_NAME: '42/merge',
      GITHUB_REF_TYPE: 'branch',
      GITHUB_HEAD_REF: 'feature/faster-checkout',
      GITHUB_BASE_REF: 'main',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_ACTOR: 'dependabot[bot]',
    };
    const payload = { number: 42, pull_request: { number: 42, head: { sha: 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1', ref: 'feature/faster-checkout' } } };
    const attributes = githubAttributesOf(env, payload, { matrix: {} });
    assert.equal(attributes.commit_sha, 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1');
    assert.equal(attributes.branch, 'feature/faster-checkout');
    assert.equal(attributes.github_pr_number, '42');
    assert.equal(attributes.source, 'pull_request');
    assert.equal(attributes.github_ref, 'refs/pull/42/merge');
    assert.equal(attributes.tag, undefined);
    assert.equal(attributes.commit_message, undefined, 'a pull_request payload has no head_commit');
  });

  test('github_pr_number and the head sha are not taken on a push, even if the payload had a pull_request field', () => {
    const env = { GITHUB_EVENT_NAME: 'push', GITHUB_SHA: 'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2', GITHUB_REF_TYPE: 'branch', GITHUB_REF_NAME: 'main', GITHUB_HEAD_REF: '' };
    const attributes = githubAttributesOf(env, { pull_request: { number: 7, head: { sha: 'e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5' } } }, { matrix: {} });
    assert.equal(attributes.commit_sha, 'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2');
    assert.equal(attributes.branch, 'main');
    assert.equal(attributes.github_pr_number, undefined);
  });

  test('a tag run: tag set, no branch', () => {
    const env = {
      GITHUB_REPOSITORY: 'acme/payments-api',
      GITHUB_SHA: 'c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3',
      GITHUB_REF: 'refs/tags/v2.4.1',
      GITHUB_REF_NAME: 'v2.4.1',
      GITHUB_REF_TYPE: 'tag',
      GITHUB_EVENT_NAME: 'push',
    };
    const attributes = githubAttributesOf(env, {}, { matrix: {} });
    assert.equal(attributes.tag, 'v2.4.1');
    assert.ok(!('branch' in attributes), 'a tag run has no branch');
    assert.equal(attributes.commit_sha, 'c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3');
    assert.equal(attributes.github_ref, 'refs/tags/v2.4.1');
  });

  test('a branch run has no tag', () => {
    const attributes = githubAttributesOf({ GITHUB_REF_NAME: 'main', GITHUB_REF_TYPE: 'branch' }, {}, { matrix: {} });
    assert.equal(attributes.branch, 'main');
    assert.ok(!('tag' in attributes));
  });

  test('workflow_dispatch: source says so, nothing from a workflow_run', () => {
    const env = { GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_REF_TYPE: 'branch', GITHUB_REF_NAME: 'release', GITHUB_SHA: 'd4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4', GITHUB_RUN_ID: '5' };
    const attributes = githubAttributesOf(env, { inputs: { environment: 'production' }, ref: 'refs/heads/release' }, { matrix: {} });
    assert.equal(attributes.source, 'workflow_dispatch');
    assert.equal(attributes.branch, 'release');
    assert.equal(attributes.commit_sha, 'd4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4');
    assert.ok(!('triggered_from_build_id' in attributes));
    assert.ok(!('github_pr_number' in attributes));
  });

  test('workflow_run: triggered_from_build_id is the triggering run', () => {
    const env = { GITHUB_EVENT_NAME: 'workflow_run', GITHUB_RUN_ID: '2000', GITHUB_REF_TYPE: 'branch', GITHUB_REF_NAME: 'main' };
    const attributes = githubAttributesOf(env, { workflow_run: { id: 1999, conclusion: 'success' } }, { matrix: {} });
    assert.equal(attributes.triggered_from_build_id, '1999');
    assert.equal(attributes.build_id, '2000');
    assert.equal(attributes.source, 'workflow_run');
  });

  test('triggered_from_build_id is only read on workflow_run events', () => {
    const attributes = githubAttributesOf({ GITHUB_EVENT_NAME: 'push' }, { workflow_run: { id: 1999 } }, { matrix: {} });
    assert.ok(!('triggered_from_build_id' in attributes));
  });

  test('a re-run: attempt 3 has retry_count 2, is rebuilt from its own run, and links to attempt 3', () => {
    const env = {
      GITHUB_SERVER_URL: 'https://github.example.com',
      GITHUB_REPOSITORY: 'acme/payments-api',
      GITHUB_RUN_ID: '777',
      GITHUB_RUN_ATTEMPT: '3',
    };
    const attributes = githubAttributesOf(env, {}, { matrix: {} });
    assert.equal(attributes.retry_count, '2');
    assert.equal(attributes.rebuilt_from_build_id, '777');
    assert.equal(attributes.github_run_attempt, '3');
    assert.ok(attributes.build_url?.endsWith('/attempts/3'), attributes.build_url);
    assert.equal(attributes.build_url, 'https://github.example.com/acme/payments-api/actions/runs/777/attempts/3', 'GHES server URL is used');
  });

  test('a first attempt is not a rebuild', () => {
    const attributes = githubAttributesOf({ GITHUB_RUN_ID: '777', GITHUB_RUN_ATTEMPT: '1' }, {}, { matrix: {} });
    assert.equal(attributes.retry_count, '0');
    assert.ok(!('rebuilt_from_build_id' in attributes));
  });

  for (const [ref, slug] of [
    ['acme/payments-api/.github/workflows/deploy.yml@refs/heads/main', 'payments-api/deploy'],
    ['acme/payments-api/.github/workflows/release.yaml@refs/tags/v1', 'payments-api/release'],
    ['acme/payments-api/.github/workflows/ci.prod.yml@refs/pull/3/merge', 'payments-api/ci.prod'],
  ] as const) {
    test(`pipeline_slug from GITHUB_WORKFLOW_REF ${ref}`, () => {
      const attributes = githubAttributesOf({ GITHUB_REPOSITORY: 'acme/payments-api', GITHUB_WORKFLOW_REF: ref }, {}, { matrix: {} });
      assert.equal(attributes.pipeline_slug, slug);
    });
  }

  test('no pipeline_slug without GITHUB_WORKFLOW_REF', () => {
    const attributes = githubAttributesOf({ GITHUB_REPOSITORY: 'acme/payments-api', GITHUB_WORKFLOW: 'Deploy' }, {}, { matrix: {} });
    assert.ok(!('pipeline_slug' in attributes));
    assert.equal(attributes.pipeline_name, 'Deploy');
  });

  for (const generated of ['__acme_deployment-marker', '__run', '__run_2', '__actions_checkout']) {
    test(`step_label omitted for the generated step id ${generated}`, () => {
      const attributes = githubAttributesOf({ GITHUB_ACTION: generated, GITHUB_JOB: 'deploy' }, {}, { matrix: {} });
      assert.ok(!('step_label' in attributes));
      assert.equal(attributes.step_key, 'deploy');
    });
  }

  test('step_label is a user-written step id', () => {
    assert.equal(githubAttributesOf({ GITHUB_ACTION: 'mark_deploy' }, {}, { matrix: {} }).step_label, 'mark_deploy');
  });

  test('actor is the triggering actor, falling back to GITHUB_ACTOR', () => {
    assert.equal(githubAttributesOf({ GITHUB_ACTOR: 'alice', GITHUB_TRIGGERING_ACTOR: 'bob' }, {}, { matrix: {} }).actor, 'bob');
    assert.equal(githubAttributesOf({ GITHUB_ACTOR: 'alice' }, {}, { matrix: {} }).actor, 'alice');
    assert.equal(githubAttributesOf({ GITHUB_ACTOR: 'alice', GITHUB_TRIGGERING_ACTOR: '' }, {}, { matrix: {} }).actor, 'alice');
  });

  test('commit_message: only the first line, trimmed', () => {
    const payload = { head_commit: { message: '  Bump lodash to 4.17.21  \r\nSigned-off-by: someone' } };
    assert.equal(githubAttributesOf({}, payload, { matrix: {} }).commit_message, 'Bump lodash to 4.17.21');
  });

  test('commit_message: a long first line is cut to 200 characters', () => {
    const longLine = 'x'.repeat(199) + 'YZ' + 'w'.repeat(500);
    const message = githubAttributesOf({}, { head_commit: { message: `${longLine}\nbody` } }, { matrix: {} }).commit_message;
    assert.equal(message?.length, 200);
    assert.equal(message, 'x'.repeat(199) + 'Y');
  });

  test('commit_message: the 200-character cut counts characters, not UTF-16 units (no broken emoji)', () => {
    const message = githubAttributesOf({}, { head_commit: { message: '🚀'.repeat(300) } }, { matrix: {} }).commit_message ?? '';
    assert.equal([...message].length, 200);
    assert.equal(message, '🚀'.repeat(200));
  });

  test('commit_message: a non-string message or an empty first line is left out', () => {
    assert.ok(!('commit_message' in githubAttributesOf({}, { head_commit: { message: { text: 'x' } } }, { matrix: {} })));
    assert.ok(!('commit_message' in githubAttributesOf({}, { head_commit: { message: '   \nsecond line' } }, { matrix: {} })));
    assert.ok(!('commit_message' in githubAttributesOf({}, { head_commit: null }, { matrix: {} })));
  });

  test('job_id and github_job_url come from jobCheckRunId', () => {
    const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/api', GITHUB_RUN_ID: '555', GITHUB_RUN_ATTEMPT: '2' };
    const attributes = githubAttributesOf(env, {}, { jobCheckRunId: '31415926535', matrix: {} });
    assert.equal(attributes.job_id, '31415926535');
    assert.equal(attributes.github_job_url, 'https://github.com/acme/api/actions/runs/555/job/31415926535');
  });

  test('no job_id and no github_job_url without jobCheckRunId', () => {
    const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/api', GITHUB_RUN_ID: '555' };
    const attributes = githubAttributesOf(env, {}, { matrix: {} });
    assert.ok(!('job_id' in attributes));
    assert.ok(!('github_job_url' in attributes));
  });

  test('matrix: matrix_<key> for scalar values only, keys made label names', () => {
    const matrix = { os: 'ubuntu-latest', 'node-version': 22, experimental: false, include: [{ os: 'windows' }], config: { a: 1 }, empty: '', nothing: null };
    const attributes = githubAttributesOf({}, {}, { matrix });
    assert.deepEqual(attributes, { matrix_os: 'ubuntu-latest', matrix_node_version: '22', matrix_experimental: 'false' });
    assertLabelNames(attributes);
  });

  test('unknown values are left out, never sent as empty strings', () => {
    assert.deepEqual(githubAttributesOf({}, {}, { matrix: {} }), {});
    const allEmpty = {
      GITHUB_SERVER_URL: '',
      GITHUB_REPOSITORY: '',
      GITHUB_RUN_ID: '',
      GITHUB_RUN_NUMBER: '',
      GITHUB_RUN_ATTEMPT: '',
      GITHUB_WORKFLOW: '',
      GITHUB_WORKFLOW_REF: '',
      GITHUB_SHA: '',
      GITHUB_REF: '',
      GITHUB_REF_NAME: '',
      GITHUB_REF_TYPE: '',
      GITHUB_HEAD_REF: '',
      GITHUB_EVENT_NAME: '',
      GITHUB_ACTOR: '',
      GITHUB_TRIGGERING_ACTOR: '',
      GITHUB_JOB: '',
      GITHUB_ACTION: '',
      RUNNER_OS: '',
      RUNNER_ENVIRONMENT: '',
    };
    assert.deepEqual(githubAttributesOf(allEmpty, {}, { jobCheckRunId: '', matrix: {} }), {});
  });

  test('a pull request whose head has no sha and no head ref: no commit_sha, no branch, not empty strings', () => {
    const env = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_SHA: 'merge', GITHUB_HEAD_REF: '', GITHUB_REF_TYPE: 'branch', GITHUB_REF_NAME: '1/merge' };
    const attributes = githubAttributesOf(env, { pull_request: { number: 1, head: {} } }, { matrix: {} });
    assertNoEmptyValues(attributes);
    assert.ok(!('commit_sha' in attributes));
    assert.ok(!('branch' in attributes));
    assert.equal(attributes.github_pr_number, '1');
  });
});

describe('sanitizeLabelName', () => {
  for (const [key, label] of [
    ['team.name', 'team_name'],
    ['team-name', 'team_name'],
    ['9lives', '_9lives'],
    ['scm.commit_sha', 'scm_commit_sha'],
    ['Region', 'Region'],
    ['_private', '_private'],
    ['  padded  ', 'padded'],
    ['a b/c:d', 'a_b_c_d'],
    ['.x', '_x'],
    ['-y', '_y'],
  ] as const) {
    test(`"${key}" becomes "${label}"`, () => {
      assert.equal(sanitizeLabelName(key), label);
    });
  }

  for (const key of ['__x', '__name__', '_.x', '', '   ']) {
    test(`${JSON.stringify(key)} is refused`, () => {
      assert.equal(sanitizeLabelName(key), undefined);
    });
  }

  test('non-ASCII letters become "_"', () => {
    assert.equal(sanitizeLabelName('teamé'), 'team_');
    assert.equal(sanitizeLabelName('ünïcode'), '_n_code');
  });

  test('a character outside the BMP (an emoji) becomes one "_", as the schema counts characters, not UTF-16 units', () => {
    // attribute-schema.md: "characters outside [a-zA-Z0-9_] become _". One emoji is one character,
    // so "🚀stage" should become "_stage"; replacing each UTF-16 unit gives "__stage", which is then refused.
    assert.equal(sanitizeLabelName('🚀stage'), '_stage');
  });
});

describe('composeAttributes', () => {
  const correlation = (): Attributes =>
    correlationAttributes({ service: 'payments-api', env: 'production', deploymentId: 'dep-1', version: 'v1.2.3' });

  test('precedence: CI context < user attributes < correlation', () => {
    const { attributes, warnings } = composeAttributes({
      github: { commit_sha: 'from-ci', branch: 'main', version: 'from-ci' },
      user: { commit_sha: 'from-user', version: 'from-user', team: 'payments' },
      correlation: correlation(),
    });
    assert.equal(attributes.commit_sha, 'from-user', 'a user attribute replaces CI context');
    assert.equal(attributes.branch, 'main');
    assert.equal(attributes.team, 'payments');
    assert.equal(attributes.version, 'v1.2.3', 'the version input wins over both');
    assert.equal(attributes.service_name, 'payments-api');
    assert.equal(attributes.deployment_environment, 'production');
    assert.equal(attributes.service, 'payments-api');
    assert.equal(attributes.env, 'production');
    assert.equal(attributes.deployment_id, 'dep-1');
    assert.deepEqual(warnings, ['custom attribute keys "version" were dropped: the version input (or the tag) sets them']);
  });

  test('without a version input, a user "version" is sent', () => {
    const { attributes } = composeAttributes({
      github: {},
      user: { version: 'from-user' },
      correlation: correlationAttributes({ service: 's', env: 'e', deploymentId: 'd' }),
    });
    assert.equal(attributes.version, 'from-user');
  });

  for (const key of ['deployment_id', 'result', 'duration_ms', 'service_name', 'deployment_environment', 'service', 'env']) {
    test(`reserved key ${key} cannot be set by the user, and that is reported`, () => {
      const { attributes, warnings } = composeAttributes({ github: {}, user: { [key]: 'hijack' }, correlation: correlation() });
      assert.notEqual(attributes[key], 'hijack');
      assert.ok(!Object.values(attributes).includes('hijack'));
      assert.equal(warnings.length, 1);
      assert.ok(warnings[0]?.includes(`"${key}"`), warnings[0]);
    });
  }

  test('a user key that sanitizes to a reserved key is refused too', () => {
    const { attributes, warnings } = composeAttributes({ github: {}, user: { 'service.name': 'other', 'deployment-id': 'x' }, correlation: correlation() });
    assert.equal(attributes.service_name, 'payments-api');
    assert.equal(attributes.deployment_id, 'dep-1');
    assert.ok(!('service.name' in attributes));
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /service\.name/);
    assert.match(warnings[0] ?? '', /deployment-id/);
  });

  test('user keys are sanitized', () => {
    const { attributes } = composeAttributes({ github: {}, user: { 'team.name': 'payments', '9lives': 'cat' }, correlation: correlation() });
    assert.equal(attributes.team_name, 'payments');
    assert.equal(attributes._9lives, 'cat');
    assert.ok(!('team.name' in attributes));
  });

  test('"__" keys are dropped with a warning naming them', () => {
    const { attributes, warnings } = composeAttributes({ github: {}, user: { __name__: 'evil', __meta: 'x', ok: 'yes' }, correlation: correlation() });
    assert.ok(!('__name__' in attributes));
    assert.ok(!('__meta' in attributes));
    assert.ok(!('name__' in attributes));
    assert.equal(attributes.ok, 'yes');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /__name__/);
    assert.match(warnings[0] ?? '', /__meta/);
  });

  test('10,000 refused keys make one short warning that counts them; "__proto__" is refused by name', () => {
    const user = Object.fromEntries([['__proto__', 'x'], ...Array.from({ length: 10_000 }, (_, index) => [`__k${index}`, 'v'])]);
    const { attributes, warnings } = composeAttributes({ github: {}, user, correlation: correlation() });
    assert.deepEqual(Object.keys(attributes).sort(), Object.keys(correlation()).sort());
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /^custom attribute keys "__proto__", "__k0", .* and 9981 more were dropped: keys starting with "__" are reserved by Prometheus$/);
    assert.ok((warnings[0] ?? '').length < 500, `${warnings[0]?.length} characters`);
  });

  test('a key longer than 128 characters is dropped with a warning quoting it short: it would not fit in the hand-off', () => {
    const key = `k${'e'.repeat(128)}`;
    const { attributes, warnings } = composeAttributes({ github: {}, user: { [key]: 'v', [`a${'b'.repeat(127)}`]: 'kept' }, correlation: correlation() });
    assert.deepEqual(Object.keys(attributes).filter((name) => !(name in correlation())), [`a${'b'.repeat(127)}`]);
    assert.deepEqual(warnings, [`custom attribute keys "k${'e'.repeat(39)}"… were dropped: a label name is at most 128 characters`]);
  });

  test('the attributes take at most 12,000 characters as JSON: user keys go first, newest last, with one warning', () => {
    const wide = '🚀'.repeat(255);
    const user = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`u${index}`, wide]));
    const { attributes, warnings } = composeAttributes({ github: { commit_sha: 'c'.repeat(40) }, user, correlation: correlation() });
    assert.ok(JSON.stringify(attributes).length <= 12_000, `${JSON.stringify(attributes).length}`);
    assert.equal(attributes.commit_sha, 'c'.repeat(40));
    for (const key of Object.keys(correlation())) assert.ok(key in attributes, key);
    const kept = Object.keys(user).filter((key) => key in attributes);
    assert.deepEqual(kept, Object.keys(user).slice(0, 22), 'the first user keys are kept');
    assert.deepEqual(warnings, [`an event's attributes take at most 12000 characters as JSON; dropped ${Array.from({ length: 18 }, (_, index) => `"u${22 + index}"`).join(', ')}`]);
  });

  test('an empty user value is left out, not sent empty', () => {
    const { attributes } = composeAttributes({ github: { branch: 'main' }, user: { team: '' }, correlation: correlation() });
    assert.ok(!('team' in attributes));
    assertNoEmptyValues(attributes);
  });

  test('1,000 user keys: at most 64 attributes, correlation and CI kept, the dropped user keys reported', () => {
    const github: Attributes = {};
    for (let i = 0; i < 20; i++) github[`ci_${i}`] = `c${i}`;
    const user: Attributes = {};
    for (let i = 0; i < 1000; i++) user[`user_key_${i}`] = `u${i}`;
    const corr = correlation();
    const { attributes, warnings } = composeAttributes({ github, user, correlation: corr });

    assert.equal(Object.keys(attributes).length, MAX_ATTRIBUTES);
    assert.equal(MAX_ATTRIBUTES, 64);
    for (const [key, value] of Object.entries(corr)) assert.equal(attributes[key], value, `correlation ${key} kept`);
    for (const [key, value] of Object.entries(github)) assert.equal(attributes[key], value, `CI ${key} kept`);

    const keptUser = Object.keys(user).filter((key) => key in attributes);
    const droppedUser = Object.keys(user).filter((key) => !(key in attributes));
    assert.equal(keptUser.length, 64 - Object.keys(corr).length - Object.keys(github).length);
    assert.equal(droppedUser.length, 1000 - keptUser.length);

    assert.equal(warnings.length, 1, JSON.stringify(warnings));
    const warning = warnings[0] ?? '';
    assert.match(warning, /64/);
    assert.ok(warning.includes(`"${droppedUser[0]}"`), `names the first dropped key: ${warning}`);
    assert.ok(!warning.includes(`"${keptUser[0]}"`), 'does not name a kept key');
    assert.ok(warning.includes(String(droppedUser.length - 20)), `says how many more were dropped: ${warning}`);
    assert.ok(warning.length < 2000, 'the warning stays readable');
    assertLabelNames(attributes);
  });

  test('a smaller limit (the start leaving room for the stop) is honoured', () => {
    const user: Attributes = {};
    for (let i = 0; i < 100; i++) user[`k${i}`] = 'v';
    const { attributes } = composeAttributes({ github: { branch: 'main' }, user, correlation: correlation() }, 62);
    assert.equal(Object.keys(attributes).length, 62);
    assert.equal(attributes.branch, 'main');
    assert.equal(attributes.deployment_id, 'dep-1');
  });

  test('a 10 kB value is cut to 255 characters, with one warning naming the key', () => {
    const { attributes, warnings } = composeAttributes({
      github: { commit_sha: 'abc' },
      user: { changelog: 'a'.repeat(10_240), notes: 'b'.repeat(300) },
      correlation: correlation(),
    });
    assert.equal(attributes.changelog, 'a'.repeat(255));
    assert.equal(attributes.notes, 'b'.repeat(255));
    assert.equal(attributes.commit_sha, 'abc');
    assert.equal(warnings.length, 1, JSON.stringify(warnings));
    assert.match(warnings[0] ?? '', /255/);
    assert.match(warnings[0] ?? '', /changelog/);
    assert.match(warnings[0] ?? '', /notes/);
  });

  test('a value of exactly 255 characters is neither cut nor reported', () => {
    const { attributes, warnings } = composeAttributes({ github: {}, user: { exact: 'z'.repeat(255) }, correlation: correlation() });
    assert.equal(attributes.exact, 'z'.repeat(255));
    assert.deepEqual(warnings, []);
  });

  test('control characters and newlines become spaces', () => {
    const { attributes } = composeAttributes({
      github: { commit_message: 'line one\nline two' },
      user: { note: 'a\tb\r\nc\u0000d\u007fe\u2028f' },
      correlation: correlation(),
    });
    assert.equal(attributes.commit_message, 'line one line two');
    assert.equal(attributes.note, 'a b  c d e f');
    for (const value of Object.values(attributes)) {
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(value, /[\u0000-\u001f\u007f]/);
    }
  });

  test('non-ASCII is kept and counted as characters, not UTF-16 units', () => {
    const { attributes, warnings } = composeAttributes({
      github: {},
      user: { emoji: '🚀'.repeat(255), cjk: '部署'.repeat(100), long_emoji: '🎉'.repeat(300) },
      correlation: correlation(),
    });
    assert.equal(attributes.emoji, '🚀'.repeat(255), '255 emoji are 255 characters: not cut');
    assert.equal(attributes.cjk, '部署'.repeat(100));
    assert.equal(attributes.long_emoji, '🎉'.repeat(255), 'cut at 255 characters without splitting a surrogate pair');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /long_emoji/);
    assert.doesNotMatch(warnings[0] ?? '', /"emoji"/);
    assert.doesNotMatch(warnings[0] ?? '', /cjk/);
  });

  test('every resulting key is a Prometheus label name not starting with "__"', () => {
    const user: Attributes = {
      'team.name': 'a',
      'x-y-z': 'b',
      '1st': 'c',
      'a b': 'd',
      '_-hidden': 'e',
      'ünïcode': 'f',
      '': 'g',
      '  ': 'h',
      'k/8s': 'i',
    };
    const { attributes } = composeAttributes({ github: { 'matrix_os': 'linux' }, user, correlation: correlation() });
    assertLabelNames(attributes);
    assertNoEmptyValues(attributes);
    assert.equal(attributes.team_name, 'a');
    assert.equal(attributes._1st, 'c');
    assert.equal(attributes.k_8s, 'i');
  });
});

// Captures, GitHub Enterprise Server links, an oversized matrix, and the value bounds on their own.
function enterprisePushEnv(overrides: Record<string, string>): Record<string, string> {
  return { ...pushContext(), ...overrides };
}

describe('more context', () => {
  test('GitHub Enterprise Server: links use GITHUB_SERVER_URL', () => {
    const attributes = githubAttributesOf(enterprisePushEnv({ GITHUB_SERVER_URL: 'https://ghe.example.com' }), {}, { jobCheckRunId: '9', matrix: {} });
    assert.match(attributes.build_url ?? '', /^https:\/\/ghe\.example\.com\/acme\/payments-api\//);
    assert.match(attributes.github_job_url ?? '', /^https:\/\/ghe\.example\.com\//);
  });

  test('a GITHUB_SERVER_URL with user-info: no link is built on it, so its password reaches no label', () => {
    const attributes = githubAttributesOf(enterprisePushEnv({ GITHUB_SERVER_URL: 'https://deploy:s3cret-pass@ghe.example.com' }), {}, { jobCheckRunId: '9', matrix: {} });
    assert.deepEqual([attributes.build_url, attributes.github_job_url], [undefined, undefined]);
    assert.ok(!JSON.stringify(attributes).includes('s3cret-pass'));
  });

  test('a huge matrix cannot push out the correlation attributes', () => {
    const github = Object.fromEntries(Array.from({ length: 100 }, (_, index) => [`matrix_k${index}`, 'v']));
    const { attributes, warnings } = composeAttributes({ github, user: {}, correlation: correlationAttributes({ service: 'payments-api', env: 'production', deploymentId: 'id-1', version: '1.4.2' }) });
    assert.equal(Object.keys(attributes).length, MAX_ATTRIBUTES);
    for (const key of ['service_name', 'deployment_environment', 'service', 'env', 'deployment_id', 'version']) assert.ok(attributes[key], key);
    assert.equal(warnings.length, 1);
  });
});

describe('capturedAttributes', () => {
  test('only the listed environment variables and workflow_dispatch inputs', () => {
    const env = { HELM_CHART: 'payments-1.2', SECRET_TOKEN: 'nope', EMPTY: '' };
    const payload = { inputs: { reason: 'hotfix', 'canary-percent': 10, force: true, other: 'x' } };
    assert.deepEqual(capturedAttributes(env, readEvent(payload).event.inputs, ['HELM_CHART', 'EMPTY', 'MISSING'], ['reason', 'canary-percent', 'force', 'absent']), {
      env_helm_chart: 'payments-1.2',
      build_param_reason: 'hotfix',
      'build_param_canary-percent': '10',
      build_param_force: 'true',
    });
  });

  test('no inputs on events without them', () => {
    assert.deepEqual(capturedAttributes({}, {}, [], ['reason']), {});
  });
});

describe('boundValue', () => {
  test('cuts at 255 characters, never inside a character', () => {
    const cut = boundValue('🚀'.repeat(300));
    assert.equal([...cut].length, 255);
    assert.ok(cut.isWellFormed());
  });

  test('line and paragraph separators and C1 controls become spaces', () => {
    assert.equal(boundValue('a\r\nb\u2028c\u0085d'), 'a  b c d');
  });
});
