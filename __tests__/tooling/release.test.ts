// npm run release and `tsx scripts/changelog.ts section`, the commands themselves (npm run
// test:tooling, not part of npm test): scripts/release.ts and scripts/changelog.ts copied into a
// throwaway git repository beside a small package whose build and test are stand-ins, with a bare
// repository as origin to prove that nothing is pushed.

import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../testing/runner.js';

const CHANGELOG = `# Changelog

## [Unreleased]

### Fixed

- A stop for a closed window says so.

## [1.0.0] - 2026-11-23

### Added

- Windows.

[Unreleased]: https://github.com/last9/deployment-marker/compare/v1.0.0...HEAD
[1.0.0]: https://github.com/last9/deployment-marker/releases/tag/v1.0.0
`;

/** `build` writes dist/index.js as a real build would; `test` passes unless told otherwise. */
function packageJson(test: string): string {
  const build = `node -e "require('fs').writeFileSync('dist/index.js', '// built\\n')"`;
  return `${JSON.stringify({ name: 'fixture', version: '1.0.0', private: true, scripts: { build, test } }, null, 2)}\n`;
}
const LOCK = `${JSON.stringify({ name: 'fixture', version: '1.0.0', lockfileVersion: 3, requires: true, packages: { '': { name: 'fixture', version: '1.0.0' } } }, null, 2)}\n`;

/** The environment of the release, without what this test's own run (npm, git hooks) would add. */
function cleanEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(GIT_|npm_)/i.test(name)));
  return { ...env, ...extra };
}

function sandbox(t: TestContext, { changelog = CHANGELOG, test = 'node -e ""' } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'deployment-marker-release-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const dir = join(root, 'work');
  const origin = join(root, 'origin.git');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: cleanEnvironment(), stdio: ['ignore', 'pipe', 'pipe'] }).trimEnd();

  mkdirSync(join(dir, 'scripts'), { recursive: true });
  mkdirSync(join(dir, 'dist'));
  for (const file of ['release.ts', 'changelog.ts']) copyFileSync(join(PROJECT_ROOT, 'scripts', file), join(dir, 'scripts', file));
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'junction'); // semver, keep-a-changelog
  writeFileSync(join(dir, '.gitignore'), 'node_modules\n');
  writeFileSync(join(dir, 'package.json'), packageJson(test));
  writeFileSync(join(dir, 'package-lock.json'), LOCK);
  writeFileSync(join(dir, 'CHANGELOG.md'), changelog);
  writeFileSync(join(dir, 'dist', 'index.js'), '// old build\n');
  execFileSync('git', ['init', '--quiet', '--bare', origin], { env: cleanEnvironment() });
  git('init', '--quiet', '--initial-branch=main');
  for (const [key, value] of [['user.name', 'Test'], ['user.email', 'test@example.com'], ['commit.gpgsign', 'false'], ['tag.gpgsign', 'false']]) git('config', key ?? '', value ?? '');
  git('add', '.');
  git('commit', '--quiet', '-m', 'Initial');
  git('remote', 'add', 'origin', origin);
  git('push', '--quiet', 'origin', 'main');

  return {
    dir,
    git,
    /** `npm run release -- <args>` there: exit code and output, never throwing. */
    release: (args: string[], env: Record<string, string> = {}) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(process.execPath, ['--import', 'tsx', join(dir, 'scripts', 'release.ts'), ...args], { cwd: dir, env: cleanEnvironment(env) }, (error, stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
        );
      }),
    /** Every file's content, the refs and HEAD, here and in origin: what "nothing changed" compares. */
    snapshot: () =>
      [
        git('rev-parse', 'HEAD'),
        git('for-each-ref'),
        git('status', '--porcelain', '--untracked-files=all'),
        ...git('ls-files', '--cached', '--others', '--exclude-standard')
          .split('\n')
          .map((file) => `${file}\n${readFileSync(join(dir, file), 'utf8')}`),
        execFileSync('git', ['for-each-ref'], { cwd: origin, encoding: 'utf8', env: cleanEnvironment() }),
      ].join('\n---\n'),
  };
}

