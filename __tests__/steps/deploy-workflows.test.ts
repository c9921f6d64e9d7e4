// Deploy workflows shaped as real teams write them — ChatOps, a CD repository, a start whose stop
// step never ran, several services in one step, redeploys and rollbacks, one secret — each run
// through the action's steps on the event payloads GitHub publishes, against the fake Last9 and
// the fake GitHub seeded with testing/fake-github.ts's scenario.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_REFRESH_TOKEN, type ReceivedEvent } from '../../testing/fake-last9.js';
import { fakeSha, MERGED_PULL_REQUEST, mergedPullRequestScenario } from '../../testing/fake-github.js';
import { lifecycleHarness } from '../../testing/harness.js';
import { pushContext, type StepResult } from '../../testing/runner.js';
import { assertNoSecretsLeaked } from '../../testing/secrets.js';
import { commentOnPullRequest, webhookExample } from '../../testing/webhook-examples.js';
import { evaluate, markerUses } from '../../testing/workflow.js';

const { fake, github, inputs, newJob } = await lifecycleHarness();

function assertQuiet(...steps: StepResult[]): void {
  for (const step of steps) {
    assert.equal(step.exitCode, 0, step.stdout);
    assert.deepEqual(step.annotations, [], step.stdout);
    assertNoSecretsLeaked(step, DEFAULT_REFRESH_TOKEN, fake.issuedTokens);
  }
}

const attributes = (event: ReceivedEvent | undefined, ...keys: string[]) => Object.fromEntries(keys.map((key) => [key, event?.attributes[key]]));
const { history } = mergedPullRequestScenario();

describe('ChatOps: a deploy from a comment on a pull request (github/branch-deploy)', () => {
  const HEAD = fakeSha('fix/declines head');
  /** Pull request #144, open, whose head is on a branch off main; the comment asks to deploy it. */
  function openPullRequest(): void {
    github.pulls.push({ number: 144, title: 'Retry declined cards once', merged: false, commitShas: [HEAD], headRef: 'fix/declines', commits: [{ sha: HEAD, message: 'Retry declined cards once\n\nA soft decline is worth one retry.', committedAt: new Date(Date.now() - 3_600_000).toISOString() }] });
  }
  // The issue_comment run's GITHUB_SHA is the default branch's tip, not what is deployed.
  const chatOps = () => newJob({ env: { ...pushContext(), GITHUB_EVENT_NAME: 'issue_comment' }, event: commentOnPullRequest(144, 'Retry declined cards once') });

  test("given branch-deploy's sha: the markers name the pull request's head, its branch and message, and what it brings", async () => {
    openPullRequest();
    const job = chatOps();
    const main = await job.runMain({ inputs: inputs({ commit_sha: HEAD }) });
    const post = await job.runPost({ inputs: inputs({ commit_sha: HEAD }) });
    assertQuiet(main, post);
    assert.deepEqual(attributes(fake.events[0], 'commit_sha', 'branch', 'tag', 'commit_message', 'github_pr_number', 'github_pr_title', 'previous_commit_sha', 'commit_count'), {
      commit_sha: HEAD,
      branch: 'fix/declines',
      tag: undefined,
      commit_message: 'Retry declined cards once',
      github_pr_number: '144',
      github_pr_title: 'Retry declined cards once',
      previous_commit_sha: MERGED_PULL_REQUEST.previousSha,
      commit_count: '3',
    });
    assert.equal(fake.events[0]?.attributes.github_pr_url, 'https://github.com/acme/payments-api/pull/144');
  });

  test('without commit_sha: the pull request is the comment\'s, never the default branch\'s; no commit is claimed', async () => {
    const job = chatOps();
    const main = await job.runMain({ inputs: inputs() });
    assertQuiet(main);
    assert.deepEqual(attributes(fake.events[0], 'commit_sha', 'branch', 'github_pr_number', 'github_pr_title', 'previous_commit_sha'), {
      commit_sha: undefined,
      branch: undefined,
      github_pr_number: '144',
      github_pr_title: 'Retry declined cards once',
      previous_commit_sha: undefined,
    });
  });
});

