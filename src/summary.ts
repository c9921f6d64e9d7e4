// The job summary of a window: its events, whether Last9 got them, and the attributes that matter.

import * as core from '@actions/core';
import type { Attributes } from './attributes.js';
import type { Settings } from './settings.js';

const KEY_ATTRIBUTES = ['service_name', 'deployment_environment', 'deployment_id', 'result', 'duration_ms', 'version', 'commit_sha', 'branch', 'tag', 'actor'];

export interface SentEvent {
  state: 'start' | 'stop';
  at: string;
  /** Undefined when the step sending it was cancelled before Last9 answered. */
  delivered?: boolean | 'dry-run';
}

export interface WindowSummary {
  settings: Settings;
  /** The stop's attributes (the start's plus result and duration_ms). */
  attributes: Attributes;
  events: SentEvent[];
}

const OUTCOMES = new Map<SentEvent['delivered'], string>([
  [true, '✅ delivered'],
  [false, '⚠️ not delivered'],
  ['dry-run', '🧪 dry run: not sent'],
  [undefined, '❔ unknown (the main step was cancelled)'],
]);

export async function writeWindowSummary({ settings, attributes, events }: WindowSummary): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const header = (text: string) => ({ data: text, header: true });
  const summary = core.summary
    .addHeading(`Last9 deployment marker: ${summaryText(settings.service)} → ${summaryText(settings.env)}`, 3)
    .addTable([
      [header('event'), header('event_state'), header('time (UTC)'), header('Last9')],
      ...events.map((event) => [summaryText(settings.eventName), event.state, summaryText(event.at), OUTCOMES.get(event.delivered) as string]),
    ])
    .addTable([
      [header('attribute'), header('value')],
      ...KEY_ATTRIBUTES.filter((key) => attributes[key] !== undefined).map((key) => [key, summaryText(attributes[key] as string)]),
    ]);
  const runUrl = workflowRunUrl(process.env);
  if (runUrl) summary.addLink('This workflow run', runUrl);
  await summary.write();
}

/**
 * A value as the summary shows it. The summary is Markdown around HTML blocks: a line break (a
 * blank line ends the block) would let what follows render as Markdown — links, images — so every
 * value is one line, and HTML- and Markdown-significant characters become entities.
 */
export function summaryText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
      .replace(/[&<>"'`[\]()!*_|\\]/g, (character) => `&#${character.charCodeAt(0)};`)
  );
}

/** The run's page, only from values of the shape GitHub gives them. */
export function workflowRunUrl(env: Record<string, string | undefined>): string | undefined {
  const { GITHUB_SERVER_URL: server = '', GITHUB_REPOSITORY: repository = '', GITHUB_RUN_ID: runId = '' } = env;
  if (!/^https?:\/\/[A-Za-z0-9.-]+(:\d+)?$/.test(server) || !/^[\w.-]+\/[\w.-]+$/.test(repository) || !/^\d+$/.test(runId)) return undefined;
  return `${server}/${repository}/actions/runs/${runId}`;
}
