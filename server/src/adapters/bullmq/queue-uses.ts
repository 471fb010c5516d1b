import { ts } from '@ts-morph/common';
import { declaredByPackage } from '../../contracts/adapter-hook.js';

const LIBRARY = ['bullmq'];

/** A job a producer writes: its name when the code states it, and the data's type. */
export interface Produced {
  queue: string;
  name: string | undefined;
  data: ts.Type | undefined;
  at: ts.Node;
}

/** What one queue is written and read with, gathered over the whole project. */
export interface QueueUses {
  name: string;
  /** The first place the queue is named (a `new Queue('images')` or `new Worker('images', …)`). */
  at: ts.Node;
  /** `Queue<Data, Result, Name>` type arguments when written; `any` (the default) counts as absent. */
  declared?: { data?: ts.Type; result?: ts.Type; names: string[] };
  produced: Produced[];
  worker?: { data?: ts.Type; result?: ts.Type; at: ts.Node };
}

/**
 * Every BullMQ queue the project names with a literal: producers (`new Queue<…>('q')` and its `add(name, data)`
 * calls, `FlowProducer.add({ name, queueName, data, children })`) and consumers (`new Worker<Data, Result>('q', fn)`,
 * whose type arguments TypeScript infers from the processor's `Job<Data>` and return type).
 */
export function findQueues(files: readonly ts.SourceFile[], checker: ts.TypeChecker): Map<string, QueueUses> {
  const queues = new Map<string, QueueUses>();
  const queueOf = (name: string, at: ts.Node) => {
    let uses = queues.get(name);
    if (!uses) queues.set(name, (uses = { name, at, produced: [] }));
    return uses;
  };
  /** The variable or property a `new Queue('q')` is stored in, to join its `add` calls to the queue. */
  const holders = new Map<ts.Symbol, string>();
  const adds: ts.CallExpression[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node)) {
      const kind = libraryClass(checker.getTypeAtLocation(node));
      const queue = literalText(node.arguments?.[0], checker);
      if (kind && queue) {
        const args = checker.getTypeArguments(checker.getTypeAtLocation(node) as ts.TypeReference);
        const uses = queueOf(queue, node);
        if (kind === 'Queue') {
          uses.declared ??= { data: known(args[3]), result: known(args[4]), names: literalNames(args[5]) };
          const holder = holderOf(node, checker);
          if (holder) holders.set(holder, queue);
        } else if (kind === 'Worker') {
          const processor = processorTypes(node.arguments?.[1], checker);
          uses.worker ??= { data: known(args[0]) ?? processor.data, result: known(args[1]) ?? processor.result, at: node };
        }
      }
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'add') {
      adds.push(node);
    }
    ts.forEachChild(node, visit);
  };
  for (const file of files) visit(file);
  for (const call of adds) {
    const receiver = (call.expression as ts.PropertyAccessExpression).expression;
    const kind = libraryClass(checker.getTypeAtLocation(receiver));
    if (kind === 'Queue') {
      const symbol = symbolOf(receiver, checker);
      const queue = symbol && holders.get(symbol);
      if (queue) queueOf(queue, call).produced.push(producedBy(queue, call.arguments[0], call.arguments[1], call, checker));
    } else if (kind === 'FlowProducer' && call.arguments[0] && ts.isObjectLiteralExpression(call.arguments[0])) {
      flowJobs(call.arguments[0], checker, (job) => queueOf(job.queue, job.at).produced.push(job));
    }
  }
  return queues;
}

function producedBy(queue: string, name: ts.Expression | undefined, data: ts.Expression | undefined, at: ts.Node, checker: ts.TypeChecker): Produced {
  return { queue, name: literalText(name, checker), data: data && known(checker.getTypeAtLocation(data)), at };
}

/** A flow's job and its children, each a job of the queue it names. */
function flowJobs(flow: ts.ObjectLiteralExpression, checker: ts.TypeChecker, found: (job: Produced) => void): void {
  const property = (key: string) => {
    const entry = flow.properties.find((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === key);
    return entry && ts.isPropertyAssignment(entry) ? entry.initializer : undefined;
  };
  const queue = literalText(property('queueName'), checker);
  if (queue) found(producedBy(queue, property('name'), property('data'), flow, checker));
  const children = property('children');
  if (children && ts.isArrayLiteralExpression(children)) {
    for (const child of children.elements) if (ts.isObjectLiteralExpression(child)) flowJobs(child, checker, found);
  }
}

function processorTypes(processor: ts.Expression | undefined, checker: ts.TypeChecker): { data?: ts.Type; result?: ts.Type } {
  const [signature] = processor ? checker.getTypeAtLocation(processor).getCallSignatures() : [];
  if (!signature) return {};
  const job = signature.getParameters()[0];
  const jobType = job && checker.getTypeOfSymbol(job);
  const jobClass = jobType?.getSymbol();
  const fromJob =
    jobType && jobClass?.getName() === 'Job' && jobClass.declarations?.[0] && declaredByPackage(jobClass.declarations[0], LIBRARY)
      ? checker.getTypeArguments(jobType as ts.TypeReference)
      : [];
  return { data: known(fromJob[0]), result: known(signature.getReturnType()) ?? known(fromJob[1]) };
}

function libraryClass(type: ts.Type): 'Queue' | 'Worker' | 'FlowProducer' | undefined {
  const symbol = type.getSymbol();
  const declaration = symbol?.declarations?.[0];
  if (!symbol || !declaration || !declaredByPackage(declaration, LIBRARY)) return undefined;
  const name = symbol.getName();
  return name === 'Queue' || name === 'Worker' || name === 'FlowProducer' ? name : undefined;
}

/** `const q = new Queue(…)`, `private q = new Queue(…)`, `this.q = new Queue(…)`. */
function holderOf(node: ts.NewExpression, checker: ts.TypeChecker): ts.Symbol | undefined {
  const parent = node.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === node) return checker.getSymbolAtLocation(parent.name);
  if (ts.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) return symbolOf(parent.left, checker);
  return undefined;
}

function symbolOf(expression: ts.Expression, checker: ts.TypeChecker): ts.Symbol | undefined {
  const at = ts.isPropertyAccessExpression(expression) ? expression.name : expression;
  const symbol = checker.getSymbolAtLocation(at);
  return symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

function literalText(node: ts.Expression | undefined, checker: ts.TypeChecker): string | undefined {
  if (!node) return undefined;
  const type = checker.getTypeAtLocation(node);
  return type.isStringLiteral() ? type.value : undefined;
}

/** BullMQ's generics default to `any`: that says nothing about the job. */
function known(type: ts.Type | undefined): ts.Type | undefined {
  return type && !(type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter)) ? type : undefined;
}

function literalNames(type: ts.Type | undefined): string[] {
  if (!type) return [];
  const parts = type.isUnion() ? type.types : [type];
  const names = parts.flatMap((t) => (t.isStringLiteral() ? [t.value] : []));
  return names.length === parts.length ? names : [];
}
