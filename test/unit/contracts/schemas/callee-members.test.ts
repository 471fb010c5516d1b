import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ts } from '@ts-morph/common';
import { compareModels } from '../../../../server/src/rules';
import { TreeCompilerHost } from '../../../../server/src/contracts/compiler-host.js';
import { readCompilerOptions } from '../../../../server/src/contracts/compiler-options.js';
import { treeFileSystem, type TreeFileSystem } from '../../../../server/src/contracts/tree-file-system.js';
import { CalleeMembers, type ReceiverCall } from '../../../../server/src/contracts/schemas/callee-members.js';
import { packageNames } from '../../../../server/src/contracts/schemas/library.js';
import { SchemaReader } from '../../../../server/src/contracts/schemas/schema-reader.js';
import { ShapeBuilder } from '../../../../server/src/contracts/shape-builder.js';
import { typeShape } from '../extract-helper.js';
import { extractSchemas, plain, schemaTree } from './schema-tree.js';

const SOURCE = `import { z } from 'zod';
import * as zod from 'zod';
export const chained = z.number().min(0).int().optional();
export const overloaded = z.string().optional();
export const namespaced = zod.object({ id: z.array(z.string()).min(1) }).strict();
export const cast = (z.string() satisfies z.ZodType).optional();
export const withArguments = z.string('a message').optional();
export const typeArguments = z.string<'a'>().describe('x');
import * as v from 'valibot';
export namespace Inner {
  import z = v;
  export const shadowed = z.string();
}
`;

/** The program of SOURCE, with the real zod from node_modules. */
function program(): { source: ts.SourceFile; checker: ts.TypeChecker; fs: TreeFileSystem } {
  const tree = schemaTree({ 'messages.ts': SOURCE });
  const read = readCompilerOptions(tree);
  if ('error' in read) throw new Error(read.error);
  const fs = treeFileSystem(tree);
  const built = ts.createProgram({ rootNames: [fs.absolute('messages.ts')], options: { ...read.options, types: [], noEmit: true }, host: new TreeCompilerHost(fs) });
  return { source: built.getSourceFile(fs.absolute('messages.ts'))!, checker: built.getTypeChecker(), fs };
}

/** Every `a.b(...)` callee of the file, outermost call first, by the name of the const it is in. */
function callees(source: ts.SourceFile): Map<string, ts.PropertyAccessExpression[]> {
  const found = new Map<string, ts.PropertyAccessExpression[]>();
  const visit = (node: ts.Node, name: string | undefined): void => {
    const own = ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) ? node.name.text : name;
    if (own !== undefined && ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      found.set(own, [...(found.get(own) ?? []), node.expression]);
    }
    ts.forEachChild(node, (child) => visit(child, own));
  };
  visit(source, undefined);
  return found;
}

const resolved = (checker: ts.TypeChecker, symbol: ts.Symbol | undefined) =>
  symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;

/** A receiver call's callee as the schema reader would give it: the checker's symbol, and the receiver of a method. */
function receiverCall(checker: ts.TypeChecker) {
  return (call: ts.CallExpression): ReceiverCall | undefined => {
    const callee = call.expression;
    const symbol = resolved(checker, checker.getSymbolAtLocation(ts.isPropertyAccessExpression(callee) ? callee.name : callee));
    if (!symbol) return undefined;
    const parent = symbol.declarations?.[0]?.parent;
    const method = ts.isPropertyAccessExpression(callee) && parent !== undefined && (ts.isInterfaceDeclaration(parent) || ts.isClassLike(parent));
    return method ? { symbol, receiver: callee.expression } : { symbol };
  };
}

