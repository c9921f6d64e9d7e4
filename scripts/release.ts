// Cuts a release locally, ready to push: `npm run release -- X.Y.Z [--dry-run]`.
//
// Checks that the working tree is clean and on main, that X.Y.Z is a semantic version greater than
// package.json's and not tagged yet, and that CHANGELOG.md's [Unreleased] section lists something.
// Then: bumps the version in package.json and package-lock.json, releases the [Unreleased] section
// as `## [X.Y.Z] - <today, UTC>` under a new empty one, rebuilds dist/, runs npm test, commits
// "Release vX.Y.Z" and creates the annotated tag vX.Y.Z. It never pushes: it prints the command.
// --dry-run makes the same checks and prints what it would do, changing nothing.

import { execFileSync, execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CHANGELOG_FILE, isPrerelease, majorTag, parseSemver, ReleaseError, releaseChangelog, releaseNotes, releaseVersionProblem, utcDate } from './changelog.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BRANCH = 'main';
const RELEASE_FILES = ['package.json', 'package-lock.json', 'CHANGELOG.md', 'dist'];
const USAGE = `Usage: npm run release -- X.Y.Z [--dry-run]

Cuts release vX.Y.Z on a clean main: bumps package.json and package-lock.json, dates CHANGELOG.md's
[Unreleased] section as X.Y.Z, rebuilds dist/, runs npm test, commits "Release vX.Y.Z" and tags
vX.Y.Z. It does not push; it prints the push command. --dry-run prints what it would do and
changes nothing. (Keep the "--" after "release": without it, npm takes --dry-run for itself.)`;

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trimEnd();
}

/** Runs a command in the project, its output shown as it comes; throws if it fails. */
function run(display: string, command: string, args: string[]): void {
  console.log(`\n$ ${display}`);
  execFileSync(command, args, { cwd: ROOT, stdio: 'inherit' });
}

/** npm, through the npm that runs this script when there is one (no shell needed on Windows). */
function npm(...args: string[]): void {
  const cli = process.env.npm_execpath;
  if (cli && /npm-cli\.[cm]?js$/.test(cli)) {
    run(`npm ${args.join(' ')}`, process.execPath, [cli, ...args]);
  } else if (process.platform === 'win32') {
    console.log(`\n$ npm ${args.join(' ')}`);
    execSync(`npm ${args.join(' ')}`, { cwd: ROOT, stdio: 'inherit' }); // args are a validated version and fixed words
  } else {
    run(`npm ${args.join(' ')}`, 'npm', args);
  }
}

function packageVersion(): string {
  return String((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version?: unknown }).version);
}

interface Check {
  what: string;
  problem?: string;
}

function checks(version: string, current: string, date: string): { list: Check[]; changelog?: string } {
  const list: Check[] = [];

  const status = git('status', '--porcelain');
  const dirty = status.split('\n').filter(Boolean);
  list.push({
    what: 'the working tree is clean',
    problem:
      dirty.length === 0
        ? undefined
        : `it is not; commit or stash these first:\n${[...dirty.slice(0, 10), ...(dirty.length > 10 ? [`… and ${dirty.length - 10} more`] : [])].map((line) => `        ${line}`).join('\n')}`,
  });

  let branch: string;
  try {
    branch = git('symbolic-ref', '--quiet', '--short', 'HEAD');
  } catch {
    branch = '(a detached HEAD)';
  }
  list.push({ what: `on branch ${BRANCH}`, problem: branch === BRANCH ? undefined : `on ${branch}; releases are cut from ${BRANCH}` });

  const versionProblem = releaseVersionProblem(version, current);
  list.push({ what: `${version} is a semantic version greater than package.json's ${current}`, problem: versionProblem });
  if (!parseSemver(version)) return { list };

  const tag = `v${version}`;
  list.push({ what: `no tag ${tag} yet`, problem: git('tag', '--list', tag) === '' ? undefined : `the tag ${tag} already exists` });

  try {
    const changelog = releaseChangelog(readFileSync(CHANGELOG_FILE, 'utf8'), version, date);
    list.push({ what: 'CHANGELOG.md has a non-empty [Unreleased] section to release' });
    return { list, changelog };
  } catch (error) {
    if (!(error instanceof ReleaseError)) throw error;
    list.push({ what: 'CHANGELOG.md has a non-empty [Unreleased] section to release', problem: error.message });
    return { list };
  }
}

