import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { describeInputProblem, readSettings, type InputProblem, type Settings, type SettingsResult } from '../../src/runner/settings.js';

type Env = Record<string, string | undefined>;

/** The clock the tests read settings at: a started_at is judged against it. */
const NOW_MS = Date.parse('2026-01-15T18:00:00Z');

/** Runs readSettings over the given inputs; an input not listed reads as '' (what getInput gives for an unset input). */
function read(inputs: Record<string, string>, env: Env): SettingsResult {
  return readSettings((name) => inputs[name] ?? '', env, NOW_MS);
}

function settingsOf(result: SettingsResult): Settings {
  assert.deepEqual(result.problems, [], 'expected no input problems');
  assert.ok(result.settings, 'expected settings when there are no problems');
  return result.settings;
}

function onlyProblem(result: SettingsResult, input: string): InputProblem {
  assert.equal(result.settings, undefined, 'settings must not be produced when an input is bad');
  assert.equal(result.problems.length, 1, `expected exactly one problem, got ${JSON.stringify(result.problems)}`);
  const [problem] = result.problems;
  assert.ok(problem);
  assert.equal(problem.input, input);
  assert.ok(problem.message.length > 0);
  return problem;
}

describe('readSettings: required inputs and defaults', () => {
  test('only the two required inputs: every other setting has its documented default', () => {
    const result = read(
      { refresh_token: 'rt-123456', env: 'production' },
      { GITHUB_REPOSITORY: 'acme/payments-api', GITHUB_REF_TYPE: 'branch', GITHUB_REF_NAME: 'main' },
    );
    const settings = settingsOf(result);
    assert.deepEqual(result.warnings, []);
    assert.equal(settings.refreshToken, 'rt-123456');
    assert.equal(settings.orgSlug, undefined, "the access token's organization");
    assert.equal(settings.env, 'production');
    assert.equal(settings.service, 'payments-api');
    assert.deepEqual(settings.services, ['payments-api']);
    assert.equal(settings.commitSha, undefined);
    assert.equal(settings.repository, undefined);
    assert.equal(settings.resultGiven, false);
    assert.equal(settings.eventName, 'deployment');
    assert.equal(settings.eventState, 'window');
    assert.equal(settings.apiBaseUrl, 'https://app.last9.io');
    assert.equal(settings.timeoutMs, 30_000);
    assert.deepEqual(settings.retry, { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 30_000 });
    assert.equal(settings.includeGithubAttributes, true);
    assert.equal(settings.linkChanges, true);
    assert.equal(settings.githubToken, '');
    assert.equal(settings.githubEnvironment, 'production', 'the GitHub environment defaults to env');
    assert.equal(settings.dryRun, false);
    assert.equal(settings.failOnError, false);
    assert.equal(result.failOnError, false);
    assert.equal(settings.version, undefined, 'a branch run has no default version');
    assert.equal(settings.dataSourceName, undefined);
    assert.equal(settings.deploymentId, undefined);
    assert.equal(settings.jobStatus, undefined);
    assert.equal(settings.jobCheckRunId, undefined);
    assert.deepEqual(settings.customAttributes, {});
    assert.deepEqual(settings.matrix, {});
    assert.deepEqual(settings.captureEnv, []);
    assert.deepEqual(settings.captureInputs, []);
  });

  test('inputs are trimmed of surrounding whitespace', () => {
    const settings = settingsOf(
      read({ refresh_token: '  rt-123456\n', org_slug: ' acme ', env: '\tstaging ', event_state: ' START ' }, { GITHUB_REPOSITORY: 'acme/api' }),
    );
    assert.equal(settings.refreshToken, 'rt-123456');
    assert.equal(settings.orgSlug, 'acme');
    assert.equal(settings.env, 'staging');
    assert.equal(settings.eventState, 'start', 'event_state is case-insensitive');
  });

  for (const missing of ['refresh_token', 'env']) {
    test(`${missing} empty is a problem naming ${missing}`, () => {
      const inputs: Record<string, string> = { refresh_token: 'rt-123456', org_slug: 'acme', env: 'production' };
      inputs[missing] = '   ';
      const problem = onlyProblem(read(inputs, { GITHUB_REPOSITORY: 'acme/api' }), missing);
      assert.match(problem.message, /required/);
    });
  }

  test('both required inputs empty: two problems, one per input, in no particular order', () => {
    const result = read({}, { GITHUB_REPOSITORY: 'acme/api' });
    assert.equal(result.settings, undefined);
    assert.deepEqual(result.problems.map((problem) => problem.input).sort(), ['env', 'refresh_token']);
  });
});

describe('readSettings: org_slug', () => {
  const env = { GITHUB_REPOSITORY: 'acme/api' };
  const withSlug = (org_slug: string): SettingsResult => read({ refresh_token: 'rt-123456', org_slug, env: 'prod' }, env);

  for (const good of ['acme', 'acme-corp', 'acme_corp', 'acme.io', 'A1']) {
    test(`"${good}" is accepted as is`, () => {
      assert.equal(settingsOf(withSlug(good)).orgSlug, good);
    });
  }

  for (const bad of ['acme/other', '../admin', 'acme..corp', 'acme corp', '-acme', 'acme?x=1', 'acme#x', '%2e%2e']) {
    test(`"${bad}" is refused, naming org_slug`, () => {
      onlyProblem(withSlug(bad), 'org_slug');
    });
  }
});

