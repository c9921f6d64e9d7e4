import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  boundValue,
  capturedAttributes,
  composeAttributes,
  correlationAttributes,
  githubAttributes,
  MAX_ATTRIBUTES,
  sanitizeLabelName,
} from '../src/attributes.js';

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** The environment GitHub gives a job on a push of main to acme/payments-api. */
function pushEnv(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/payments-api',
    GITHUB_RUN_ID: '111',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'Deploy',
    GITHUB_WORKFLOW_REF: 'acme/payments-api/.github/workflows/deploy.yaml@refs/heads/main',
    GITHUB_JOB: 'deploy',
    GITHUB_ACTION: 'marker',
    GITHUB_SHA: 'aaaa111',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_REF_TYPE: 'branch',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_ACTOR: 'octocat',
    GITHUB_TRIGGERING_ACTOR: 'hubot',
    RUNNER_OS: 'Linux',
    RUNNER_ENVIRONMENT: 'github-hosted',
    ...overrides,
  };
}

const noOptions = { matrix: {} };

describe('githubAttributes', () => {
  test('a push: Buildkite names from the GITHUB_* context', () => {
    const attributes = githubAttributes(pushEnv(), { head_commit: { message: 'Fix checkout\n\nLong body' } }, { jobCheckRunId: '555', matrix: {} });
    assert.deepEqual(attributes, {
      pipeline_slug: 'payments-api/deploy',
      pipeline_name: 'Deploy',
      build_id: '111',
      build_number: '7',
      build_url: 'https://github.com/acme/payments-api/actions/runs/111/attempts/1',
      commit_sha: 'aaaa111',
      branch: 'main',
      commit_message: 'Fix checkout',
      actor: 'hubot',
      step_key: 'deploy',
      step_label: 'marker',
      job_id: '555',
      source: 'push',
      retry_count: '0',
      github_repository: 'acme/payments-api',
      github_workflow_ref: 'acme/payments-api/.github/workflows/deploy.yaml@refs/heads/main',
      github_ref: 'refs/heads/main',
      github_run_attempt: '1',
      github_job_url: 'https://github.com/acme/payments-api/actions/runs/111/job/555',
      runner_os: 'Linux',
      runner_environment: 'github-hosted',
    });
  });

  test('a pull request: the pushed head commit and branch, and the PR number', () => {
    const env = pushEnv({
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_SHA: 'merge0000',
      GITHUB_REF: 'refs/pull/42/merge',
      GITHUB_REF_NAME: '42/merge',
      GITHUB_HEAD_REF: 'feature/faster-cart',
    });
    const attributes = githubAttributes(env, { pull_request: { number: 42, head: { sha: 'head4242' } } }, noOptions);
    assert.equal(attributes.commit_sha, 'head4242', 'not the test merge commit');
    assert.equal(attributes.branch, 'feature/faster-cart');
    assert.equal(attributes.github_pr_number, '42');
    assert.equal(attributes.tag, undefined);
    assert.equal(attributes.commit_message, undefined, 'pull requests have no head_commit');
  });

  test('a tag run: tag set, no branch', () => {
    const attributes = githubAttributes(pushEnv({ GITHUB_REF: 'refs/tags/v1.4.2', GITHUB_REF_NAME: 'v1.4.2', GITHUB_REF_TYPE: 'tag' }), {}, noOptions);
    assert.equal(attributes.tag, 'v1.4.2');
    assert.equal(attributes.branch, undefined);
  });

  test('a workflow_dispatch run', () => {
    const attributes = githubAttributes(pushEnv({ GITHUB_EVENT_NAME: 'workflow_dispatch' }), { inputs: { version: '1.2' } }, noOptions);
    assert.equal(attributes.source, 'workflow_dispatch');
    assert.equal(attributes.branch, 'main');
    assert.equal(attributes.triggered_from_build_id, undefined);
    assert.equal(attributes.github_pr_number, undefined);
  });

  test('a workflow_run: the run that triggered this one', () => {
    const attributes = githubAttributes(pushEnv({ GITHUB_EVENT_NAME: 'workflow_run' }), { workflow_run: { id: 98765 } }, noOptions);
    assert.equal(attributes.triggered_from_build_id, '98765');
    assert.equal(attributes.source, 'workflow_run');
    const push = githubAttributes(pushEnv(), { workflow_run: { id: 98765 } }, noOptions);
    assert.equal(push.triggered_from_build_id, undefined, 'only on workflow_run events');
  });

  test('a re-run attempt: retry_count, rebuilt_from_build_id and the attempt in build_url', () => {
    const attributes = githubAttributes(pushEnv({ GITHUB_RUN_ATTEMPT: '3' }), {}, noOptions);
    assert.equal(attributes.retry_count, '2');
    assert.equal(attributes.rebuilt_from_build_id, '111');
    assert.equal(attributes.github_run_attempt, '3');
    assert.match(attributes.build_url ?? '', /\/actions\/runs\/111\/attempts\/3$/);
    assert.equal(githubAttributes(pushEnv(), {}, noOptions).rebuilt_from_build_id, undefined);
  });

  test('GitHub Enterprise Server: links use GITHUB_SERVER_URL', () => {
    const attributes = githubAttributes(pushEnv({ GITHUB_SERVER_URL: 'https://ghe.example.com' }), {}, { jobCheckRunId: '9', matrix: {} });
    assert.match(attributes.build_url ?? '', /^https:\/\/ghe\.example\.com\/acme\/payments-api\//);
    assert.match(attributes.github_job_url ?? '', /^https:\/\/ghe\.example\.com\//);
  });

  test('unknown values are left out, never sent empty', () => {
    const attributes = githubAttributes({ GITHUB_REPOSITORY: 'acme/payments-api', GITHUB_ACTOR: '', GITHUB_ACTION: '__acme_deployment-marker' }, {}, noOptions);
    assert.deepEqual(attributes, { github_repository: 'acme/payments-api' });
  });

  test('a generated step id is not a step_label; actor falls back to GITHUB_ACTOR', () => {
    const attributes = githubAttributes(pushEnv({ GITHUB_ACTION: '__run_2', GITHUB_TRIGGERING_ACTOR: undefined }), {}, noOptions);
    assert.equal(attributes.step_label, undefined);
    assert.equal(attributes.actor, 'octocat');
  });

  test('commit_message is the first line, at most 200 characters', () => {
    const attributes = githubAttributes(pushEnv(), { head_commit: { message: `${'é'.repeat(300)}\nsecond line` } }, noOptions);
    assert.equal(attributes.commit_message, 'é'.repeat(200));
  });

  test('matrix values become matrix_<key>; only scalars', () => {
    const attributes = githubAttributes(pushEnv(), {}, { matrix: { region: 'eu-west-1', shard: 3, canary: false, 'node-version': '24', include: { a: 1 }, list: [1] } });
    assert.equal(attributes.matrix_region, 'eu-west-1');
    assert.equal(attributes.matrix_shard, '3');
    assert.equal(attributes.matrix_canary, 'false');
    assert.equal(attributes.matrix_node_version, '24');
    assert.equal(attributes.matrix_include, undefined);
    assert.equal(attributes.matrix_list, undefined);
  });
});

describe('capturedAttributes', () => {
  test('only the listed environment variables and workflow_dispatch inputs', () => {
    const env = { HELM_CHART: 'payments-1.2', SECRET_TOKEN: 'nope', EMPTY: '' };
    const payload = { inputs: { reason: 'hotfix', 'canary-percent': 10, force: true, other: 'x' } };
    assert.deepEqual(capturedAttributes(env, payload, ['HELM_CHART', 'EMPTY', 'MISSING'], ['reason', 'canary-percent', 'force', 'absent']), {
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

describe('sanitizeLabelName', () => {
  const cases: Array<[string, string | undefined]> = [
    ['team', 'team'],
    ['team.name', 'team_name'],
    ['team-name', 'team_name'],
    ['cost center', 'cost_center'],
    ['9lives', '_9lives'],
    ['ñandú', '_and_'],
    ['__name__', undefined],
    ['..hidden', undefined],
    ['', undefined],
    ['   ', undefined],
  ];
  for (const [key, expected] of cases) {
    test(`${JSON.stringify(key)} → ${JSON.stringify(expected)}`, () => {
      const label = sanitizeLabelName(key);
      assert.equal(label, expected);
      if (label !== undefined) assert.match(label, LABEL_NAME);
    });
  }
});

describe('composeAttributes', () => {
  const correlation = correlationAttributes({ service: 'payments-api', env: 'production', deploymentId: 'id-1', version: '1.4.2' });

  test('precedence: CI context < user < correlation', () => {
    const { attributes, warnings } = composeAttributes({
      github: { commit_sha: 'from-ci', branch: 'main' },
      user: { commit_sha: 'from-user', 'team.name': 'payments', version: 'user-version' },
      correlation,
    });
    assert.equal(attributes.commit_sha, 'from-user', 'a user attribute may replace CI context');
    assert.equal(attributes.branch, 'main');
    assert.equal(attributes.team_name, 'payments');
    assert.equal(attributes.version, '1.4.2', 'the version input wins over a user attribute');
    assert.deepEqual(warnings, []);
  });

  test('reserved keys cannot be overridden, and the user is told', () => {
    const user = Object.fromEntries(['deployment_id', 'result', 'duration_ms', 'service_name', 'deployment_environment', 'service', 'env'].map((key) => [key, 'hijack']));
    const { attributes, warnings } = composeAttributes({ github: {}, user: { ...user, 'service.name': 'dotted-hijack' }, correlation });
    assert.ok(!Object.values(attributes).includes('hijack'));
    assert.ok(!Object.values(attributes).includes('dotted-hijack'), 'sanitizing a key does not get around the reservation');
    assert.equal(attributes.deployment_id, 'id-1');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /"deployment_id".*"service\.name".*were dropped/);
  });

  test('keys starting with __ are dropped with a warning', () => {
    const { attributes, warnings } = composeAttributes({ github: {}, user: { __name__: 'x', ok: 'y' }, correlation });
    assert.equal(attributes.ok, 'y');
    assert.ok(!('__name__' in attributes));
    assert.match(warnings[0] ?? '', /"__name__".*reserved by Prometheus/);
  });

  test('1,000 user keys: at most 64 attributes, the schema kept, the dropped keys named', () => {
    const github = { commit_sha: 'abc', branch: 'main', build_id: '1' };
    const user = Object.fromEntries(Array.from({ length: 1_000 }, (_, index) => [`k${index}`, 'v']));
    const { attributes, warnings } = composeAttributes({ github, user, correlation });
    assert.equal(Object.keys(attributes).length, MAX_ATTRIBUTES);
    for (const key of [...Object.keys(github), ...Object.keys(correlation)]) assert.ok(key in attributes, key);
    const keptUser = MAX_ATTRIBUTES - Object.keys(github).length - Object.keys(correlation).length;
    assert.ok('k0' in attributes && `k${keptUser - 1}` in attributes && !(`k${keptUser}` in attributes), 'the first user keys are kept');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', new RegExp(`dropped "k${keptUser}".* and ${1_000 - keptUser - 20} more`));
  });

  test('a smaller limit leaves room (the start keeps two for the stop)', () => {
    const user = Object.fromEntries(Array.from({ length: 100 }, (_, index) => [`k${index}`, 'v']));
    assert.equal(Object.keys(composeAttributes({ github: {}, user, correlation }, MAX_ATTRIBUTES - 2).attributes).length, 62);
  });

  test('a huge matrix cannot push out the correlation attributes', () => {
    const github = Object.fromEntries(Array.from({ length: 100 }, (_, index) => [`matrix_k${index}`, 'v']));
    const { attributes, warnings } = composeAttributes({ github, user: {}, correlation });
    assert.equal(Object.keys(attributes).length, MAX_ATTRIBUTES);
    for (const key of Object.keys(correlation)) assert.equal(attributes[key], correlation[key]);
    assert.equal(warnings.length, 1);
  });

  test('values are bounded, single-line strings; one warning names the cut keys', () => {
    const { attributes, warnings } = composeAttributes({
      github: { commit_message: 'a\nb\tc\u0000d' },
      user: { notes: 'x'.repeat(10_000), owner: 'Zoë 支付 🚀' },
      correlation,
    });
    assert.equal(attributes.commit_message, 'a b c d');
    assert.equal(attributes.notes, 'x'.repeat(255));
    assert.equal(attributes.owner, 'Zoë 支付 🚀');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /longer than 255 characters were cut: "notes"$/);
    for (const key of Object.keys(attributes)) assert.match(key, LABEL_NAME);
  });

  test('empty user values are left out', () => {
    const { attributes } = composeAttributes({ github: { branch: 'main' }, user: { branch: '', team: '' }, correlation });
    assert.equal(attributes.branch, 'main');
    assert.ok(!('team' in attributes));
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
