import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readSettings, type SettingsResult } from '../src/settings.js';

const REQUIRED = { refresh_token: 'l9rt-secret', org_slug: 'acme', env: 'production' };
const ENV = { GITHUB_REPOSITORY: 'acme/payments-api', GITHUB_REF_TYPE: 'branch', GITHUB_REF_NAME: 'main' };

function read(inputs: Record<string, string>, env: Record<string, string | undefined> = ENV): SettingsResult {
  return readSettings((name) => inputs[name] ?? '', env);
}

function problemsOf(inputs: Record<string, string>): Array<[string, string]> {
  return read({ ...REQUIRED, ...inputs }).problems.map((problem) => [problem.input, problem.message]);
}

describe('readSettings', () => {
  test('defaults for everything but the required inputs', () => {
    const { settings, problems, warnings } = read(REQUIRED);
    assert.deepEqual(problems, []);
    assert.deepEqual(warnings, []);
    assert.ok(settings);
    assert.equal(settings.service, 'payments-api', 'the repository name without its owner');
    assert.equal(settings.eventName, 'deployment');
    assert.equal(settings.eventState, 'window');
    assert.equal(settings.apiBaseUrl, 'https://app.last9.io');
    assert.equal(settings.timeoutMs, 30_000);
    assert.deepEqual(settings.retry, { maxRetries: 3, baseDelayMs: 1_000, maxDelayMs: 30_000 });
    assert.equal(settings.includeGithubAttributes, true);
    assert.equal(settings.failOnError, false);
    assert.equal(settings.dryRun, false);
    assert.equal(settings.version, undefined);
    assert.deepEqual(settings.customAttributes, {});
    assert.deepEqual(settings.matrix, {});
  });

  test('inputs are trimmed', () => {
    const { settings } = read({ refresh_token: '  l9rt-secret\n', org_slug: ' acme ', env: ' production ' });
    assert.equal(settings?.refreshToken, 'l9rt-secret');
    assert.equal(settings?.orgSlug, 'acme');
    assert.equal(settings?.env, 'production');
  });

  for (const name of ['refresh_token', 'org_slug', 'env']) {
    test(`${name} is required`, () => {
      const { settings, problems } = read({ ...REQUIRED, [name]: '   ' });
      assert.equal(settings, undefined);
      assert.deepEqual(problems, [{ input: name, message: 'is required but was empty' }]);
    });
  }

  test('every problem is reported at once, each naming its input', () => {
    const { problems } = read({ org_slug: 'a/b', timeout_seconds: 'x', event_state: 'begin' });
    assert.deepEqual(
      problems.map((problem) => problem.input),
      ['refresh_token', 'org_slug', 'env', 'event_state', 'timeout_seconds'],
    );
  });

  for (const slug of ['acme/other', '../admin', 'acme..x', 'my org', '-acme', 'acme%2F', '']) {
    test(`org_slug ${JSON.stringify(slug)} is refused`, () => {
      const problems = problemsOf({ org_slug: slug });
      assert.equal(problems.length, 1);
      assert.equal(problems[0]?.[0], 'org_slug');
    });
  }

  for (const slug of ['acme', 'acme-prod', 'acme_2', 'a.b']) {
    test(`org_slug ${JSON.stringify(slug)} is accepted`, () => assert.deepEqual(problemsOf({ org_slug: slug }), []));
  }

  describe('api_base_url', () => {
    const accepted: Array<[string, string]> = [
      ['https://app.last9.io/', 'https://app.last9.io'],
      ['https://proxy.example.com/last9/', 'https://proxy.example.com/last9'],
      ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
      ['http://localhost:9000', 'http://localhost:9000'],
      ['http://[::1]:9000', 'http://[::1]:9000'],
    ];
    for (const [raw, expected] of accepted) {
      test(`${raw} → ${expected}`, () => assert.equal(read({ ...REQUIRED, api_base_url: raw }).settings?.apiBaseUrl, expected));
    }
    const refused: Array<[string, RegExp]> = [
      ['http://app.last9.io', /must use https/],
      ['http://127.0.0.1.example.com', /must use https/],
      ['not a url', /is not a URL/],
      ['ftp://app.last9.io', /must be an https URL/],
      ['https://user:pass@app.last9.io', /must not contain credentials/],
      ['https://app.last9.io/?x=1', /must not contain a query/],
    ];
    for (const [raw, message] of refused) {
      test(`${raw} is refused`, () => {
        const problems = problemsOf({ api_base_url: raw });
        assert.equal(problems[0]?.[0], 'api_base_url');
        assert.match(problems[0]?.[1] ?? '', message);
      });
    }
  });

  test('event_state: window, start and stop, in any case; nothing else', () => {
    for (const state of ['window', 'start', 'stop', 'STOP']) assert.equal(read({ ...REQUIRED, event_state: state }).settings?.eventState, state.toLowerCase());
    assert.deepEqual(problemsOf({ event_state: 'begin' }), [['event_state', 'must be one of window, start, stop; got "begin"']]);
  });

  describe('numbers', () => {
    const refused: Array<[string, string]> = [
      ['timeout_seconds', '-5'],
      ['timeout_seconds', '0'],
      ['timeout_seconds', 'thirty'],
      ['timeout_seconds', '3601'],
      ['max_retry_attempts', '-1'],
      ['max_retry_attempts', '2.5'],
      ['max_retry_attempts', '21'],
      ['retry_backoff_ms', '1e3'],
      ['retry_backoff_ms', '0x10'],
      ['max_retry_backoff_ms', 'Infinity'],
    ];
    for (const [name, value] of refused) {
      test(`${name} = ${value} is refused`, () => {
        const problems = problemsOf({ [name]: value });
        assert.equal(problems.length, 1);
        assert.equal(problems[0]?.[0], name);
        assert.match(problems[0]?.[1] ?? '', /^must be a (whole )?number from \d+ to \d+, got/);
      });
    }

    test('fractional seconds and zero retries are fine', () => {
      const { settings } = read({ ...REQUIRED, timeout_seconds: '2.5', max_retry_attempts: '0', retry_backoff_ms: '0', max_retry_backoff_ms: '0' });
      assert.equal(settings?.timeoutMs, 2_500);
      assert.deepEqual(settings?.retry, { maxRetries: 0, baseDelayMs: 0, maxDelayMs: 0 });
    });

    test('max_retry_backoff_ms below retry_backoff_ms is refused', () => {
      assert.deepEqual(problemsOf({ retry_backoff_ms: '5000', max_retry_backoff_ms: '100' }), [['max_retry_backoff_ms', 'must be at least retry_backoff_ms (5000), got 100']]);
    });
  });

  describe('service and service_name', () => {
    test('service_name is another name for service', () => assert.equal(read({ ...REQUIRED, service_name: 'checkout' }).settings?.service, 'checkout'));
    test('the same value in both is fine', () => assert.equal(read({ ...REQUIRED, service: 'a', service_name: 'a' }).settings?.service, 'a'));
    test('different values are refused', () => assert.equal(problemsOf({ service: 'a', service_name: 'b' })[0]?.[0], 'service'));
    test('no service and no repository', () => {
      assert.deepEqual(
        read(REQUIRED, {}).problems.map((problem) => problem.input),
        ['service'],
      );
    });
  });

  test('version defaults to the tag on tag runs only', () => {
    assert.equal(read(REQUIRED, { ...ENV, GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v2.0.1' }).settings?.version, 'v2.0.1');
    assert.equal(read(REQUIRED).settings?.version, undefined);
    assert.equal(read({ ...REQUIRED, version: '2.1.0' }, { ...ENV, GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v2.0.1' }).settings?.version, '2.1.0');
  });

  describe('custom_attributes', () => {
    test('a JSON object; numbers and booleans become strings; null is left out', () => {
      const { settings } = read({ ...REQUIRED, custom_attributes: '{"team": "payments", "replicas": 3, "canary": true, "gone": null}' });
      assert.deepEqual(settings?.customAttributes, { team: 'payments', replicas: '3', canary: 'true' });
    });

    test('key=value lines; blank lines and # comments skipped; = in values kept', () => {
      const { settings } = read({ ...REQUIRED, custom_attributes: 'team = payments\n\n# a comment\nquery=a=b\r\nempty=' });
      assert.deepEqual(settings?.customAttributes, { team: 'payments', query: 'a=b', empty: '' });
    });

    const refused: Array<[string, RegExp]> = [
      ['{"team": "payments"', /^is not valid JSON/],
      ['{"team": {"name": "x"}}', /value of "team" must be a string, number or boolean, not an object/],
      ['{"team": ["a"]}', /not an array/],
      ['team: payments', /^line 1 is not key=value/],
      ['ok=1\n=value', /^line 2 is not key=value/],
    ];
    for (const [raw, message] of refused) {
      test(`${JSON.stringify(raw)} is refused`, () => {
        const problems = problemsOf({ custom_attributes: raw });
        assert.equal(problems[0]?.[0], 'custom_attributes');
        assert.match(problems[0]?.[1] ?? '', message);
      });
    }
  });

  describe('booleans', () => {
    for (const name of ['fail_on_error', 'include_github_attributes', 'dry_run']) {
      test(`${name} takes true or false only`, () => {
        assert.equal(problemsOf({ [name]: 'TRUE' }).length, 0);
        assert.deepEqual(problemsOf({ [name]: 'yes' }), [[name, 'must be true or false, got "yes"']]);
      });
    }

    test('fail_on_error is honoured even when other inputs are wrong', () => {
      const result = read({ fail_on_error: 'true' });
      assert.equal(result.settings, undefined);
      assert.equal(result.failOnError, true);
    });
  });

  describe('deployment_id, started_at', () => {
    test('started_at as ISO 8601 with a zone, or epoch milliseconds', () => {
      const iso = read({ ...REQUIRED, event_state: 'stop', deployment_id: 'abc', started_at: '2026-01-15T17:57:22.5+01:00' }).settings?.startedAt;
      assert.equal(iso?.toISOString(), '2026-01-15T16:57:22.500Z');
      const epoch = read({ ...REQUIRED, event_state: 'stop', deployment_id: 'abc', started_at: '1768499842000' }).settings?.startedAt;
      assert.equal(epoch?.getTime(), 1_768_499_842_000);
    });

    for (const raw of ['yesterday', '2026-01-15', '2026-01-15T17:57:22', '17684998']) {
      test(`started_at ${JSON.stringify(raw)} is refused`, () => assert.equal(problemsOf({ event_state: 'stop', started_at: raw })[0]?.[0], 'started_at'));
    }

    test('started_at is ignored, with a warning, unless event_state is stop', () => {
      const { settings, warnings } = read({ ...REQUIRED, started_at: '1768499842000' });
      assert.equal(settings?.startedAt, undefined);
      assert.match(warnings[0] ?? '', /started_at is only used with event_state: stop/);
    });

    test('deployment_id must be a plain id', () => {
      assert.equal(read({ ...REQUIRED, deployment_id: 'b7e2c1d0-1111-4a4a-9c9c-0123456789ab' }).settings?.deploymentId, 'b7e2c1d0-1111-4a4a-9c9c-0123456789ab');
      assert.equal(problemsOf({ deployment_id: 'a b' })[0]?.[0], 'deployment_id');
      assert.equal(problemsOf({ deployment_id: 'x'.repeat(129) })[0]?.[0], 'deployment_id');
    });
  });

  describe('capture_env, capture_inputs', () => {
    test('names separated by commas, spaces or new lines; duplicates once', () => {
      const { settings } = read({ ...REQUIRED, capture_env: 'HELM_CHART, DEPLOY_TARGET\nHELM_CHART', capture_inputs: 'reason canary-percent' });
      assert.deepEqual(settings?.captureEnv, ['HELM_CHART', 'DEPLOY_TARGET']);
      assert.deepEqual(settings?.captureInputs, ['reason', 'canary-percent']);
    });

    test('a name that cannot be a variable is refused', () => {
      assert.deepEqual(problemsOf({ capture_env: 'OK, bad-name, 9X' }), [['capture_env', 'has names that are not valid: "bad-name", "9X"']]);
    });
  });

  describe('what the runner fills in', () => {
    test('job_status, job_check_run_id and matrix', () => {
      const { settings, warnings } = read({ ...REQUIRED, job_status: 'Cancelled', job_check_run_id: '31337', matrix: '{\n  "region": "eu"\n}' });
      assert.equal(settings?.jobStatus, 'cancelled');
      assert.equal(settings?.jobCheckRunId, '31337');
      assert.deepEqual(settings?.matrix, { region: 'eu' });
      assert.deepEqual(warnings, []);
    });

    test('no matrix is "null"', () => assert.deepEqual(read({ ...REQUIRED, matrix: 'null' }).settings?.matrix, {}));

    test('odd values are warnings, never problems: the marker is still sent', () => {
      const { settings, problems, warnings } = read({ ...REQUIRED, job_status: '${{ job.status }}', job_check_run_id: 'abc', matrix: '[1]' });
      assert.deepEqual(problems, []);
      assert.equal(settings?.jobStatus, undefined);
      assert.equal(settings?.jobCheckRunId, undefined);
      assert.deepEqual(settings?.matrix, {});
      assert.equal(warnings.length, 3);
    });
  });
});