const lines = (text: string) => text.split('\n');

describe('npm run release', { concurrency: 4 }, () => {
  test('--dry-run on a clean main: every check passes, it prints the steps, the push and the notes, and changes nothing', async (t) => {
    const repo = sandbox(t);
    const before = repo.snapshot();
    const { code, stdout, stderr } = await repo.release(['1.0.1', '--dry-run']);
    assert.equal(stderr, '');
    assert.equal(code, 0, stdout);
    assert.match(stdout, /^Dry run: what release v1\.0\.1 would do \(package\.json 1\.0\.0 → 1\.0\.1, dated \d{4}-\d{2}-\d{2} UTC\)/);
    assert.doesNotMatch(stdout, /✗/);
    for (const line of [
      "  ✓ 1.0.1 is a semantic version greater than package.json's 1.0.0",
      '  ✓ no tag v1.0.1 yet',
      '  1. npm version 1.0.1 --no-git-tag-version',
      '  7. git tag -a v1.0.1 -m "Release v1.0.1"',
      'Then, by hand (it never pushes): git push origin main v1.0.1',
      'After the push, the release workflow publishes release v1.0.1 with its CHANGELOG.md section and moves v1 to it.',
      '  | ### Fixed',
      '  | - A stop for a closed window says so.',
      'Dry run: nothing was changed.',
    ]) {
      assert.ok(lines(stdout).includes(line), `missing line ${JSON.stringify(line)} in:\n${stdout}`);
    }
    assert.equal(repo.snapshot(), before);

    // Without the "--", npm keeps --dry-run for itself and passes it on as npm_config_dry_run.
    const withoutDashes = await repo.release(['1.1.0-rc.1'], { npm_config_dry_run: 'true' });
    assert.equal(withoutDashes.code, 0, withoutDashes.stdout);
    assert.ok(lines(withoutDashes.stdout).includes('After the push, the release workflow publishes v1.1.0-rc.1 as a pre-release; v1 does not move.'), withoutDashes.stdout);
    assert.equal(repo.snapshot(), before);
  });

  test('each refusal is a failed check naming the problem; a dry run exits 1 and a real run changes nothing', async (t) => {
    const repo = sandbox(t, { changelog: CHANGELOG.replace('- A stop for a closed window says so.\n', '') });
    repo.git('checkout', '--quiet', '-b', 'feature');
    repo.git('tag', 'v1.0.1');
    writeFileSync(join(repo.dir, 'notes.txt'), 'stray\n');
    const before = repo.snapshot();

    const dry = await repo.release(['1.0.1', '--dry-run']);
    assert.equal(dry.code, 1);
    for (const line of [
      '  ✗ the working tree is clean: it is not; commit or stash these first:',
      '        ?? notes.txt',
      '  ✗ on branch main: on feature; releases are cut from main',
      '  ✗ no tag v1.0.1 yet: the tag v1.0.1 already exists',
      '  ✗ CHANGELOG.md has a non-empty [Unreleased] section to release: The "## [Unreleased]" section of CHANGELOG.md is empty: list what 1.0.1 changes there first.',
      'A real run would stop here: 4 checks failed (✗ above).',
    ]) {
      assert.ok(lines(dry.stdout).includes(line), `missing line ${JSON.stringify(line)} in:\n${dry.stdout}`);
    }

    const real = await repo.release(['1.0.1']);
    assert.equal(real.code, 1);
    assert.equal(real.stderr, '\nNo release: 4 checks failed (✗ above). Nothing was changed.\n');
    const invalid = await repo.release(['v1.0.1']);
    assert.equal(invalid.code, 1);
    assert.ok(invalid.stdout.includes(': Give the version without the "v": 1.0.1 (the tag will be v1.0.1).\n'), invalid.stdout);
    const usage = await repo.release(['1.0.1', '--push']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /Usage: npm run release -- X\.Y\.Z \[--dry-run\]/);
    assert.equal(repo.snapshot(), before);
  });

  test('a real release: bumps, dates the changelog, builds, tests, commits and tags, and pushes nothing', async (t) => {
    const repo = sandbox(t);
    const initial = repo.git('rev-parse', 'HEAD');
    const { code, stdout, stderr } = await repo.release(['1.0.1']);
    assert.equal(code, 0, `${stdout}\n${stderr}`);
    assert.ok(stdout.includes('Committed "Release v1.0.1" and tagged v1.0.1. Nothing is pushed yet. To publish it:\n\n  git push origin main v1.0.1\n'), stdout);

    const read = (file: string) => readFileSync(join(repo.dir, file), 'utf8');
    assert.equal(JSON.parse(read('package.json')).version, '1.0.1');
    assert.equal(JSON.parse(read('package-lock.json')).packages[''].version, '1.0.1');
    assert.match(read('CHANGELOG.md'), /^## \[Unreleased\]\n\n## \[1\.0\.1\] - \d{4}-\d{2}-\d{2}\n\n### Fixed\n\n- A stop for a closed window says so\.\n\n## \[1\.0\.0\]/m);
    assert.equal(read('dist/index.js'), '// built\n');

    assert.equal(repo.git('status', '--porcelain', '--untracked-files=all'), '');
    assert.equal(repo.git('log', '-1', '--format=%s'), 'Release v1.0.1');
    assert.equal(repo.git('rev-parse', 'HEAD~1'), initial);
    assert.deepEqual(lines(repo.git('diff', '--name-only', 'HEAD~1', 'HEAD')), ['CHANGELOG.md', 'dist/index.js', 'package-lock.json', 'package.json']);
    assert.equal(repo.git('cat-file', '-t', 'v1.0.1'), 'tag', 'an annotated tag');
    assert.equal(repo.git('rev-parse', 'v1.0.1^{commit}'), repo.git('rev-parse', 'HEAD'));
    assert.equal(repo.git('ls-remote', 'origin'), `${initial}\trefs/heads/main`, 'origin is untouched');
  });

  test('a failing npm test stops the release before the commit, and the printed command undoes it', async (t) => {
    const repo = sandbox(t, { test: 'node -e "process.exit(3)"' });
    const before = repo.snapshot();
    const { code, stderr } = await repo.release(['1.0.1']);
    assert.equal(code, 1);
    assert.match(stderr, /Release v1\.0\.1 stopped: Command failed: npm test/);
    const undo = /To undo the changes: (git restore .*)$/m.exec(stderr)?.[1] ?? '';
    assert.equal(undo, 'git restore --staged --worktree -- package.json package-lock.json CHANGELOG.md dist');
    assert.equal(repo.git('tag', '--list'), '');
    assert.notEqual(repo.snapshot(), before, 'the bump and the build are left to look at');
    repo.git(...undo.split(' ').slice(1));
    assert.equal(repo.snapshot(), before);
  });
});

describe('tsx scripts/changelog.ts section X.Y.Z (the release workflow runs it)', () => {
  const cli = (...args: string[]) => promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/changelog.ts', ...args], { cwd: PROJECT_ROOT });

  test("prints a version's section of CHANGELOG.md; exits 1 without one, 2 on wrong arguments", async () => {
    const { stdout } = await cli('section', '1.0.0');
    assert.match(stdout, /^The first release\.\n\n### Added\n\n- \*\*Deployment windows\.\*\*/);
    assert.doesNotMatch(stdout, /^## |^\[/m);
    for (const [args, code, message] of [
      [['section', '9.9.9'], 1, 'CHANGELOG.md has no "## [9.9.9] - YYYY-MM-DD" section.\n'],
      [['section'], 2, "Usage: tsx scripts/changelog.ts section X.Y.Z   (prints that version's section of CHANGELOG.md)\n"],
    ] as const) {
      await assert.rejects(cli(...args), (error: { code?: number; stdout?: string; stderr?: string }) => {
        assert.deepEqual([error.code, error.stdout, error.stderr], [code, '', message]);
        return true;
      });
    }
  });
});
