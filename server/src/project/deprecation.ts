import { liveLabel, oldestFirst } from '../baseline/resolve-window';
import type { ResolvedBaseline } from '../baseline/resolve-baseline';
import type { PathStep } from '../engine/path-steps';
import type { Field, Shape, WireModel } from '../engine/shape';
import type { Finding } from '../rules';

/**
 * The deprecation lifecycle: a field marked `@deprecated` in every live version has had its release of notice,
 * so removing it is the contract step of an expand/contract, not a surprise. `field-removed` then stays in the
 * report as a notice naming the oldest live release that already deprecated it; it fails no check. A removal
 * some live version still uses undeprecated stays an error.
 */
export function noticeDeprecatedRemovals(findings: readonly Finding[], window: readonly ResolvedBaseline[], modelAt: (commit: string) => WireModel | undefined): Finding[] {
  return findings.map((f) => {
    if (f.rule !== 'field-removed' || f.contractKind !== 'message') return f;
    const deprecatedIn: ResolvedBaseline[] = [];
    for (const b of window) {
      const model = modelAt(b.commit);
      const field = model && fieldAt(model, f.contract, f.steps);
      if (field === undefined) continue; // this version never had it: nothing there reads it
      if (!field.deprecated) return f;
      deprecatedIn.push(b);
    }
    const first = [...deprecatedIn].sort(oldestFirst)[0];
    if (!first) return f;
    return {
      ...f,
      severity: 'info' as const,
      message: `${f.message} It is deprecated in every live version (since ${liveLabel(first)} at the latest): removing it is the planned last step.`,
    };
  });
}

/** The field a path of field steps leads to in a model, through named types; undefined when there is none. */
function fieldAt(model: WireModel, contract: string, steps: readonly PathStep[]): Field | undefined {
  let shape: Shape | undefined = model.types[contract]?.shape;
  let field: Field | undefined;
  for (const step of steps) {
    if (step.kind !== 'field') return undefined;
    const seen = new Set<string>();
    while (shape?.kind === 'ref' && !seen.has(shape.name)) {
      seen.add(shape.name);
      shape = model.types[shape.name]?.shape;
    }
    if (shape?.kind !== 'object') return undefined;
    field = shape.fields.find((x) => x.name === step.name);
    shape = field?.shape;
  }
  return field;
}
