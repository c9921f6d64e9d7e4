// URLs the action is given (api_base_url, GITHUB_API_URL): which hosts may be spoken to in plain
// http, and how a message may quote a URL.

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** A URL as a message may show it: never its user-info (`user:password@`). */
export function withoutUserInfo(url: string): string {
  return url.replace(/^([^:/?#]*:\/\/)[^/?#]*@/, '$1');
}