describe('a CD repository deploying code of another (repository_dispatch)', () => {
  const dispatch = (clientPayload: Record<string, string>) => {
    const payload = webhookExample('repository_dispatch');
    payload.client_payload = clientPayload;
    return newJob({ env: { ...pushContext(), GITHUB_EVENT_NAME: 'repository_dispatch', GITHUB_REPOSITORY: 'acme/deploy-config', GITHUB_SHA: fakeSha('deploy-config main') }, event: payload });
  };

  test('what shipped is looked up and linked in the repository the code is in', async () => {
    const job = dispatch({ sha: MERGED_PULL_REQUEST.sha, repository: 'acme/payments-api' });
    // with: commit_sha: ${{ github.event.client_payload.sha }}, repository: ${{ github.event.client_payload.repository }}
    const main = await job.runMain({ inputs: inputs({ commit_sha: MERGED_PULL_REQUEST.sha, repository: 'acme/payments-api' }) });
    assertQuiet(main);
    assert.deepEqual(attributes(fake.events[0], 'commit_sha', 'github_pr_url', 'compare_url', 'commit_count', 'github_repository'), {
      commit_sha: MERGED_PULL_REQUEST.sha,
      github_pr_url: MERGED_PULL_REQUEST.pullRequest.url,
      compare_url: `https://github.com/acme/payments-api/compare/${MERGED_PULL_REQUEST.previousSha}...${MERGED_PULL_REQUEST.sha}`,
      commit_count: String(MERGED_PULL_REQUEST.commitCount),
      github_repository: 'acme/deploy-config',
    });
  });

  test('a repository github_token cannot read: one notice, and no pull request of the CD repository', async () => {
    const job = dispatch({ sha: MERGED_PULL_REQUEST.sha });
    const main = await job.runMain({ inputs: inputs({ commit_sha: MERGED_PULL_REQUEST.sha, repository: 'acme/ledger' }) });
    assert.deepEqual(
      main.annotations.map((annotation) => annotation.level),
      ['notice'],
    );
    assert.match(main.annotations[0]?.message ?? '', /github_token cannot read acme\/ledger/);
    assert.deepEqual(attributes(fake.events[0], 'commit_sha', 'github_pr_number', 'previous_commit_sha'), { commit_sha: MERGED_PULL_REQUEST.sha, github_pr_number: undefined, previous_commit_sha: undefined });
  });
});

describe('a start whose stop step did not run', () => {
  for (const status of ['failure', 'cancelled'] as const) {
    test(`the job ended ${status} before the stop step: the start step's post step closes the window with that result`, async () => {
      const job = newJob();
      const start = await job.runMain({ stepId: 'start-marker', inputs: inputs({ event_state: 'start' }) });
      // The deploy fails (or the run is cancelled); the stop step, without if: always(), is skipped.
      const post = await job.runPost({ stepId: 'start-marker', inputs: inputs({ event_state: 'start' }), job: { status } });
      assertQuiet(start, post);
      assert.deepEqual(fake.events.map((event) => [event.event_state, event.attributes.deployment_id, event.attributes.result]), [
        ['start', start.outputs.deployment_id, undefined],
        ['stop', start.outputs.deployment_id, status],
      ]);
    });
  }

  test('the job succeeded: the window is left for a later job, and the log says so', async () => {
    const job = newJob();
    const start = await job.runMain({ stepId: 'start-marker', inputs: inputs({ event_state: 'start' }) });
    const post = await job.runPost({ stepId: 'start-marker', inputs: inputs({ event_state: 'start' }), job: { status: 'success' } });
    assertQuiet(start, post);
    assert.equal(fake.events.length, 1);
    assert.match(post.stdout, new RegExp(`deployment window ${start.outputs.deployment_id} of payments-api is still open: left for a stop step in a later job`));
  });
});

describe('several services in one step (service: api, worker)', () => {
  test('a window each, with its own deployment_id in deployment_ids; the post step stops both with the job\'s result', async () => {
    const job = newJob();
    const use = { inputs: inputs({ service: 'api, worker' }) };
    const main = await job.runMain(use);
    const post = await job.runPost({ ...use, job: { status: 'failure' } });
    assertQuiet(main, post);
    const ids = JSON.parse(main.outputs.deployment_ids ?? '{}') as Record<string, string>;
    assert.deepEqual(Object.keys(ids), ['api', 'worker']);
    assert.notEqual(ids.api, ids.worker);
    assert.equal(main.outputs.deployment_id, '', 'one id would be the wrong one for a service');
    for (const service of ['api', 'worker']) {
      assert.deepEqual(
        fake.events.filter((event) => event.attributes.service_name === service).map((event) => [event.event_state, event.attributes.deployment_id, event.attributes.result]),
        [
          ['start', ids[service], undefined],
          ['stop', ids[service], 'failure'],
        ],
        service,
      );
    }
    assert.equal(fake.requestsTo('token').length, 1, 'one token exchange a step');
  });

  test('a stop step for the same services closes each one\'s window', async () => {
    const job = newJob();
    const start = await job.runMain({ stepId: 'start', inputs: inputs({ service: 'api\nworker', event_state: 'start' }) });
    const stop = await job.runMain({ stepId: 'stop', inputs: inputs({ service: 'api\nworker', event_state: 'stop' }) });
    assertQuiet(start, stop);
    assert.deepEqual(JSON.parse(stop.outputs.deployment_ids ?? ''), JSON.parse(start.outputs.deployment_ids ?? ''));
    assert.equal(stop.outputs.deployment_id, '');
    assert.deepEqual(fake.events.map((event) => [event.event_state, event.attributes.service_name]), [
      ['start', 'api'],
      ['start', 'worker'],
      ['stop', 'api'],
      ['stop', 'worker'],
    ]);
  });
});

