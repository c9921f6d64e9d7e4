// Loads testing/verify-markers.ts through tsx, which `npm ci` installs in the repository's
// node_modules; says so plainly if it is missing.
export async function loadVerifier() {
  try {
    const { register } = await import('tsx/esm/api');
    register();
  } catch (error) {
    console.log(`::error::verify-markers needs the repository's dev dependencies: run npm ci before this step (${String(error).split('\n')[0]})`);
    process.exit(1);
  }
  return import('../../../testing/verify-markers.ts');
}