describe('readSettings: api_base_url', () => {
  const env = { GITHUB_REPOSITORY: 'acme/api' };
  const withUrl = (api_base_url: string): SettingsResult => read({ refresh_token: 'rt-123456', org_slug: 'acme', env: 'prod', api_base_url }, env);

  test('an https URL is kept, its trailing slashes stripped', () => {
    assert.equal(settingsOf(withUrl('https://app.last9.io/')).apiBaseUrl, 'https://app.last9.io');
    assert.equal(settingsOf(withUrl('https://eu.last9.example/api//')).apiBaseUrl, 'https://eu.last9.example/api');
    assert.equal(settingsOf(withUrl('https://app.last9.io:8443')).apiBaseUrl, 'https://app.last9.io:8443');
  });

  for (const loopback of ['http://127.0.0.1:8080', 'http://127.0.0.1:8080/', 'http://localhost:3000', 'http://[::1]:9000', 'http://127.1.2.3']) {
    test(`plain http to the loopback host ${loopback} is allowed`, () => {
      const url = settingsOf(withUrl(loopback)).apiBaseUrl;
      assert.ok(url.startsWith('http://'), url);
      assert.ok(!url.endsWith('/'), url);
    });
  }

  for (const remote of ['http://app.last9.io', 'http://10.0.0.5:8080', 'http://localhost.evil.example', 'http://127.0.0.1.evil.example']) {
    test(`plain http to the remote host ${remote} is refused, naming api_base_url`, () => {
      const problem = onlyProblem(withUrl(remote), 'api_base_url');
      assert.match(problem.message, /https/);
    });
  }

  for (const notUrl of ['app.last9.io', 'not a url', '://app.last9.io', 'ftp://app.last9.io', 'file:///etc/passwd']) {
    test(`"${notUrl}" is refused, naming api_base_url`, () => {
      onlyProblem(withUrl(notUrl), 'api_base_url');
    });
  }

  test('credentials, a query or a fragment in the URL are refused', () => {
    onlyProblem(withUrl('https://user:pass@app.last9.io'), 'api_base_url');
    onlyProblem(withUrl('https://app.last9.io/?x=1'), 'api_base_url');
    onlyProblem(withUrl('https://app.last9.io/#frag'), 'api_base_url');
  });

  test('a credential in the URL is not echoed back in the problem message', () => {
    const problem = onlyProblem(withUrl('https://user:s3cr3t-pass@app.last9.io'), 'api_base_url');
    assert.ok(!problem.message.includes('s3cr3t-pass'), problem.message);
  });
});

describe('readSettings: event_state, event_name, data_source_name', () => {
  const env = { GITHUB_REPOSITORY: 'acme/api' };
  const base = { refresh_token: 'rt-123456', org_slug: 'acme', env: 'prod' };

  for (const state of ['window', 'start', 'stop'] as const) {
    test(`event_state ${state} is accepted`, () => {
      assert.equal(settingsOf(read({ ...base, event_state: state }, env)).eventState, state);
    });
  }

  for (const bad of ['begin', 'end', 'started', 'start stop']) {
    test(`event_state "${bad}" is refused, naming event_state`, () => {
      const problem = onlyProblem(read({ ...base, event_state: bad }, env), 'event_state');
      assert.ok(problem.message.includes(bad), 'the message repeats what was given');
    });
  }

  test('event_name and data_source_name are passed through', () => {
    const settings = settingsOf(read({ ...base, event_name: 'migration', data_source_name: 'prod-cluster' }, env));
    assert.equal(settings.eventName, 'migration');
    assert.equal(settings.dataSourceName, 'prod-cluster');
  });
});

