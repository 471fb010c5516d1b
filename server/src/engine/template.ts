/**
 * Template literal string types (`` `ord_${string}` ``): a string shape may carry the template its values must
 * match, written as TypeScript writes it without the backticks (`ord_${string}`). Only the placeholders below
 * are kept; a template with any other part is read as a plain string by the builder.
 */
export const TEMPLATE_PLACEHOLDERS = ['string', 'number', 'bigint', 'boolean'] as const;

const PART = /\$\{(string|number|bigint|boolean)\}/g;

const PATTERN: Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string> = {
  string: '[\\s\\S]*',
  // What `${number}` accepts: text that reads back as a finite number (TypeScript's own test is close to this).
  number: '[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?',
  bigint: '-?\\d+',
  boolean: 'true|false',
};

/** A value for each placeholder, for building a string the template accepts. */
const SAMPLE: Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string[]> = {
  string: ['', 'x'],
  number: ['0', '1.5'],
  bigint: ['0'],
  boolean: ['true'],
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const compiled = new Map<string, RegExp>();

function regexOf(template: string): RegExp {
  let re = compiled.get(template);
  if (!re) {
    let source = '';
    let last = 0;
    for (const m of template.matchAll(PART)) {
      source += escapeRegExp(template.slice(last, m.index)) + `(?:${PATTERN[m[1] as keyof typeof PATTERN]})`;
      last = m.index + m[0].length;
    }
    source += escapeRegExp(template.slice(last));
    re = new RegExp(`^${source}$`);
    compiled.set(template, re);
  }
  return re;
}

export function matchesTemplate(template: string, value: string): boolean {
  return regexOf(template).test(value);
}

/** A few strings `template` accepts: every placeholder filled with each of its samples in turn. */
export function templateSamples(template: string): string[] {
  const parts = template.split(PART);
  // split with a capture group alternates text and placeholder names
  let out = [''];
  parts.forEach((part, i) => {
    if (i % 2 === 0) out = out.map((s) => s + part);
    else out = out.flatMap((s) => (SAMPLE[part as keyof typeof SAMPLE] ?? ['']).map((v) => s + v));
  });
  return out.slice(0, 8);
}

/**
 * Whether every string `writer` accepts is accepted by `reader`, judged by the same template or, failing that,
 * by samples of the writer's template: a different template that accepts each of them is taken to cover it.
 */
export function templateCovers(reader: string, writer: string): boolean {
  return reader === writer || templateSamples(writer).every((s) => matchesTemplate(reader, s));
}
