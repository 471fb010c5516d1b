import type { Field, Loc, Method, NamedType, Shape, WireModel } from '../engine/shape';
import { methodsOf, modelChanges } from '../engine/model-changes';

export type EnumShape = Extract<Shape, { kind: 'enum' }>;

/** Enums by their members' places and object fields by theirs, for the diagnostics that look a finding's place up. */
export interface PlaceIndex {
  enumAt(loc: Loc): EnumShape | undefined;
  fieldAt(loc: Loc): Field | undefined;
}

const placeKey = (loc: Loc): string => `${loc.file}\0${loc.range.start.line}\0${loc.range.start.character}`;

/** What one model entry (a named type, or a service's methods) puts in the index. */
interface Contribution {
  enums: [string, EnumShape][];
  fields: [string, Field][];
}

/** Entries are immutable once built and extraction hands back the same objects for those it did not rebuild. */
const contributions = new WeakMap<object, Contribution>();

function contributionOf(entry: NamedType | readonly Method[]): Contribution {
  let found = contributions.get(entry);
  if (found) return found;
  found = { enums: [], fields: [] };
  const into = found;
  // Named types hold every shape a ref leads to, so following shapes (not refs) from each entry sees them all.
  const visit = (shape: Shape): void => {
    switch (shape.kind) {
      case 'enum':
        for (const m of shape.members) if (m.loc) into.enums.push([placeKey(m.loc), shape]);
        return;
      case 'object':
        for (const f of shape.fields) {
          if (f.loc) into.fields.push([placeKey(f.loc), f]);
          visit(f.shape);
        }
        if (shape.index) visit(shape.index);
        return;
      case 'array':
        return visit(shape.element);
      case 'tuple':
        return shape.elements.forEach((e) => visit(e.shape));
      case 'union':
        return shape.variants.forEach(visit);
      case 'decoded':
        visit(shape.input);
        return visit(shape.output);
      default:
        return;
    }
  };
  if ('shape' in entry) visit(entry.shape);
  else for (const m of entry) [m.result, ...m.params.map((p) => p.shape)].forEach(visit);
  contributions.set(entry, found);
  return found;
}

/**
 * The index of one model, kept as the entries that make it up: the index of the next working model is this
 * one with the entries that changed taken out and their replacements put in, so an edit costs what it changed
 * plus one pass of identity comparisons, not a walk of every shape.
 *
 * Several entries can hold one place (each instantiation of a generic type has the declaration's fields); they
 * come from one declaration, so what is read from them (an enum's members, a field's `deprecated`) is the same,
 * and the first holder answers.
 */
class ModelPlaces implements PlaceIndex {
  private readonly enums = new Map<string, EnumShape[]>();
  private readonly fields = new Map<string, Field[]>();
  constructor(private model: WireModel) {
    for (const type of Object.values(model.types)) this.add(contributionOf(type));
    for (const methods of Object.values(model.contracts).map(methodsOf)) if (methods) this.add(contributionOf(methods));
  }

  enumAt(loc: Loc): EnumShape | undefined {
    return this.enums.get(placeKey(loc))?.[0];
  }

  fieldAt(loc: Loc): Field | undefined {
    return this.fields.get(placeKey(loc))?.[0];
  }

  /** Makes this the index of `model`, changing only what its entries changed. */
  moveTo(model: WireModel): void {
    const before = this.model;
    const { types, services } = modelChanges(before, model);
    const entries = (m: WireModel) => [
      ...[...types].map((name) => m.types[name]),
      ...[...services].map((name) => methodsOf(m.contracts[name])),
    ];
    for (const entry of entries(before)) if (entry) this.remove(contributionOf(entry));
    for (const entry of entries(model)) if (entry) this.add(contributionOf(entry));
    this.model = model;
  }

  private add(c: Contribution): void {
    for (const [key, shape] of c.enums) push(this.enums, key, shape);
    for (const [key, field] of c.fields) push(this.fields, key, field);
  }

  private remove(c: Contribution): void {
    for (const [key, shape] of c.enums) pull(this.enums, key, shape);
    for (const [key, field] of c.fields) pull(this.fields, key, field);
  }
}


function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function pull<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  const at = list?.indexOf(value) ?? -1;
  if (!list || at < 0) return;
  list.splice(at, 1);
  if (list.length === 0) map.delete(key);
}

const indexes = new WeakMap<WireModel, ModelPlaces>();
/**
 * The index last built or moved for a working model, by the baseline model it was compared with (one per
 * open project): the next working model's is derived from it.
 */
const lastWorking = new WeakMap<WireModel, { model: WireModel; places: ModelPlaces }>();

/** The index of a model that stays the same object across checks (a baseline's). */
export function baselinePlaces(model: WireModel): PlaceIndex {
  let places = indexes.get(model);
  if (!places) indexes.set(model, (places = new ModelPlaces(model)));
  return places;
}

/**
 * The index of a working model, each check's a new object: the index of the working model last compared with
 * the same baseline is moved over to it (that model, asked about again, gets an index of its own built).
 */
export function workingPlaces(model: WireModel, baseline: WireModel): PlaceIndex {
  const known = indexes.get(model);
  if (known) return known;
  const last = lastWorking.get(baseline);
  let places: ModelPlaces;
  if (last && indexes.get(last.model) === last.places) {
    indexes.delete(last.model);
    places = last.places;
    places.moveTo(model);
  } else {
    places = new ModelPlaces(model);
  }
  indexes.set(model, places);
  lastWorking.set(baseline, { model, places });
  return places;
}
