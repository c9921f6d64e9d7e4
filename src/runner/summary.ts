// The job summary of a window: its events, whether Last9 got them, and the attributes that matter.

import * as core from '@actions/core';
import type { Attributes } from '../marker/attributes.js';
import { CONTROL_CHARACTER } from '../text/lines.js';
import { REPOSITORY_PAGE, workflowRunUrl } from '../marker/github-context.js';
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

/** The window's job summary, as Markdown (built with @actions/core's summary, written by the step). */
export function windowSummary({ settings, attributes, events }: WindowSummary): string {
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
  const shipped = whatShipped(attributes);
  if (shipped.length > 0) summary.addHeading('What shipped', 4).addList(shipped);
  const runUrl = workflowRunUrl(process.env);
  if (runUrl) summary.addLink('This workflow run', runUrl);
  const markdown = summary.stringify();
  summary.emptyBuffer();
  return markdown;
}

const CONTROL_CHARACTER_RUNS = new RegExp(`${CONTROL_CHARACTER.source}+`, 'g');

/** Links only of the shape GitHub gives them: core.summary puts an href into the page as it is. */
const PULL_REQUEST_URL = new RegExp(String.raw`^${REPOSITORY_PAGE}\/pull\/\d+$`);
const COMPARE_URL = new RegExp(String.raw`^${REPOSITORY_PAGE}\/compare\/([0-9a-f]{40})\.\.\.([0-9a-f]{40})$`);

/** The "What shipped" list: the pull request with its title, the compare link, the commit count, the lead time. */
export function whatShipped(attributes: Attributes): string[] {
  const items: string[] = [];
  const { github_pr_number: number, github_pr_title: title, github_pr_url: prUrl, compare_url: compareUrl, commit_count: count, lead_time_s: leadTime } = attributes;
  if (number) {
    const name = `#${summaryText(number)}`;
    const link = prUrl && PULL_REQUEST_URL.test(prUrl) ? `<a href="${prUrl}">${name}</a>` : name;
    items.push(`Pull request ${link}${title ? ` ${summaryText(title)}` : ''}`);
  }
  const compared = compareUrl ? COMPARE_URL.exec(compareUrl) : null;
  if (compared) items.push(`Changes: <a href="${compareUrl}">${compared[1]?.slice(0, 7)}...${compared[2]?.slice(0, 7)}</a>`);
  if (count && /^\d+$/.test(count)) items.push(`${count} ${count === '1' ? 'commit' : 'commits'}`);
  if (leadTime && /^\d+$/.test(leadTime)) items.push(`Lead time ${humanDuration(Number(leadTime))} (from the oldest commit to this deploy)`);
  return items;
}

function humanDuration(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes} min`;
  return minutes > 0 ? `${minutes} min` : `${seconds} s`;
}

/**
 * A value as the summary shows it. The summary is Markdown around HTML blocks: a line break (a
 * blank line ends the block) would let what follows render as Markdown — links, images — so every
 * value is one line, and HTML- and Markdown-significant characters become entities.
 */
export function summaryText(text: string): string {
  return (
    text
      .replace(CONTROL_CHARACTER_RUNS, ' ')
      .replace(/[&<>"'`[\]()!*_|\\]/g, (character) => `&#${character.charCodeAt(0)};`)
  );
}