describe('readSettings: numbers', () => {
  const env = { GITHUB_REPOSITORY: 'acme/api' };
  const base = { refresh_token: 'rt-123456', org_slug: 'acme', env: 'prod' };

  test('valid numbers are used: timeout in seconds becomes milliseconds, fractions allowed for the timeout', () => {
    const settings = settingsOf(
      read({ ...base, timeout_seconds: '2.5', max_retry_attempts: '0', retry_backoff_ms: '250', max_retry_backoff_ms: '4000' }, env),
    );
    assert.equal(settings.timeoutMs, 2500);
    assert.deepEqual(settings.retry, { maxRetries: 0, baseDelayMs: 250, maxDelayMs: 4000 });
  });

  test('the bounds themselves are accepted', () => {
    const settings = settingsOf(read({ ...base, timeout_seconds: '3600', max_retry_attempts: '20', retry_backoff_ms: '0', max_retry_backoff_ms: '600000' }, env));
    assert.equal(settings.timeoutMs, 3_600_000);
    assert.deepEqual(settings.retry, { maxRetries: 20, baseDelayMs: 0, maxDelayMs: 600_000 });
  });

  const cases: Array<[input: string, value: string, why: string]> = [
    ['timeout_seconds', '-5', 'negative'],
    ['timeout_seconds', 'thirty', 'not a number'],
    ['timeout_seconds', '0', 'below the minimum of 1'],
    ['timeout_seconds', '0.5', 'below the minimum of 1'],
    ['timeout_seconds', '3601', 'above the maximum'],
    ['timeout_seconds', '1e3', 'exponent notation'],
    ['timeout_seconds', '30s', 'a unit suffix'],
    ['timeout_seconds', 'Infinity', 'not finite'],
    ['max_retry_attempts', '-1', 'negative'],
    ['max_retry_attempts', '2.5', 'fractional where a whole number is required'],
    ['max_retry_attempts', '21', 'above the maximum'],
    ['max_retry_attempts', 'three', 'not a number'],
    ['retry_backoff_ms', '-100', 'negative'],
    ['retry_backoff_ms', '100.5', 'fractional where a whole number is required'],
    ['retry_backoff_ms', '600001', 'above the maximum'],
    ['retry_backoff_ms', '0x10', 'hexadecimal'],
    ['max_retry_backoff_ms', '1.5e3', 'exponent notation'],
    ['max_retry_backoff_ms', '700000', 'above the maximum'],
    ['max_retry_backoff_ms', '1.2.3', 'two dots'],
  ];
  for (const [input, value, why] of cases) {
    test(`${input}: "${value}" (${why}) is refused, naming ${input}`, () => {
      const problem = onlyProblem(read({ ...base, [input]: value }, env), input);
      assert.ok(problem.message.includes(value), `the message shows the value given: ${problem.message}`);
    });
  }

  test('max_retry_backoff_ms below retry_backoff_ms is a problem naming max_retry_backoff_ms', () => {
    const problem = onlyProblem(read({ ...base, retry_backoff_ms: '5000', max_retry_backoff_ms: '2000' }, env), 'max_retry_backoff_ms');
    assert.match(problem.message, /retry_backoff_ms/);
  });

  test('max_retry_backoff_ms equal to retry_backoff_ms is fine', () => {
    assert.deepEqual(settingsOf(read({ ...base, retry_backoff_ms: '2000', max_retry_backoff_ms: '2000' }, env)).retry, {
      maxRetries: 3,
      baseDelayMs: 2000,
      maxDelayMs: 2000,
    });
  });

  test('a retry_backoff_ms above the default cap needs max_retry_backoff_ms raised too', () => {
    onlyProblem(read({ ...base, retry_backoff_ms: '60000' }, env), 'max_retry_backoff_ms');
  });
});

describe('readSettings: service and service_name', () => {
  const base = { refresh_token: 'rt-123456', org_slug: 'acme', env: 'prod' };

  test('defaults to the repository name without its owner', () => {
    assert.equal(settingsOf(read(base, { GITHUB_REPOSITORY: 'acme/checkout-web' })).service, 'checkout-web');
  });

  test('service overrides the repository default', () => {
    assert.equal(settingsOf(read({ ...base, service: 'payments' }, { GITHUB_REPOSITORY: 'acme/mono' })).service, 'payments');
  });

  test('service_name is an alias of service', () => {
    assert.equal(settingsOf(read({ ...base, service_name: 'payments' }, { GITHUB_REPOSITORY: 'acme/mono' })).service, 'payments');
  });

  test('service and service_name given alike is fine', () => {
    assert.equal(settingsOf(read({ ...base, service: 'payments', service_name: 'payments' }, { GITHUB_REPOSITORY: 'acme/mono' })).service, 'payments');
  });

  test('service and service_name disagreeing is a problem naming service, quoting both', () => {
    const problem = onlyProblem(read({ ...base, service: 'payments', service_name: 'billing' }, { GITHUB_REPOSITORY: 'acme/mono' }), 'service');
    assert.ok(problem.message.includes('payments') && problem.message.includes('billing'), problem.message);
    assert.match(problem.message, /service_name/);
  });

  test('no service, no service_name and no GITHUB_REPOSITORY is a problem naming service', () => {
    onlyProblem(read(base, {}), 'service');
  });

  test('several services, separated by commas or new lines, each once: the first is `service`', () => {
    const settings = settingsOf(read({ ...base, service_name: 'api, worker\n\nscheduler,api,' }, { GITHUB_REPOSITORY: 'acme/mono' }));
    assert.deepEqual([settings.service, settings.services], ['api', ['api', 'worker', 'scheduler']]);
  });

  test('a service name with a space is kept whole, with a notice that lists are comma- or newline-separated', () => {
    const result = read({ ...base, service: 'api worker, billing' }, { GITHUB_REPOSITORY: 'acme/mono' });
    assert.deepEqual(settingsOf(result).services, ['api worker', 'billing']);
    assert.deepEqual(result.notices, ['service "api worker" is kept as one service name with a space in it; several services are separated by commas or new lines']);
  });
});

