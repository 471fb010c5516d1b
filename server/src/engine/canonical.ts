import type { Contract, Refinement, Shape, WireModel } from './shape';

/** Reader checks are part of what a shape accepts; a shape without any keys exactly as a plain type does. */
const checksKey = (checks: readonly Refinement[] | undefined): string =>
  checks?.length ? `!${checks.map((c) => JSON.stringify([c.name, c.arg ?? null])).sort().join('&')}` : '';

/**
 * Structural identity on the wire: two shapes get the same key exactly when they carry the same values, names
 * of untagged types, locations and field order aside. Every composite shape is interned and stands for its
 * number, so a named type used twice per level costs one key, not a copy of itself: the work is linear in the
 * number of distinct types, where spelling each type out in full grows 2ⁿ. Keys from one Canon compare with
 * each other only; both sides of a comparison must use the same one.
 */
export class Canon {
  private readonly interned = new Map<string, string>();
  /** Keys of named types whose key does not depend on where they were reached from (no cycle through a caller). */
  private readonly settled = new Map<WireModel, Map<string, string>>();
  /** Refs being expanded, with their depth: reaching one again is recursion, which stops at its name. */
  private readonly open = new Map<string, number>();
  /** The shallowest open ref the current expansion stopped at; a key that stopped above itself is not settled. */
  private lowestStop = Infinity;

  of(shape: Shape, model: WireModel): string {
    switch (shape.kind) {
      case 'ref':
        return this.ref(shape.name, model);
      case 'literal':
        return JSON.stringify(shape.value);
      case 'object': {
        const fields = [...shape.fields]
          .sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))
          .map((f) => `${JSON.stringify(f.name)}${f.optional ? '?' : ''}${f.defaulted ? '=' : ''}:${this.of(f.shape, model)}`);
        if (shape.index) fields.push(`[k]:${this.of(shape.index, model)}`);
        const policy = shape.policy ? `~${shape.policy}` : '';
        return this.intern(`{${fields.join(',')}}${policy}${checksKey(shape.checks)}`);
      }
      case 'array':
        return this.intern(`${this.of(shape.element, model)}[]${checksKey(shape.checks)}`);
      case 'decoded':
        return this.intern(`(${this.of(shape.input, model)}=>${this.of(shape.output, model)})`);
      case 'number':
        return `number${checksKey(shape.checks)}`;
      case 'tuple':
        return this.intern(`[${shape.elements.map((e) => `${e.rest ? '...' : ''}${this.of(e.shape, model)}${e.optional ? '?' : ''}`).join(',')}]`);
      case 'union':
        return this.intern(`(${shape.variants.map((v) => this.of(v, model)).sort().join('|')})`);
      case 'enum':
        // Members by name and value: the same values under swapped names mean different things to each version.
        return this.intern(`enum(${shape.members.map((m) => `${JSON.stringify(m.key)}=${JSON.stringify(m.value)}`).sort().join(',')})`);
      case 'unsafe':
        return `unsafe:${shape.what}`;
      case 'string':
        return (shape.template === undefined ? 'string' : `string:${JSON.stringify(shape.template)}`) + checksKey(shape.checks);
      default:
        return shape.kind;
    }
  }

  /** A contract's key: a message's named shape, or a service's methods; refs to it from inside stop at its name. */
  ofContract(c: Contract, model: WireModel): string {
    if (c.kind === 'service') {
      // Sorted as keys, not by name alone: a method's overloads share its name.
      return c.methods
        .map((m) => `${m.name}(${m.params.map((p) => `${p.optional ? '?' : ''}${this.of(p.shape, model)}`).join(',')}):${this.of(m.result, model)}`)
        .sort()
        .join(';');
    }
    const t = model.types[c.name];
    if (!t) return '';
    return this.within(c.name, () => this.of(t.shape, model)).key;
  }

  private ref(name: string, model: WireModel): string {
    if (model.contracts[name]) return `@${name}`;
    const depth = this.open.get(name);
    if (depth !== undefined) {
      this.lowestStop = Math.min(this.lowestStop, depth);
      return `@${name}`;
    }
    const target = model.types[name];
    if (!target) return `@${name}`;
    let byName = this.settled.get(model);
    const known = byName?.get(name);
    if (known !== undefined) return known;
    const { key, settled } = this.within(name, () => this.of(target.shape, model));
    if (settled) {
      if (!byName) this.settled.set(model, (byName = new Map<string, string>()));
      byName.set(name, key);
    }
    return key;
  }

  private within(name: string, expand: () => string): { key: string; settled: boolean } {
    const depth = this.open.size;
    const outer = this.lowestStop;
    this.open.set(name, depth);
    this.lowestStop = Infinity;
    try {
      const key = expand();
      const settled = this.lowestStop >= depth;
      return { key, settled };
    } finally {
      this.open.delete(name);
      // Stops at this name are resolved here; only stops further out still constrain the callers.
      this.lowestStop = Math.min(outer, this.lowestStop >= depth ? Infinity : this.lowestStop);
    }
  }

  private intern(body: string): string {
    let key = this.interned.get(body);
    if (key === undefined) this.interned.set(body, (key = `#${this.interned.size}`));
    return key;
  }
}
