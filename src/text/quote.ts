// How a message quotes values from outside: JSON-escaped, short, and lists of them capped. Pure.

/** How many names a message lists before it only counts the rest. */
export const MAX_LISTED = 20;
/** How much of a value from outside a message quotes. */
export const MAX_QUOTED = 40;

/** A value from outside, as a message quotes it: JSON-quoted (control characters visible), cut to MAX_QUOTED characters. */
export function quote(value: string): string {
  const characters = [...value];
  return characters.length > MAX_QUOTED ? `${JSON.stringify(characters.slice(0, MAX_QUOTED).join(''))}…` : JSON.stringify(value);
}

/** Names in a message: each quoted, at most MAX_LISTED of them, then how many more there were. */
export function quoteList(names: readonly string[], max = MAX_LISTED): string {
  const shown = names.slice(0, max).map(quote).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}
