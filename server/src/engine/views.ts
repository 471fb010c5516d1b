import type { Contract, Field, Method, NamedType, ObjectShape, Shape, WireModel } from './shape';
import { modelChanges } from './model-changes';

/**
 * A schema is two types at once (docs/schemas.md): what its writer produces and what its reader accepts. A
 * comparison asks each direction with the writing side's writer view and the reading side's reader view; these
 * project a model into either. A model without schema annotations is its own view (the same object), so
 * plain projects pay nothing.
 *
 * - writer view: `decoded` → its output, defaulted fields required, policies dropped. Checks stay: what a
 *   schema writes passed its own checks, and the refinement rule compares them with the reader's.
 * - reader view: `decoded` → its input, defaulted fields optional (marked `defaulted`), policies and checks kept.
 */
export type ViewSide = 'writer' | 'reader';

/** Per side, entries already projected; extraction reuses unchanged entries, so their views are reused too. */
const typeViews = { writer: new WeakMap<NamedType, NamedType>(), reader: new WeakMap<NamedType, NamedType>() };
const contractViews = { writer: new WeakMap<Contract, Contract>(), reader: new WeakMap<Contract, Contract>() };
const modelViews = { writer: new WeakMap<WireModel, WireModel>(), reader: new WeakMap<WireModel, WireModel>() };
const annotatedModels = new WeakMap<WireModel, boolean>();
const annotatedTypes = new WeakMap<NamedType, boolean>();

export const writerView = (model: WireModel): WireModel => view(model, 'writer');
export const readerView = (model: WireModel): WireModel => view(model, 'reader');

export function view(model: WireModel, side: ViewSide): WireModel {
  if (!hasReaderAnnotations(model)) return model;
  let projected = modelViews[side].get(model);
  if (!projected) {
    projected = { contracts: {}, types: {} };
    for (const [name, c] of Object.entries(model.contracts)) projected.contracts[name] = projectContract(c, side);
    for (const [name, t] of Object.entries(model.types)) projected.types[name] = projectType(t, side);
    modelViews[side].set(model, projected);
  }
  return projected;
}

/** Whether anything in the model reads differently from how it is written: a schema contract, a policy, a check, a default, a decoder. */
export function hasReaderAnnotations(model: WireModel, previous?: WireModel): boolean {
  let known = annotatedModels.get(model);
  if (known === undefined) {
    // After an edit, a previous model without any is followed by one without any unless a changed entry has one.
    const changes = previous && annotatedModels.get(previous) === false ? modelChanges(previous, model) : undefined;
    known = changes
      ? [...changes.contracts].some((name) => contractAnnotated(model.contracts[name])) || [...changes.types].some((name) => typeAnnotated(model.types[name]))
      : Object.values(model.contracts).some(contractAnnotated) || Object.values(model.types).some(typeAnnotated);
    annotatedModels.set(model, known);
  }
  return known;
}

function contractAnnotated(c: Contract | undefined): boolean {
  return !!c && (c.schema !== undefined || (c.kind === 'service' && c.methods.some(methodAnnotated)));
}

function typeAnnotated(t: NamedType | undefined): boolean {
  if (!t) return false;
  let known = annotatedTypes.get(t);
  if (known === undefined) annotatedTypes.set(t, (known = shapeAnnotated(t.shape)));
  return known;
}

const methodAnnotated = (m: Method): boolean => shapeAnnotated(m.result) || m.params.some((p) => shapeAnnotated(p.shape));

/** Whether this shape itself (not through refs) carries a reader annotation anywhere inside. */
export function shapeAnnotated(shape: Shape): boolean {
  switch (shape.kind) {
    case 'decoded':
      return true;
    case 'string':
    case 'number':
      return shape.checks !== undefined;
    case 'array':
      return shape.checks !== undefined || shapeAnnotated(shape.element);
    case 'object':
      return (
        shape.policy !== undefined ||
        shape.checks !== undefined ||
        shape.fields.some((f) => f.defaulted === true || shapeAnnotated(f.shape)) ||
        (shape.index !== undefined && shapeAnnotated(shape.index))
      );
    case 'tuple':
      return shape.elements.some((e) => shapeAnnotated(e.shape));
    case 'union':
      return shape.variants.some(shapeAnnotated);
    default:
      return false;
  }
}

function projectType(t: NamedType, side: ViewSide): NamedType {
  if (!typeAnnotated(t)) return t;
  let projected = typeViews[side].get(t);
  if (!projected) typeViews[side].set(t, (projected = { ...t, shape: project(t.shape, side) }));
  return projected;
}

function projectContract(c: Contract, side: ViewSide): Contract {
  if (c.kind !== 'service' || !c.methods.some(methodAnnotated)) return c;
  let projected = contractViews[side].get(c);
  if (!projected) {
    const methods = c.methods.map((m) => ({
      ...m,
      params: m.params.map((p) => ({ ...p, shape: project(p.shape, side) })),
      result: project(m.result, side),
    }));
    contractViews[side].set(c, (projected = { ...c, methods }));
  }
  return projected;
}

const origins = new WeakMap<Shape, Shape>();

/**
 * The shape a view's decoder or object was projected from. Comparing one side's output with the other's input
 * of the same, unchanged decoder would report a change nobody made, and a policy shown on one side only hides
 * that an object did not change: the walk asks this to compare what was written.
 */
export const originOf = (shape: Shape): Shape | undefined => origins.get(shape);

/** One shape's view; parts without annotations are shared, not copied. */
export function project(shape: Shape, side: ViewSide): Shape {
  if (!shapeAnnotated(shape)) return shape;
  switch (shape.kind) {
    case 'decoded': {
      // A copy of its own, so the walk can tell which decoder it came from (see `decodedOrigin`).
      const inner = { ...project(side === 'writer' ? shape.output : shape.input, side) };
      origins.set(inner, shape);
      return inner;
    }
    case 'array':
      return { ...shape, element: project(shape.element, side) };
    case 'object':
      return projectObject(shape, side);
    case 'tuple':
      return { ...shape, elements: shape.elements.map((e) => ({ ...e, shape: project(e.shape, side) })) };
    case 'union':
      return { ...shape, variants: shape.variants.map((v) => project(v, side)) };
    default:
      return shape;
  }
}

function projectObject(shape: ObjectShape, side: ViewSide): ObjectShape {
  const projected = projectObjectOnce(shape, side);
  origins.set(projected, shape);
  return projected;
}

function projectObjectOnce(shape: ObjectShape, side: ViewSide): ObjectShape {
  const fields = shape.fields.map((f): Field => {
    const inner = project(f.shape, side);
    if (!f.defaulted) return inner === f.shape ? f : { ...f, shape: inner };
    if (side === 'reader') return { ...f, shape: inner, optional: true };
    const { defaulted: _filled, ...written } = f;
    return { ...written, shape: inner, optional: false };
  });
  const index = shape.index && project(shape.index, side);
  if (side === 'reader') return { ...shape, fields, ...(index ? { index } : {}) };
  const { policy: _policy, policyLoc: _policyLoc, ...plain } = shape;
  return { ...plain, fields, ...(index ? { index } : {}) };
}