describe('schema callees found without checking their receiver', () => {
  it('finds the declaration the checker finds, for namespaces, methods returning this, overloads and generics alike', () => {
    const { source, checker } = program();
    const members = new CalleeMembers(checker, receiverCall(checker));
    const byConst = callees(source);
    const found = (name: string) => byConst.get(name)!.map((callee) => members.memberOf(callee));
    for (const [name, list] of byConst) {
      for (const callee of list) {
        const own = resolved(checker, members.memberOf(callee));
        if (own) assert.deepEqual(own.declarations, resolved(checker, checker.getSymbolAtLocation(callee.name))?.declarations, `${name}: ${callee.getText()}`);
      }
    }
    // Every callee of these is found without the checker; the outermost call is first.
    for (const name of ['chained', 'overloaded', 'namespaced']) assert.ok(found(name).every((s) => s !== undefined), name);
    // The same name in a namespace block is another declaration: the file's `z` is not taken for it.
    const shadowed = resolved(checker, found('shadowed')[0]);
    assert.ok(shadowed?.declarations?.[0]?.getSourceFile().fileName.includes('/node_modules/valibot/'));
    // A cast, arguments that pick among overloads and type arguments leave the method to the checker.
    for (const name of ['cast', 'withArguments', 'typeArguments']) assert.equal(found(name)[0], undefined, name);
  });

  it('the schema reader asks the checker about no receiver and no member name of a chain it can look up itself', () => {
    const { source, checker, fs } = program();
    const asked: ts.Node[] = [];
    const recording = new Proxy(checker, {
      get(target, key: keyof ts.TypeChecker) {
        const value: unknown = Reflect.get(target, key);
        if (typeof value !== 'function') return value;
        const method = value as (...args: unknown[]) => unknown;
        if (key !== 'getSymbolAtLocation' && key !== 'getTypeAtLocation' && key !== 'getResolvedSignature') return method.bind(target);
        return (node: ts.Node, ...rest: unknown[]) => {
          asked.push(node);
          return method.call(target, node, ...rest);
        };
      },
    });
    const relative = (file: ts.SourceFile) => fs.relative(file.fileName);
    const builder = new ShapeBuilder(recording, relative, (node) => fs.isLib(node.getSourceFile().fileName), () => undefined);
    const reader = new SchemaReader(recording, builder, relative, packageNames((fileName) => fs.readFile(fileName)));
    const consts = new Map(source.statements.filter(ts.isVariableStatement).map((s) => s.declarationList.declarations[0]!).map((d) => [(d.name as ts.Identifier).text, d]));
    for (const name of ['chained', 'namespaced']) {
      assert.equal(reader.libraryOf(consts.get(name)!), 'zod4');
      assert.equal(reader.contractShape(consts.get(name)!).kind === 'any', false);
    }
    // Only identifiers are resolved (the namespaces `z` and `zod`, a function imported by name): no call is
    // checked, no member name looked up.
    assert.ok(asked.length > 0);
    assert.deepEqual(asked.filter((node) => !ts.isIdentifier(node) || (ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)).map((node) => node.getText()), []);
  });

  it('a schema reads the same, and breaks the same, when its methods are left to the checker', () => {
    const plainly = `export const A = z.object({
  n: z.number().min(0).int().optional(),
  s: z.string().optional(),
  list: z.array(z.string()).min(1).nullable(),
  inner: z.object({ x: z.string() }).strict().optional(),
});`;
    // \`satisfies\` changes no type, but the callee lookup leaves every method of a wrapped receiver to the checker.
    const wrapped = `export const A = z.object({
  n: ((((z.number() satisfies z.ZodType).min(0)) satisfies z.ZodType).int() satisfies z.ZodType).optional(),
  s: (z.string() satisfies z.ZodType).optional(),
  list: ((z.array(z.string()) satisfies z.ZodType).min(1) satisfies z.ZodType).nullable(),
  inner: ((z.object({ x: z.string() }) satisfies z.ZodType).strict() satisfies z.ZodType).optional(),
});`;
    const read = (body: string) => {
      const result = extractSchemas({ 'messages.ts': `import { z } from 'zod';\n/** @wire */\n${body}\n` });
      assert.deepEqual(result.problems, []);
      return result.model;
    };
    assert.deepEqual(plain(typeShape(read(wrapped), 'A')), plain(typeShape(read(plainly), 'A')));
    const added = (body: string) => body.replace("x: z.string() }", "x: z.string(), y: z.string() }");
    const findings = (body: string) => compareModels(read(body), read(added(body))).findings.map((f) => `${f.rule} ${f.path} ${f.breaks.join(',')}`);
    assert.deepEqual(findings(wrapped), findings(plainly));
    assert.ok(findings(plainly).length > 0);
  });

  it('a schema made by a function of the project is still read from its types', () => {
    const result = extractSchemas({
      'messages.ts': `import { z } from 'zod';\nconst make = () => z.object({ id: z.string(), at: z.number().optional() });\n/** @wire */\nexport const A = make().strict();\n`,
    });
    assert.deepEqual(result.problems, []);
    assert.deepEqual(plain(typeShape(result.model, 'A')), {
      kind: 'object',
      fields: [
        { name: 'id', shape: { kind: 'string' }, optional: false },
        { name: 'at', shape: { kind: 'number' }, optional: true },
      ],
      policy: 'strict',
    });
  });
});
