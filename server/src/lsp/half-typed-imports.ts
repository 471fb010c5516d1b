import * as path from 'node:path';
import type { SourceProblem } from '../common/errors';

/** How the extractor words a working-tree import it could not resolve (server/src/contracts/extractor.ts). */

/**
 * Unresolved imports in files open in the editor: almost always an import being typed or a file deleted or
 * renamed mid-edit. Types from such an import read as `any`, which would surface as breaking changes nobody
 * made, so the folder keeps its last good diagnostics until the import resolves again (the TypeScript server
 * already marks the import itself). An unresolved import in a file nobody edits is reported as the CLI does.
 */
export function halfTypedImports(root: string, problems: readonly SourceProblem[], openFiles: ReadonlySet<string>): SourceProblem[] {
  return problems.filter((p) => p.message.startsWith("Cannot resolve import '") && openFiles.has(path.join(root, ...p.file.split('/'))));
}