function indent(text: string, prefix = '    '): string {
  return text
    .split('\n')
    .map((line) => (line ? `${prefix}${line}` : prefix.trimEnd()))
    .join('\n');
}

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  const [version, ...extra] = parsed.positionals;
  if (!version || extra.length > 0) {
    console.error(USAGE);
    return 2;
  }
  // `npm run release 1.2.3 --dry-run` (no "--") hands --dry-run to npm, which passes it on as
  // npm_config_dry_run: still a dry run, never a real release by accident.
  const dryRun = parsed.values['dry-run'] || process.env.npm_config_dry_run === 'true';

  const current = packageVersion();
  const date = utcDate(new Date());
  const tag = `v${version}`;
  const { list, changelog } = checks(version, current, date);
  const problems = list.filter((check) => check.problem !== undefined);

  console.log(`${dryRun ? 'Dry run: what ' : ''}release ${tag}${dryRun ? ' would do' : ''} (package.json ${current} → ${version}, dated ${date} UTC)`);
  console.log('\nChecks:');
  for (const check of list) console.log(check.problem === undefined ? `  ✓ ${check.what}` : `  ✗ ${check.what}: ${check.problem}`);

  const prerelease = parseSemver(version) ? isPrerelease(version) : false;
  const steps = [
    `npm version ${version} --no-git-tag-version    (package.json, package-lock.json: ${current} → ${version})`,
    `CHANGELOG.md: "## [Unreleased]" becomes "## [${version}] - ${date}", under a new empty "## [Unreleased]"`,
    'npm run build    (dist/ from the sources as they are)',
    'npm test',
    `git add ${RELEASE_FILES.join(' ')} && git commit -m "Release ${tag}"`,
    `git tag -a ${tag} -m "Release ${tag}"`,
  ];
  if (dryRun) {
    console.log('\nSteps it would take:');
    steps.forEach((step, i) => console.log(`  ${i + 1}. ${step}`));
    console.log(`\nThen, by hand (it never pushes): git push origin ${BRANCH} ${tag}`);
    if (parseSemver(version)) {
      console.log(
        prerelease
          ? `The release workflow would then publish ${tag} as a pre-release; ${majorTag(version)} would not move.`
          : `The release workflow would then publish release ${tag} and move ${majorTag(version)} to it.`,
      );
    }
    if (changelog) console.log(`\nRelease notes (the ${version} section of CHANGELOG.md):\n${indent(releaseNotes(changelog, version), '  | ')}`);
    console.log('\nDry run: nothing was changed.');
    if (problems.length > 0) console.log(`A real run would stop here: ${problems.length} check${problems.length === 1 ? '' : 's'} failed (✗ above).`);
    return problems.length > 0 ? 1 : 0;
  }

  if (problems.length > 0 || !changelog) {
    console.error(`\nNo release: ${problems.length} check${problems.length === 1 ? '' : 's'} failed (✗ above). Nothing was changed.`);
    return 1;
  }

  let committed = false;
  try {
    npm('version', version, '--no-git-tag-version');
    if (packageVersion() !== version) throw new Error(`package.json says ${packageVersion()} after npm version, not ${version}`);
    console.log(`\nCHANGELOG.md: [Unreleased] is now [${version}] - ${date}.`);
    writeFileSync(CHANGELOG_FILE, changelog);
    npm('run', 'build');
    npm('test');
    run(`git add ${RELEASE_FILES.join(' ')}`, 'git', ['add', '--', ...RELEASE_FILES]);
    run(`git commit -m "Release ${tag}"`, 'git', ['commit', '--quiet', '-m', `Release ${tag}`]);
    committed = true;
    run(`git tag -a ${tag} -m "Release ${tag}"`, 'git', ['tag', '-a', tag, '-m', `Release ${tag}`]);
  } catch (error) {
    console.error(`\nRelease ${tag} stopped: ${(error as Error).message.split('\n')[0]}`);
    console.error(
      committed
        ? `The commit "Release ${tag}" exists but the tag does not. Tag it (git tag -a ${tag} -m "Release ${tag}"), or drop the commit: git reset --hard HEAD~1`
        : `Nothing was committed. To undo the changes: git restore -- ${RELEASE_FILES.join(' ')}`,
    );
    return 1;
  }

  const left = git('status', '--porcelain');
  if (left) console.log(`\nNote: these files changed during the release and are not in it:\n${indent(left)}`);
  console.log(`\nCommitted "Release ${tag}" and tagged ${tag}. Nothing is pushed yet. To publish it:\n\n  git push origin ${BRANCH} ${tag}\n`);
  console.log(
    prerelease
      ? `The release workflow then publishes ${tag} as a pre-release (${majorTag(version)} does not move).`
      : `The release workflow then publishes release ${tag} with its CHANGELOG.md section and moves ${majorTag(version)} to it.`,
  );
  return 0;
}

process.exitCode = main();
