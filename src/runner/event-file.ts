// The webhook event that started the run, from the file the runner names (GITHUB_EVENT_PATH), and
// the environment beside it: the GitHub context of a step.

import { readFileSync, statSync } from 'node:fs';
import { readEvent } from '../marker/event-payload.js';
import type { Env, GithubContext } from '../marker/github-context.js';
import { quoteList } from '../text/quote.js';
import { isRecord } from '../text/shape.js';

export interface ReadContext {
  context: GithubContext;
  /** What of the payload could not be read, said once. */
  notice?: string;
}

/** GitHub caps a webhook payload at 25 MB; a larger file is no payload GitHub sent. */
export const MAX_EVENT_PAYLOAD_BYTES = 25 * 1024 * 1024;

/**
 * The payload is read from GITHUB_EVENT_PATH rather than through @actions/github, whose Octokit
 * client would cost every step about a third of a bare Node start and is not otherwise needed.
 * An unreadable payload, or an unreadable field of it, leaves out the attributes taken from it.
 */
export function readGithubContext(env: Env = process.env, maxBytes = MAX_EVENT_PAYLOAD_BYTES): ReadContext {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return { context: { env, event: readEvent({}).event } };
  let raw: unknown;
  try {
    const { size } = statSync(path);
    if (size > maxBytes) return unreadablePayload(env, `it is ${size} bytes, larger than GitHub sends`);
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return unreadablePayload(env, error instanceof SyntaxError ? 'it is not JSON' : 'the file could not be read');
  }
  if (!isRecord(raw)) return unreadablePayload(env, 'it is not a JSON object');
  const { event, unreadable } = readEvent(raw);
  const notice =
    unreadable.length > 0
      ? `the event payload (GITHUB_EVENT_PATH) has fields not of the type GitHub sends, left out: ${quoteList(unreadable)}`
      : undefined;
  return { context: { env, event }, notice };
}

function unreadablePayload(env: Env, why: string): ReadContext {
  return { context: { env, event: readEvent({}).event }, notice: `the event payload (GITHUB_EVENT_PATH) was not read (${why}); the attributes taken from it are left out` };
}
