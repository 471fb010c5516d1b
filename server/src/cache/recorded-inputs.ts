import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SourceTree } from '../common/source';

/**
 * What building a model saw of files its cache key does not cover (installed packages under node_modules,
 * which are on disk whatever the commit): the text of each file read (null: not readable) and the answer to
 * each existence check. Module resolution decides by existence, so a package that appears where resolution
 * found nothing changes the model as surely as an edited declaration file.
 */
export interface RecordedInputs {
  reads: Record<string, string | null>;
  files: Record<string, boolean>;
  dirs: Record<string, boolean>;
}

/** The questions a model build asks of its files, answered again when a cached model is checked. */
export type InputView = Pick<SourceTree, 'readFile' | 'fileExists' | 'directoryExists'>;

/**
 * `tree` with every read and existence check of a path `include` accepts written down. Folder listings are
 * not: with `types: []` (see optionsFor in extractor.ts) the compiler resolves modules by probing paths only.
 */
export function recordInputs(tree: SourceTree, include: (rel: string) => boolean): { tree: SourceTree; inputs: RecordedInputs } {
  const inputs: RecordedInputs = { reads: {}, files: {}, dirs: {} };
  const recording: SourceTree = {
    label: tree.label,
    root: tree.root,
    outerRoot: tree.outerRoot,
    listFiles: () => tree.listFiles(),
    getDirectories: (rel) => tree.getDirectories(rel),
    readFile: (rel) => {
      const text = tree.readFile(rel);
      if (include(rel) && !(rel in inputs.reads)) inputs.reads[rel] = text === undefined ? null : hashText(text);
      return text;
    },
    fileExists: (rel) => {
      const exists = tree.fileExists(rel);
      if (include(rel) && !(rel in inputs.files)) inputs.files[rel] = exists;
      return exists;
    },
    directoryExists: (rel) => {
      const exists = tree.directoryExists(rel);
      if (include(rel) && !(rel in inputs.dirs)) inputs.dirs[rel] = exists;
      return exists;
    },
  };
  return { tree: recording, inputs };
}

/** True when `view` still answers every recorded question the same way. */
export function inputsUnchanged(view: InputView, inputs: RecordedInputs): boolean {
  for (const [rel, exists] of Object.entries(inputs.dirs)) if (view.directoryExists(rel) !== exists) return false;
  for (const [rel, exists] of Object.entries(inputs.files)) if (view.fileExists(rel) !== exists) return false;
  for (const [rel, digest] of Object.entries(inputs.reads)) {
    const text = view.readFile(rel);
    if ((text === undefined ? null : hashText(text)) !== digest) return false;
  }
  return true;
}

/** Names the recorded answers, for the id of the model built from them. */
export function inputsDigest(inputs: RecordedInputs): string {
  const hash = createHash('sha256');
  for (const group of [inputs.reads, inputs.files, inputs.dirs]) {
    for (const rel of Object.keys(group).sort()) hash.update(rel).update('\0').update(String(group[rel])).update('\0');
    hash.update('\u0001');
  }
  return hash.digest('hex');
}

export function isRecordedInputs(v: unknown): v is RecordedInputs {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Partial<RecordedInputs>;
  return (
    isRecord(r.reads, (x) => x === null || typeof x === 'string') &&
    isRecord(r.files, (x) => typeof x === 'boolean') &&
    isRecord(r.dirs, (x) => typeof x === 'boolean')
  );
}

export const NO_INPUTS: RecordedInputs = { reads: {}, files: {}, dirs: {} };

/** Declaration files of installed packages are large but few; past this, a file is treated as unreadable. */
const DISK_READ_CAP = 64 * 1024 * 1024;

/**
 * The disk under `root` answering as a baseline tree does for installed packages (see GitTree): regular files
 * only, paths above the root never, but for those under `outerRoot` (a monorepo's workspace, see SourceTree).
 */
export function diskView(root: string, outerRoot?: string): InputView {
  const top = outerRoot ?? root;
  const inside = (rel: string): string | undefined => {
    const abs = path.resolve(root, rel);
    return abs === top || abs.startsWith(top.endsWith(path.sep) ? top : top + path.sep) ? abs : undefined;
  };
  const stat = (rel: string): fs.Stats | undefined => {
    const abs = inside(rel);
    try {
      return abs === undefined ? undefined : fs.statSync(abs);
    } catch {
      return undefined;
    }
  };
  return {
    fileExists: (rel) => stat(rel)?.isFile() ?? false,
    directoryExists: (rel) => stat(rel)?.isDirectory() ?? false,
    readFile: (rel) => {
      const abs = inside(rel);
      const found = stat(rel);
      if (abs === undefined || !found?.isFile() || found.size > DISK_READ_CAP) return undefined;
      try {
        return fs.readFileSync(abs, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

const hashText = (text: string): string => createHash('sha256').update(text).digest('hex');

function isRecord(v: unknown, valid: (x: unknown) => boolean): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(valid);
}