describe('redeploys and rollbacks', () => {
  test('an hourly redeploy of the commit deployed last: nothing new shipped (commit_count 0, no lead time)', async () => {
    const sha = MERGED_PULL_REQUEST.sha;
    github.deployments.push({ id: 2051400000, sha, environment: 'production', createdAt: new Date(Date.now() - 3_600_000).toISOString(), statuses: [{ state: 'success', createdAt: new Date(Date.now() - 3_500_000).toISOString(), logUrl: 'https://github.com/acme/payments-api/actions/runs/9876500000/job/1' }] });
    const job = newJob({ env: { ...pushContext(), GITHUB_EVENT_NAME: 'schedule' }, event: { schedule: '0 * * * *' } });
    const main = await job.runMain({ inputs: inputs() });
    assertQuiet(main);
    assert.deepEqual(attributes(fake.events[0], 'previous_commit_sha', 'commit_count', 'lead_time_s', 'compare_url', 'rollback'), { previous_commit_sha: sha, commit_count: '0', lead_time_s: undefined, compare_url: undefined, rollback: undefined });
  });

  test('examples/workflows/rollback.yml: back to an older commit, the markers say rollback and claim no commits', async () => {
    const [use] = markerUses('examples/workflows/rollback.yml');
    const target = history[1]?.sha ?? '';
    const payload = webhookExample('workflow_dispatch');
    payload.inputs = { commit: target, reason: 'checkout errors after 0ee96df' };
    const job = newJob({ env: { ...pushContext(), GITHUB_EVENT_NAME: 'workflow_dispatch' }, event: payload });
    const withs = { ...evaluate(use?.with ?? {}, { secrets: { LAST9_REFRESH_TOKEN: DEFAULT_REFRESH_TOKEN }, inputs: payload.inputs }), api_base_url: fake.url };
    const main = await job.runMain({ inputs: withs });
    assertQuiet(main);
    assert.deepEqual(attributes(fake.events[0], 'event_name', 'commit_sha', 'previous_commit_sha', 'rollback', 'commit_count', 'lead_time_s', 'build_param_reason'), {
      event_name: undefined,
      commit_sha: target,
      previous_commit_sha: MERGED_PULL_REQUEST.previousSha,
      rollback: 'true',
      commit_count: '0',
      lead_time_s: undefined,
      build_param_reason: 'checkout errors after 0ee96df',
    });
    assert.equal(fake.events[0]?.event_name, 'rollback');
    assert.equal(main.outputs.rollback, 'true');
  });
});

describe('one secret: the organization from the access token', () => {
  test('no org_slug: the events go to the organization the access token is for', async () => {
    const job = newJob();
    const { org_slug: _org, ...withoutOrg } = inputs();
    const [main, post] = [await job.runMain({ inputs: withoutOrg }), await job.runPost({ inputs: withoutOrg })];
    assertQuiet(main, post);
    assert.deepEqual(fake.events.map((event) => [event.event_state, event.org]), [
      ['start', 'acme'],
      ['stop', 'acme'],
    ]);
  });

  test('an org_slug the token is not for: one warning naming both, and the events still arrive', async () => {
    const job = newJob();
    const use = { inputs: inputs({ org_slug: 'acme-typo' }) };
    const [main, post] = [await job.runMain(use), await job.runPost(use)];
    assert.deepEqual([...main.annotations, ...post.annotations], [
      { level: 'warning', message: 'Last9: org_slug "acme-typo" is not the organization the access token is for ("acme"): the events go to "acme". Set org_slug to "acme", or leave it out.' },
    ]);
    assert.deepEqual(fake.events.map((event) => event.org), ['acme', 'acme']);
  });

  test("a token that does not say and no org_slug: an input error naming org_slug; nothing is sent, the step fails only with fail_on_error", async () => {
    fake.tokenOrg = null;
    const { org_slug: _org, ...withoutOrg } = inputs();
    const main = await newJob().runMain({ inputs: withoutOrg });
    assert.deepEqual(main.annotations, [{ level: 'error', message: 'Input "org_slug" is required: the access token does not say which Last9 organization it is for. No marker was sent.' }]);
    assert.deepEqual([main.exitCode, fake.events.length, fake.requestsTo('event').length], [0, 0, 0]);
    const failing = await newJob().runMain({ inputs: { ...withoutOrg, fail_on_error: 'true' } });
    assert.equal(failing.exitCode, 1);
  });
});
