// Keeps secrets out of what the action shows and sends: blanks them out of text about to reach a
// log, a summary or an output, and keeps them out of attributes, which become labels on Last9.

/** Shorter values are not blanked: a one-character "secret" would blank that character everywhere. */
export const MIN_SECRET_LENGTH = 4;

/**
 * Every form in which a secret may come back: as it is, escaped inside a JSON string (`/` may be
 * escaped too), base64 (standard or URL-safe, padding dropped) and percent-encoded.
 */
function forms(secret: string): string[] {
  const base64 = Buffer.from(secret, 'utf8').toString('base64').replace(/=+$/, '');
  const all = [
    secret,
    JSON.stringify(secret).slice(1, -1),
    JSON.stringify(secret).slice(1, -1).replaceAll('/', '\\/'),
    base64,
    base64.replaceAll('+', '-').replaceAll('/', '_'),
    encodeURIComponent(secret),
  ];
  return [...new Set(all)].filter((form) => form.length >= MIN_SECRET_LENGTH);
}

export function redact(text: string, secrets: readonly string[]): string {
  const blanked = secrets.filter((secret) => secret.length >= MIN_SECRET_LENGTH).flatMap(forms);
  let result = text;
  // Longest first, so that a secret containing another is blanked whole.
  for (const form of blanked.sort((a, b) => b.length - a.length)) result = result.split(form).join('***');
  return result;
}

/** Environment variables whose values are secrets: the runner's tokens and the token inputs of this or any action. */
export const SECRET_VARIABLES = [/^GITHUB_TOKEN$/i, /^ACTIONS_.*TOKEN/i, /^INPUT_.*TOKEN/i];

export function secretsInEnvironment(env: Record<string, string | undefined>): string[] {
  return Object.entries(env)
    .filter(([name, value]) => value && SECRET_VARIABLES.some((pattern) => pattern.test(name)))
    .map(([, value]) => value as string);
}

/** The attributes without those whose value holds a secret, and the keys that were dropped. */
export function withoutSecretValues(attributes: Record<string, string>, secrets: readonly string[]): { attributes: Record<string, string>; dropped: string[] } {
  const known = secrets.filter((secret) => secret.length >= MIN_SECRET_LENGTH);
  const dropped = Object.keys(attributes).filter((key) => known.some((secret) => (attributes[key] as string).includes(secret)));
  if (dropped.length === 0) return { attributes, dropped };
  return { attributes: Object.fromEntries(Object.entries(attributes).filter(([key]) => !dropped.includes(key))), dropped };
}
