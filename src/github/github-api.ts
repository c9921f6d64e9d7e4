// @actions/github on its own: bundled apart (dist/github-api.js), so that only a step that calls
// GitHub reads and compiles it; loaded by octokit.ts, which declares the types the lookups use.
// Left out of the type check (tsconfig.json).
export { getOctokit } from '@actions/github';
