// A deliberately small placeholder engine: {{name}} or {{item.name}}, nothing else.
// One pass, so a value that itself contains "{{x}}" is inserted literally and never expanded;
// an unknown placeholder or a stray brace is an error naming it, never an empty string.

const PLACEHOLDER = /\{\{([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)?)\}\}/g;

export class PlaceholderError extends Error {
  constructor(
    message: string,
    readonly placeholder: string | null,
  ) {
    super(message);
    this.name = 'PlaceholderError';
  }
}

export type PlaceholderValues = Readonly<Record<string, string>>;

export interface FillOptions {
  /** Applied to every inserted value (e.g. escapeHtml); the template text itself is not escaped. */
  escape?: (value: string) => string;
  /** Named in error messages, e.g. the template id. */
  context?: string;
}

/** Names of the placeholders in a text, in order of appearance (duplicates kept once). */
export function listPlaceholders(text: string): string[] {
  assertWellFormed(text, undefined);
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

export function fillPlaceholders(text: string, values: PlaceholderValues, options: FillOptions = {}): string {
  assertWellFormed(text, options.context);
  return text.replace(PLACEHOLDER, (_match, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(values, name)) {
      throw new PlaceholderError(`Unknown placeholder {{${name}}}${where(options.context)}`, name);
    }
    const value = values[name];
    return options.escape ? options.escape(value) : value;
  });
}

function assertWellFormed(text: string, context: string | undefined): void {
  const rest = text.replace(PLACEHOLDER, '');
  const stray = /\{\{|\}\}/.exec(rest);
  if (stray) {
    const at = rest.slice(Math.max(0, stray.index - 10), stray.index + 12);
    throw new PlaceholderError(`Malformed placeholder near "${at}"${where(context)}`, null);
  }
}

const where = (context: string | undefined): string => (context ? ` in ${context}` : '');

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
