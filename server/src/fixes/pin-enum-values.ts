import { containerOfMemberAt, type ContainerSpan } from '../contracts/container-spans';
import { memberAt, type MemberSpan } from '../contracts/member-spans';
import type { ParsedFile } from '../contracts/parsed-file';
import { code, newFile, oldFile } from './locate';
import { styleOf } from './style';
import { editAt } from './text-edits';
import type { FixEdit, FixProvider } from './types';
import { safeFix } from './safe-fix';
import { itemAt } from '../common/item-at';

type Value = string | number;

/** A literal initializer's value: numbers, negated numbers and strings; undefined for anything computed. */
function literalValue(text: string): Value | undefined {
  const t = text.trim();
  if (/^-?\s*(0x[0-9a-f]+|0o[0-7]+|0b[01]+|\d[\d_]*(\.\d+)?(e[+-]?\d+)?)$/i.test(t)) {
    const negative = t.startsWith('-');
    const n = Number(t.replace(/^-\s*/, '').replace(/_/g, ''));
    return Number.isNaN(n) ? undefined : negative ? -n : n;
  }
  const quoted = /^(['"`])(.*)\1$/s.exec(t);
  const body = quoted && itemAt(quoted, 2);
  if (body !== null && !/[\\$]/.test(body)) return body;
  return undefined;
}

/** Each member's value as TypeScript numbers it (implicit members follow the previous number); undefined when computed. */
export function enumValues(parsed: ParsedFile, container: ContainerSpan): (Value | undefined)[] {
  let previous: Value | undefined = -1;
  return container.members.map((m) => {
    const value = m.initializer
      ? literalValue(parsed.text.slice(m.initializer.start, m.initializer.end))
      : typeof previous === 'number'
        ? previous + 1
        : undefined;
    previous = value;
    return value;
  });
}

const show = (value: Value, quote: string) => (typeof value === 'number' ? String(value) : quote + value.replace(new RegExp(`[\\\\${quote}]`, 'g'), (c) => `\\${c}`) + quote);

/**
 * A renumbered enum gets every member pinned to the value the baseline gave it (`Low = 0, High = 1`), so
 * inserting a member no longer shifts the others; members the baseline did not have get values nobody used.
 * A member whose explicit value changed gets its baseline value back.
 */
export const pinEnumValues: FixProvider = (finding, input) => {
  if (!finding.loc || !finding.baselineLoc) return undefined;
  const target = newFile(input, finding.loc.file);
  const old = oldFile(input, finding.baselineLoc);
  const member = target && memberAt(target, finding.loc.range);
  const container = target && containerOfMemberAt(target, finding.loc.range);
  const oldContainer = old && containerOfMemberAt(old, finding.baselineLoc.range);
  const oldMember = old && memberAt(old, finding.baselineLoc.range);
  if (!target || !old || !member || !container || !oldContainer || !oldMember || container.kind !== 'enum' || oldContainer.kind !== 'enum') {
    return { reason: 'Cannot find the enum in both versions.' };
  }
  const quote = styleOf(target).quote;
  const oldValues = enumValues(old, oldContainer);
  const baselineValue = new Map<string, Value | undefined>(oldContainer.members.map((m, i) => [m.name, oldValues[i]]));
  const wanted = baselineValue.get(oldMember.name);
  if (wanted === undefined) return { reason: `The baseline value of ${code(oldMember.name)} is computed; pin it by hand.` };
  const enumName = container.name ? code(container.name) : 'the enum';
  const why = `so ${input.baselineLabel} nodes read it as the same member`;

  if (member.initializer) {
    const edit = editAt(target, member.initializer.start, member.initializer.end, show(wanted, quote));
    return [safeFix(finding, `Change ${code(member.name)} back to ${code(show(wanted, quote))} ${why}`, [edit])];
  }

  const newValues = enumValues(target, container);
  const used = new Set<Value>([...oldValues, ...newValues.filter((_, i) => itemAt(container.members, i).initializer)].filter((v): v is Value => v !== undefined));
  const pins: { member: MemberSpan; value: Value }[] = [];
  const fresh: MemberSpan[] = [];
  for (const m of container.members) {
    if (m.initializer) continue;
    const value = baselineValue.get(m.name);
    if (value === undefined && baselineValue.has(m.name)) return { reason: `The baseline value of ${code(m.name)} is computed; pin it by hand.` };
    if (value === undefined) fresh.push(m);
    else {
      pins.push({ member: m, value });
      used.add(value);
    }
  }
  // New members continue after the highest number in use, so they never collide with a baseline value.
  let next = Math.max(-1, ...[...used].filter((v): v is number => typeof v === 'number')) + 1;
  for (const m of fresh) {
    while (used.has(next)) next++;
    pins.push({ member: m, value: next });
    used.add(next++);
  }
  const edits: FixEdit[] = pins
    .sort((a, b) => a.member.start - b.member.start)
    .map((p) => editAt(target, p.member.nameSpan.end, p.member.nameSpan.end, ` = ${show(p.value, quote)}`));
  const listed = pins
    .filter((p) => !fresh.includes(p.member))
    .slice(0, 3)
    .map((p) => `${p.member.name} = ${show(p.value, quote)}`)
    .join(', ');
  const title = `Pin every member of ${enumName} to its ${input.baselineLabel} value (${listed}${pins.length - fresh.length > 3 ? ', …' : ''}) ${why}`;
  return [safeFix(finding, title, edits, { isPreferred: true })];
};
