// The job summary shows values from outside: none of them may turn into Markdown or HTML.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { workflowRunUrl } from '../../src/marker/github-context.js';
import { summaryText, whatShipped, windowSummary } from '../../src/runner/summary.js';
import type { Settings } from '../../src/runner/settings.js';

test('a value is one line, with HTML and Markdown characters as entities', () => {
  const attack = 'production\n\n> re-authenticate at [github.com/login](https://attacker.example/login) ![t](https://attacker.example/t.png) <img src=x>';
  const shown = summaryText(attack);
  assert.doesNotMatch(shown, /[\n\r<>[\]()!]/);
  assert.match(shown, /^production &#62; re-authenticate at &#91;github\.com\/login&#93;&#40;https:\/\/attacker\.example\/login&#41;/);
  assert.equal(summaryText('payments-api 1.2.3'), 'payments-api 1.2.3');
});

test('Markdown in any value cannot put a link or an image into the job summary: its only links are GitHub pages', () => {
  const attack = '1.0\n\n> re-authenticate at [github.com/login](https://attacker.example/login)\n\n![t](https://attacker.example/t.png) <img src="https://attacker.example/p.gif">';
  const settings = { service: attack, env: attack, eventName: attack } as Settings;
  const attributes = { version: attack, commit_sha: attack, branch: attack, github_pr_number: '7', github_pr_title: attack, github_pr_url: 'https://attacker.example/pull/7' };
  const summary = windowSummary({ settings, attributes, events: [{ state: 'stop', at: attack, delivered: true }] });
  assert.match(summary, /re-authenticate at/, 'the value is shown');
  assert.doesNotMatch(summary, /\n\s*\n/, 'no blank line ends the HTML block');
  assert.doesNotMatch(summary, /\]\(|<img|!\[/, 'no Markdown link or image, no HTML image');
  assert.doesNotMatch(summary, /href="https:\/\/attacker/, 'no link to where a value points');
});

test('the run link only from values of the shape GitHub gives them', () => {
  const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/payments-api', GITHUB_RUN_ID: '9876543210' };
  assert.equal(workflowRunUrl(env), 'https://github.com/acme/payments-api/actions/runs/9876543210');
  assert.equal(workflowRunUrl({ ...env, GITHUB_SERVER_URL: 'https://ghe.example.com:8443' }), 'https://ghe.example.com:8443/acme/payments-api/actions/runs/9876543210');
  for (const odd of [{ GITHUB_SERVER_URL: 'javascript:alert(1)' }, { GITHUB_REPOSITORY: 'acme/x" onclick="y' }, { GITHUB_RUN_ID: '1/../../evil' }, { GITHUB_RUN_ID: undefined }]) {
    assert.equal(workflowRunUrl({ ...env, ...odd }), undefined, JSON.stringify(odd));
  }
});

test('"What shipped": the PR linked with its title, the compare link, the count and the lead time; links only of GitHub\'s shape', () => {
  const prev = '9'.repeat(40);
  const head = 'a'.repeat(40);
  const attributes = {
    github_pr_number: '143',
    github_pr_title: 'Cap retries <script>',
    github_pr_url: 'https://ghe.example.com:8443/acme/payments-api/pull/143',
    compare_url: `https://ghe.example.com:8443/acme/payments-api/compare/${prev}...${head}`,
    commit_count: '1',
    lead_time_s: '93784',
  };
  assert.deepEqual(whatShipped(attributes), [
    'Pull request <a href="https://ghe.example.com:8443/acme/payments-api/pull/143">#143</a> Cap retries &#60;script&#62;',
    `Changes: <a href="${attributes.compare_url}">9999999...aaaaaaa</a>`,
    '1 commit',
    'Lead time 1 d 2 h (from the oldest commit to this deploy)',
  ]);
  const odd = whatShipped({ ...attributes, github_pr_url: 'javascript:alert(1)', compare_url: 'https://evil.example/"><img src=x>', commit_count: '3; drop', lead_time_s: '59' });
  assert.deepEqual(odd, ['Pull request #143 Cap retries &#60;script&#62;', 'Lead time 59 s (from the oldest commit to this deploy)']);
  assert.deepEqual(whatShipped({}), []);
});
