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
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import semver from 'semver';
import { CHANGELOG_FILE, ReleaseError, releaseChangelog, releaseNotes, releaseVersionProblem } from './changelog.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BRANCH = 'main';
const RELEASE_FILES = ['package.json', 'package-lock.json', 'CHANGELOG.md', 'dist'];
const USAGE = `Usage: npm run release -- X.Y.Z [--dry-run]

Cuts release vX.Y.Z on a clean main: bumps package.json and package-lock.json, dates CHANGELOG.md's
[Unreleased] section as X.Y.Z, rebuilds dist/, runs npm test, commits "Release vX.Y.Z" and tags
vX.Y.Z. It does not push; it prints the push command. --dry-run prints what it would do and
changes nothing. (Keep the "--" after "release": without it, npm takes --dry-run for itself.)`;

const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trimEnd();
const packageVersion = () => String((JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown }).version);

/** Runs a command in the project, its output shown as it comes; throws if it fails. */
function run(command: string): void {
  console.log(`\n$ ${command}`);
  execSync(command, { cwd: ROOT, stdio: 'inherit' }); // a validated version and fixed words: nothing to quote
}

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [version, ...extra] = parsed.positionals;
  if (parsed.values.help || !version || extra.length > 0) {
    (parsed.values.help ? console.log : console.error)(USAGE);
    return parsed.values.help ? 0 : 2;
  }
  // `npm run release 1.2.3 --dry-run` (no "--") hands --dry-run to npm, which passes it on as
  // npm_config_dry_run: still a dry run, never a real release by accident.
  const dryRun = parsed.values['dry-run'] || process.env.npm_config_dry_run === 'true';
  const current = packageVersion();
  const date = new Date().toISOString().slice(0, 10);
  const tag = `v${version}`;

  const dirty = git('status', '--porcelain').split('\n').filter(Boolean);
  let branch = '(a detached HEAD)';
  try {
    branch = git('symbolic-ref', '--quiet', '--short', 'HEAD');
  } catch {
    // detached
  }
  const versionProblem = releaseVersionProblem(version, current);
  const checks: [string, string | undefined][] = [
    ['the working tree is clean', dirty.length === 0 ? undefined : `it is not; commit or stash these first:\n${[...dirty.slice(0, 10), ...(dirty.length > 10 ? [`… and ${dirty.length - 10} more`] : [])].map((line) => `        ${line}`).join('\n')}`],
    [`on branch ${BRANCH}`, branch === BRANCH ? undefined : `on ${branch}; releases are cut from ${BRANCH}`],
    [`${version} is a semantic version greater than package.json's ${current}`, versionProblem],
  ];
  let changelog: string | undefined;
  if (!versionProblem) {
    checks.push([`no tag ${tag} yet`, git('tag', '--list', tag) === '' ? undefined : `the tag ${tag} already exists`]);
    try {
      changelog = releaseChangelog(readFileSync(CHANGELOG_FILE, 'utf8'), version, date);
      checks.push(['CHANGELOG.md has a non-empty [Unreleased] section to release', undefined]);
    } catch (error) {
      if (!(error instanceof ReleaseError)) throw error;
      checks.push(['CHANGELOG.md has a non-empty [Unreleased] section to release', error.message]);
    }
  }
  const failed = checks.filter(([, problem]) => problem !== undefined).length;

  console.log(`${dryRun ? 'Dry run: what ' : ''}release ${tag}${dryRun ? ' would do' : ''} (package.json ${current} → ${version}, dated ${date} UTC)`);
  console.log('\nChecks:');
  for (const [what, problem] of checks) console.log(problem === undefined ? `  ✓ ${what}` : `  ✗ ${what}: ${problem}`);

  const workflow = versionProblem
    ? ''
    : semver.prerelease(version)
      ? `After the push, the release workflow publishes ${tag} as a pre-release; v${semver.major(version)} does not move.`
      : `After the push, the release workflow publishes release ${tag} with its CHANGELOG.md section and moves v${semver.major(version)} to it.`;
  const commands = [
    `npm version ${version} --no-git-tag-version`,
    'npm run build',
    'npm test',
    `git add ${RELEASE_FILES.join(' ')}`,
    `git commit --quiet -m "Release ${tag}"`,
    `git tag -a ${tag} -m "Release ${tag}"`,
  ];
  if (dryRun) {
    console.log('\nSteps it would take:');
    [commands[0], `CHANGELOG.md: "## [Unreleased]" becomes "## [${version}] - ${date}", under a new empty "## [Unreleased]"`, ...commands.slice(1)].forEach((step, i) => console.log(`  ${i + 1}. ${step}`));
    console.log(`\nThen, by hand (it never pushes): git push origin ${BRANCH} ${tag}${workflow ? `\n${workflow}` : ''}`);
    if (changelog) console.log(`\nRelease notes (the ${version} section of CHANGELOG.md):\n${releaseNotes(changelog, version).replace(/^/gm, '  | ').replace(/ +$/gm, '')}`);
    console.log('\nDry run: nothing was changed.');
    if (failed > 0) console.log(`A real run would stop here: ${failed} check${failed === 1 ? '' : 's'} failed (✗ above).`);
    return failed > 0 ? 1 : 0;
  }
  if (failed > 0 || !changelog) {
    console.error(`\nNo release: ${failed} check${failed === 1 ? '' : 's'} failed (✗ above). Nothing was changed.`);
    return 1;
  }

  let committed = false;
  try {
    run(commands[0] ?? '');
    if (packageVersion() !== version) throw new Error(`package.json says ${packageVersion()} after npm version, not ${version}`);
    writeFileSync(CHANGELOG_FILE, changelog);
    console.log(`\nCHANGELOG.md: [Unreleased] is now [${version}] - ${date}.`);
    for (const command of commands.slice(1, 5)) run(command);
    committed = true;
    run(commands[5] ?? '');
  } catch (error) {
    console.error(`\nRelease ${tag} stopped: ${(error as Error).message.split('\n')[0]}`);
    console.error(
      committed
        ? `The commit "Release ${tag}" exists but the tag does not. Tag it (git tag -a ${tag} -m "Release ${tag}"), or drop the commit: git reset --hard HEAD~1`
        : `Nothing was committed. To undo the changes: git restore --staged --worktree -- ${RELEASE_FILES.join(' ')}`,
    );
    return 1;
  }

  const left = git('status', '--porcelain');
  if (left) console.log(`\nNote: these files changed during the release and are not in it:\n${left.replace(/^/gm, '    ')}`);
  console.log(`\nCommitted "Release ${tag}" and tagged ${tag}. Nothing is pushed yet. To publish it:\n\n  git push origin ${BRANCH} ${tag}\n`);
  console.log(workflow);
  return 0;
}

process.exitCode = main();
