// The webhook payloads GitHub publishes (@octokit/webhooks-examples, api.github.com): the events a
// test starts a run with are these, not payloads written for the test.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Payload = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a payload is read field by field by the code under test

let definitions: Array<{ name: string; examples: Payload[] }> | undefined;

/** A copy of the first published example of `event` that `pick` accepts. */
export function webhookExample(event: string, pick: (payload: Payload) => boolean = () => true): Payload {
  definitions ??= JSON.parse(readFileSync(fileURLToPath(import.meta.resolve('@octokit/webhooks-examples')), 'utf8')) as typeof definitions;
  const example = definitions?.find((definition) => definition.name === event)?.examples.find(pick);
  if (!example) throw new Error(`@octokit/webhooks-examples has no ${event} example of that kind`);
  return structuredClone(example);
}

/**
 * The published issue_comment example made a comment on a pull request, as GitHub sends one: its
 * issue has a `pull_request` object (the examples have only comments on plain issues).
 */
export function commentOnPullRequest(number: number, title: string): Payload {
  const payload = webhookExample('issue_comment', (example) => example.action === 'created');
  const html = `https://github.com/${payload.repository.full_name}/pull/${number}`;
  Object.assign(payload.issue, {
    number,
    title,
    pull_request: { url: `https://api.github.com/repos/${payload.repository.full_name}/pulls/${number}`, html_url: html, diff_url: `${html}.diff`, patch_url: `${html}.patch`, merged_at: null },
  });
  payload.comment.body = '.deploy';
  return payload;
}