describe('readSettings: commit_sha, repository and result', () => {
  const base = { refresh_token: 'rt-123456', env: 'prod' };
  const TAG_RUN = { GITHUB_REPOSITORY: 'acme/api', GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v2.4.1', GITHUB_SHA: 'a'.repeat(40) };

  test('commit_sha is a full SHA, in any case; the tag of the run is its version only if the commit is the run\'s', () => {
    const named = settingsOf(read({ ...base, commit_sha: 'B'.repeat(40) }, TAG_RUN));
    assert.deepEqual([named.commitSha, named.version], ['b'.repeat(40), undefined]);
    assert.equal(settingsOf(read({ ...base, commit_sha: 'a'.repeat(40) }, TAG_RUN)).version, 'v2.4.1');
  });

  test('repository is owner/name', () => {
    assert.equal(settingsOf(read({ ...base, repository: 'acme/ledger.api' }, TAG_RUN)).repository, 'acme/ledger.api');
    onlyProblem(read({ ...base, repository: 'ledger' }, TAG_RUN), 'repository');
  });

  test('result wins over job_status and says the workflow gave it; one that is not a result is a warning, and no result', () => {
    const given = settingsOf(read({ ...base, result: 'Failure', job_status: 'success' }, TAG_RUN));
    assert.deepEqual([given.jobStatus, given.resultGiven], ['failure', true]);
    const odd = read({ ...base, result: 'skipped', job_status: 'success' }, TAG_RUN);
    assert.deepEqual([settingsOf(odd).jobStatus, odd.warnings], [undefined, ['result "skipped" is not success, failure or cancelled; the stop is sent without a result']]);
  });

  test('event_state both is its own state, said nothing of', () => {
    const result = read({ ...base, event_state: 'BOTH' }, TAG_RUN);
    assert.deepEqual([settingsOf(result).eventState, result.notices, result.warnings], ['both', [], []]);
  });
});

describe('readSettings: version', () => {
  const base = { refresh_token: 'rt-123456', org_slug: 'acme', env: 'prod' };

  test('on a tag run the version defaults to the tag', () => {
    const settings = settingsOf(read(base, { GITHUB_REPOSITORY: 'acme/api', GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v2.4.1', GITHUB_REF: 'refs/tags/v2.4.1' }));
    assert.equal(settings.version, 'v2.4.1');
  });

  test('on a branch run there is no default version', () => {
    const settings = settingsOf(read(base, { GITHUB_REPOSITORY: 'acme/api', GITHUB_REF_TYPE: 'branch', GITHUB_REF_NAME: 'main' }));
    assert.equal(settings.version, undefined);
  });

  test('an explicit version wins over the tag', () => {
    const settings = settingsOf(read({ ...base, version: '2024.11.3' }, { GITHUB_REPOSITORY: 'acme/api', GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v2.4.1' }));
    assert.equal(settings.version, '2024.11.3');
  });
});

describe('readSettings: custom_attributes', () => {
  const env = { GITHUB_REPOSITORY: 'acme/api' };
  const withCustom = (custom_attributes: string): SettingsResult =>
    read({ refresh_token: 'rt-123456', org_slug: 'acme', env: 'prod', custom_attributes }, env);

  test('a JSON object: strings, numbers and booleans become strings; null values are left out', () => {
    const settings = settingsOf(withCustom('{"team": "payments", "replicas": 3, "canary": true, "ratio": 0.25, "owner": null}'));
    assert.deepEqual(settings.customAttributes, { team: 'payments', replicas: '3', canary: 'true', ratio: '0.25' });
  });

  test('key=value lines: whitespace trimmed, blank lines and # comments skipped, "=" allowed in the value, CRLF accepted', () => {
    const settings = settingsOf(withCustom('team = payments\r\n\r\n# a comment\nquery=a=b&c=d\n  region=eu-west-1  \nempty='));
    assert.deepEqual(settings.customAttributes, { team: 'payments', query: 'a=b&c=d', region: 'eu-west-1', empty: '' });
  });

  test('keys are passed through unsanitized here (sanitizing is composeAttributes\' job)', () => {
    const settings = settingsOf(withCustom('{"team.name": "x"}'));
    assert.deepEqual(settings.customAttributes, { 'team.name': 'x' });
  });

  for (const bad of ['{"team": "payments"', '{team: payments}', "{'team': 'payments'}", '{"a": 1,}']) {
    test(`invalid JSON ${JSON.stringify(bad)} is a problem naming custom_attributes`, () => {
      const problem = onlyProblem(withCustom(bad), 'custom_attributes');
      assert.match(problem.message, /JSON/);
    });
  }

  test('an array value is refused, naming the key', () => {
    const problem = onlyProblem(withCustom('{"regions": ["eu", "us"]}'), 'custom_attributes');
    assert.ok(problem.message.includes('regions'), problem.message);
  });

  test('an object value is refused, naming the key', () => {
    const problem = onlyProblem(withCustom('{"owner": {"team": "payments"}}'), 'custom_attributes');
    assert.ok(problem.message.includes('owner'), problem.message);
  });

  test('key:value lines, as Datadog tags and Grafana annotation tags are written: the first "=" or ":" ends the key', () => {
    const settings = settingsOf(withCustom('team:payments\nregion: eu-west-1\nurl:https://status.example.com\nquery=a:b'));
    assert.deepEqual(settings.customAttributes, { team: 'payments', region: 'eu-west-1', url: 'https://status.example.com', query: 'a:b' });
  });

  test('a line that is neither is dropped with one warning naming it; the other lines are sent', () => {
    const result = withCustom('team=payments\njust-a-word\n=value\n["team", "payments"]');
    assert.deepEqual(settingsOf(result).customAttributes, { team: 'payments' });
    assert.deepEqual(result.warnings, ['custom_attributes line 2 ("just-a-word"), line 3 ("=value"), line 4 ("[\\"team\\", \\"payments\\"]") are not key=value or key:value, and dropped']);
  });
});

describe('readSettings: fail_on_error', () => {
  test('is read even when other inputs are bad, so the step can still fail as asked', () => {
    const result = read({ fail_on_error: 'true', org_slug: 'a/b', timeout_seconds: '-1', event_state: 'nope' }, {});
    assert.equal(result.settings, undefined);
    assert.equal(result.failOnError, true);
    const inputs: string[] = result.problems.map((problem) => problem.input);
    for (const input of ['refresh_token', 'org_slug', 'env', 'service', 'timeout_seconds', 'event_state']) {
      assert.ok(inputs.includes(input), `expected a problem naming ${input}, got ${inputs.join(', ')}`);
    }
  });

  test('accepts TRUE/False in any case', () => {
    const base = { refresh_token: 'rt-123456', org_slug: 'acme', env: 'prod' };
    assert.equal(read({ ...base, fail_on_error: 'TRUE' }, { GITHUB_REPOSITORY: 'acme/api' }).failOnError, true);
    assert.equal(read({ ...base, fail_on_error: 'False' }, { GITHUB_REPOSITORY: 'acme/api' }).failOnError, false);
    assert.equal(settingsOf(read({ ...base, fail_on_error: 'true' }, { GITHUB_REPOSITORY: 'acme/api' })).failOnError, true);
  });

  test('a value that is not a boolean is a problem naming fail_on_error', () => {
    const base = { refresh_token: 'rt-123456', org_slug: 'acme', env: 'prod' };
    onlyProblem(read({ ...base, fail_on_error: 'yes' }, { GITHUB_REPOSITORY: 'acme/api' }), 'fail_on_error');
  });

  test('other booleans refuse non-boolean values, naming the input', () => {
    const base = { refresh_token: 'rt-123456', org_slug: 'acme', env: 'prod' };
    onlyProblem(read({ ...base, dry_run: '1' }, { GITHUB_REPOSITORY: 'acme/api' }), 'dry_run');
    onlyProblem(read({ ...base, include_github_attributes: 'no' }, { GITHUB_REPOSITORY: 'acme/api' }), 'include_github_attributes');
  });
});

describe('readSettings: job_status, job_check_run_id, matrix (runner-filled inputs)', () => {
  const env = { GITHUB_REPOSITORY: 'acme/api' };
  const base = { refresh_token: 'rt-123456', org_slug: 'acme', env: 'prod' };

  for (const status of ['success', 'failure', 'cancelled'] as const) {
    test(`job_status ${status} is read, case-insensitively`, () => {
      const result = read({ ...base, job_status: status.toUpperCase() }, env);
      assert.equal(settingsOf(result).jobStatus, status);
      assert.deepEqual(result.warnings, []);
    });
  }

  test('an unknown job_status is a warning (not a problem) and leaves the status unknown', () => {
    const result = read({ ...base, job_status: 'skipped' }, env);
    assert.equal(settingsOf(result).jobStatus, undefined);
    assert.equal(result.warnings.length, 1);
    assert.match(result.warnings[0] ?? '', /job_status/);
    assert.match(result.warnings[0] ?? '', /skipped/);
  });

  test('a numeric job_check_run_id is kept as a string', () => {
    const result = read({ ...base, job_check_run_id: '31415926535' }, env);
    assert.equal(settingsOf(result).jobCheckRunId, '31415926535');
    assert.deepEqual(result.warnings, []);
  });

  for (const bad of ['abc', '12a', '-5', '1.5']) {
    test(`job_check_run_id "${bad}" is a warning naming job_check_run_id, and is dropped`, () => {
      const result = read({ ...base, job_check_run_id: bad }, env);
      assert.equal(settingsOf(result).jobCheckRunId, undefined);
      assert.equal(result.warnings.length, 1);
      assert.match(result.warnings[0] ?? '', /job_check_run_id/);
    });
  }

  test('a matrix JSON object is parsed', () => {
    const result = read({ ...base, matrix: '{"os": "ubuntu-latest", "node": 22, "include": {"x": 1}}' }, env);
    assert.deepEqual(settingsOf(result).matrix, { os: 'ubuntu-latest', node: 22, include: { x: 1 } });
    assert.deepEqual(result.warnings, []);
  });

  test('matrix "null" (what toJSON(matrix) gives outside a matrix job) is an empty matrix, no warning', () => {
    const result = read({ ...base, matrix: 'null' }, env);
    assert.deepEqual(settingsOf(result).matrix, {});
    assert.deepEqual(result.warnings, []);
  });

  for (const bad of ['not json', '[1, 2]', '"ubuntu"', '42']) {
    test(`matrix ${JSON.stringify(bad)} is a warning naming matrix, and an empty matrix`, () => {
      const result = read({ ...base, matrix: bad }, env);
      assert.deepEqual(settingsOf(result).matrix, {});
      assert.equal(result.warnings.length, 1);
      assert.match(result.warnings[0] ?? '', /matrix/);
    });
  }
});

// Inputs added with event_state stop/start, captures and what the runner fills in.
const REQUIRED = { refresh_token: 'l9rt-secret', org_slug: 'acme', env: 'production' };
const REPO_ENV = { GITHUB_REPOSITORY: 'acme/payments-api', GITHUB_REF_TYPE: 'branch', GITHUB_REF_NAME: 'main' };

function readDefaults(inputs: Record<string, string>): SettingsResult {
  return read(inputs, REPO_ENV);
}

function problemsOf(inputs: Record<string, string>): Array<[string, string]> {
  return readDefaults({ ...REQUIRED, ...inputs }).problems.map((problem) => [problem.input, problem.message]);
}



describe('deployment_id, started_at', () => {
  const startedAt = (raw: string) => readDefaults({ ...REQUIRED, event_state: 'stop', deployment_id: 'abc', started_at: raw }).settings?.startedAt?.toISOString();

  test('started_at as ISO 8601 with a zone, epoch seconds ($(date +%s)) or epoch milliseconds, told apart by size', () => {
    assert.equal(startedAt('2026-01-15T17:57:22.5+01:00'), '2026-01-15T16:57:22.500Z');
    assert.equal(startedAt('1768499842000'), '2026-01-15T17:57:22.000Z');
    assert.equal(startedAt('1768499842'), '2026-01-15T17:57:22.000Z');
    assert.equal(startedAt('1768499842123'), '2026-01-15T17:57:22.123Z');
  });

  test('a started_at up to a minute ahead (another runner\'s clock) is taken as it is', () => {
    assert.equal(startedAt('2026-01-15T18:00:59Z'), '2026-01-15T18:00:59.000Z');
  });

  for (const [raw, message] of [
    ['yesterday', /ISO 8601 time with a zone .*epoch seconds or epoch milliseconds, got "yesterday"/],
    ['2026-01-15', /ISO 8601/],
    ['2026-01-15T17:57:22', /ISO 8601/],
    ['1768499842.5', /ISO 8601/],
    ['2026-01-15T18:05:00Z', /is in the future \(2026-01-15T18:05:00.000Z\)/],
    ['1768500300', /is in the future/],
    ['99999999999', /is in the future/],
    ['17684998', /is 1970-07-24T16:29:58.000Z, more than 35 days ago/],
    ['1768499842000000', /is in the future/],
    ['2025-12-01T00:00:00Z', /more than 35 days ago/],
  ] as const) {
    test(`started_at ${JSON.stringify(raw)} is refused`, () => {
      const [problem] = problemsOf({ event_state: 'stop', deployment_id: 'abc', started_at: raw });
      assert.equal(problem?.[0], 'started_at');
      assert.match(problem?.[1] ?? '', message);
    });
  }

  test('started_at is ignored, with a warning, unless event_state is stop', () => {
    const { settings, warnings } = readDefaults({ ...REQUIRED, started_at: '1768499842000' });
    assert.equal(settings?.startedAt, undefined);
    assert.match(warnings[0] ?? '', /started_at is only used with event_state: stop/);
  });

  test('deployment_id must be a plain id', () => {
    assert.equal(readDefaults({ ...REQUIRED, deployment_id: 'b7e2c1d0-1111-4a4a-9c9c-0123456789ab' }).settings?.deploymentId, 'b7e2c1d0-1111-4a4a-9c9c-0123456789ab');
    assert.equal(problemsOf({ deployment_id: 'a b' })[0]?.[0], 'deployment_id');
    assert.equal(problemsOf({ deployment_id: 'x'.repeat(129) })[0]?.[0], 'deployment_id');
  });
});

describe('capture_env, capture_inputs', () => {
  test('names separated by commas, spaces or new lines; duplicates once', () => {
    const { settings } = readDefaults({ ...REQUIRED, capture_env: 'HELM_CHART, DEPLOY_TARGET\nHELM_CHART', capture_inputs: 'reason canary-percent' });
    assert.deepEqual(settings?.captureEnv, ['HELM_CHART', 'DEPLOY_TARGET']);
    assert.deepEqual(settings?.captureInputs, ['reason', 'canary-percent']);
  });

  test('a name that cannot be a variable is refused', () => {
    assert.deepEqual(problemsOf({ capture_env: 'OK, bad-name, 9X' }), [['capture_env', 'has names that are not valid: "bad-name", "9X"']]);
  });
});

describe('what the runner fills in', () => {
  test('job_status, job_check_run_id and matrix', () => {
    const { settings, warnings } = readDefaults({ ...REQUIRED, job_status: 'Cancelled', job_check_run_id: '31337', matrix: '{\n  "region": "eu"\n}' });
    assert.equal(settings?.jobStatus, 'cancelled');
    assert.equal(settings?.jobCheckRunId, '31337');
    assert.deepEqual(settings?.matrix, { region: 'eu' });
    assert.deepEqual(warnings, []);
  });

  test('no matrix is "null"', () => assert.deepEqual(readDefaults({ ...REQUIRED, matrix: 'null' }).settings?.matrix, {}));

  test('odd values are warnings, never problems: the marker is still sent', () => {
    const { settings, problems, warnings } = readDefaults({ ...REQUIRED, job_status: '${{ job.status }}', job_check_run_id: 'abc', matrix: '[1]' });
    assert.deepEqual(problems, []);
    assert.equal(settings?.jobStatus, undefined);
    assert.equal(settings?.jobCheckRunId, undefined);
    assert.deepEqual(settings?.matrix, {});
    assert.equal(warnings.length, 3);
  });
});

test('started_at on a stop without deployment_id is ignored, with a warning', () => {
  const { settings, warnings } = readDefaults({ ...REQUIRED, event_state: 'stop', started_at: '1768499842000' });
  assert.equal(settings?.startedAt, undefined);
  assert.match(warnings[0] ?? '', /started_at is only used together with deployment_id/);
});

// The wrong values inputs.test.ts used to run the whole bundled action for, one process each (it
// keeps a handful, for what only a process shows: exit code, nothing sent, no stack trace, a quiet
// post step). Each must be the one problem readSettings finds, with nothing else said, and read as
// this annotation.
describe('the annotation each wrong input gives', () => {
  const workflow = { refresh_token: 'l9rt-secret', org_slug: 'acme', env: 'production', service: 'payments-api', api_base_url: 'http://127.0.0.1:8080' };
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ['env', { env: '   ' }, /^Input "env" is required/],
    ['org_slug', { org_slug: 'acme..x' }, /^Input "org_slug" must be your Last9 organization slug.*no "\/", "\.\."/],
    ['org_slug', { org_slug: 'my org' }, /^Input "org_slug" must be your Last9 organization slug/],
    ['api_base_url', { api_base_url: 'not a url' }, /^Input "api_base_url" is not a URL: "not a url"/],
    ['api_base_url', { api_base_url: 'ftp://app.last9.io' }, /^Input "api_base_url" must be an https URL/],
    ['event_state', { event_state: 'begin' }, /^Input "event_state" must be one of window, start, stop, both; got "begin"/],
    ['timeout_seconds', { timeout_seconds: '-5' }, /^Input "timeout_seconds" must be a number from 1 to 3600, got "-5"/],
    ['timeout_seconds', { timeout_seconds: 'thirty' }, /^Input "timeout_seconds" must be a number/],
    ['max_retry_attempts', { max_retry_attempts: '-1' }, /^Input "max_retry_attempts" must be a whole number from 0 to 20/],
    ['max_retry_attempts', { max_retry_attempts: '2.5' }, /^Input "max_retry_attempts" must be a whole number/],
    ['retry_backoff_ms', { retry_backoff_ms: '1e3' }, /^Input "retry_backoff_ms" must be a whole number/],
    ['max_retry_backoff_ms', { retry_backoff_ms: '5000', max_retry_backoff_ms: '100' }, /^Input "max_retry_backoff_ms" must be at least retry_backoff_ms \(5000\)/],
    ['custom_attributes', { custom_attributes: '{"team": {"name": "payments"}}' }, /^Input "custom_attributes" value of "team" must be a string, number or boolean/],
    ['commit_sha', { commit_sha: 'HEAD~1' }, /^Input "commit_sha" must be a full commit SHA: 40 hexadecimal digits/],
    ['repository', { repository: 'https://github.com/acme/api' }, /^Input "repository" must be owner\/name/],
    ['service', { service: Array.from({ length: 21 }, (_, index) => `svc-${index}`).join(',') }, /^Input "service" lists 21 services; one step marks at most 20/],
    ['fail_on_error', { fail_on_error: 'maybe' }, /^Input "fail_on_error" must be true or false, got "maybe"/],
    ['include_github_attributes', { include_github_attributes: 'yes please' }, /^Input "include_github_attributes" must be true or false/],
    ['service', { service: 'a', service_name: 'b' }, /^Input "service" and service_name disagree/],
    ['deployment_id', { event_state: 'stop', deployment_id: 'has spaces in it' }, /^Input "deployment_id" must be 1 to 128 letters/],
    ['started_at', { event_state: 'stop', deployment_id: 'abc', started_at: 'yesterday' }, /^Input "started_at" must be an ISO 8601 time/],
  ];
  for (const [input, overrides, message] of cases) {
    test(`${input} = ${JSON.stringify(Object.values(overrides).join(' / '))}`, () => {
      const result = read({ ...workflow, ...overrides }, REPO_ENV);
      const problem = onlyProblem(result, input);
      assert.deepEqual(result.warnings, [], 'the error is the only annotation');
      assert.deepEqual(result.notices, [], 'the error is the only annotation');
      const annotation = describeInputProblem(problem);
      assert.match(annotation, message);
      assert.match(annotation, /No marker was sent\.$/);
    });
  }
});

describe('values from outside never become commands, leaks or walls of text', () => {
  for (const input of ['service', 'service_name', 'env', 'event_name'] as const) {
    test(`${input}: a newline or control character is an input error naming it`, () => {
      // A new line separates services.
      const newLine = input === 'service' || input === 'service_name' ? [] : ['api\n::stop-commands::pwn\nx'];
      for (const raw of [...newLine, 'api\r::stop-commands::pwn', 'api\u0007', 'api\u001b[31m', 'api\u2028x']) {
        const problems = problemsOf({ [input]: raw });
        assert.deepEqual(problems.map(([name]) => name), [input], JSON.stringify(raw));
        assert.equal(problems[0]?.[1], 'must be one line, without control characters');
      }
    });

    test(`${input}: longer than 255 characters is an input error`, () => {
      assert.deepEqual(problemsOf({ [input]: 'x'.repeat(84_000) }), [[input, 'must be at most 255 characters, got 84000']]);
      assert.deepEqual(problemsOf({ [input]: '🚀'.repeat(255) }), [], '255 characters, not UTF-16 units');
    });
  }

  test("capture_env never reads the action's inputs or the runner's tokens, and says which it skipped", () => {
    const names = 'INPUT_REFRESH_TOKEN ACTIONS_RUNTIME_TOKEN ACTIONS_ID_TOKEN_REQUEST_TOKEN GITHUB_TOKEN input_org_slug ACTIONS_RUNTIME_URL HELM_CHART';
    const { settings, warnings } = readDefaults({ ...REQUIRED, capture_env: names });
    assert.deepEqual(settings?.captureEnv, ['HELM_CHART']);
    assert.equal(
      warnings[0],
      'capture_env never reads "INPUT_REFRESH_TOKEN", "ACTIONS_RUNTIME_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "GITHUB_TOKEN", "input_org_slug", "ACTIONS_RUNTIME_URL": the action\'s inputs and the runner\'s tokens are secrets, not labels',
    );
  });

  test("an api_base_url that is not a URL is quoted without its user-info", () => {
    const [problem] = problemsOf({ api_base_url: 'https://user:hunter2@app.last9.io:99999' });
    assert.deepEqual(problem, ['api_base_url', 'is not a URL: "https://app.last9.io:99999"']);
  });

  test('a raw value quoted in a message is cut to 40 characters, its control characters visible', () => {
    const [problem] = problemsOf({ dry_run: `yes\n${'y'.repeat(100)}` });
    assert.equal(problem?.[1], `must be true or false, got ${JSON.stringify(`yes\n${'y'.repeat(36)}`)}…`);
  });

  test('a list of bad names in a message names 20 and counts the rest', () => {
    const bad = Array.from({ length: 10_000 }, (_, index) => `bad-name-${index}`).join(' ');
    const [problem] = problemsOf({ capture_env: bad });
    assert.match(problem?.[1] ?? '', /^has names that are not valid: "bad-name-0", .*"bad-name-19" and 9980 more$/);
    assert.ok((problem?.[1].length ?? 0) < 600);
  });

  test('"__proto__" in custom_attributes is a key like any other (and is refused later, by name)', () => {
    for (const raw of ['__proto__=x\nteam=payments', '{"__proto__": "x", "team": "payments"}']) {
      const attributes = settingsOf(readDefaults({ ...REQUIRED, custom_attributes: raw })).customAttributes;
      assert.deepEqual(Object.keys(attributes), ['__proto__', 'team'], raw);
      assert.equal(Object.getPrototypeOf(attributes), Object.prototype);
    }
  });
});

describe('describeInputProblem', () => {
  test('names the input and carries the problem', () => {
    const message = describeInputProblem({ input: 'org_slug', message: 'is required but was empty' });
    assert.ok(message.includes('"org_slug"'), message);
    assert.ok(message.includes('is required but was empty'), message);
    assert.match(message, /No marker was sent/);
    assert.doesNotMatch(message, /[\r\n]/);
  });

  test('different inputs give different messages', () => {
    const a = describeInputProblem({ input: 'timeout_seconds', message: 'must be a number' });
    const b = describeInputProblem({ input: 'max_retry_attempts', message: 'must be a number' });
    assert.notEqual(a, b);
    assert.match(a, /timeout_seconds/);
    assert.match(b, /max_retry_attempts/);
  });
});
