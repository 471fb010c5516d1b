/**
 * One version of the project as a read-only file tree: the working tree (disk plus unsaved editor buffers)
 * or a baseline commit (git objects). Paths are posix and relative to the project root (the folder that
 * holds tsconfig.json / skew.json), so both versions name the same file the same way.
 */
export interface SourceTree {
  /** A label for messages: "working tree" or "deployed (v1.4.0)". */
  readonly label: string;
  /** Absolute path the TypeScript program is rooted at (virtual for a baseline). */
  readonly root: string;
  /**
   * A folder above `root` the compiler may also read in (a monorepo's workspace root, so a package's imports of
   * its sibling packages resolve); absolute, like `root`. Undefined: nothing above `root` is part of the tree.
   */
  readonly outerRoot?: string;
  /**
   * Every candidate source file (.ts/.tsx/.mts/.cts, no node_modules), relative paths. The same array object
   * again promises the same file texts (discovery relies on it); hand out a new one when they may differ.
   */
  listFiles(): string[];
  readFile(rel: string): string | undefined;
  fileExists(rel: string): boolean;
  directoryExists(rel: string): boolean;
  getDirectories(rel: string): string[];
}

/** skew.json at the project root; every field optional. */
export interface SkewConfig {
  /** One ref, or the live window: refs and tag globs (`["deployed", "deploy/*"]`). */
  baseline?: string | string[];
  /** Globs (relative to the root): every exported type in these files is a message contract. */
  messages?: string[];
  /** Globs: every exported interface/class in these files is an RPC service. */
  services?: string[];
  /** Rule ids, contract/path globs, or { rule, path, reason } entries that silence findings. */
  ignore?: IgnoreEntry[];
  /** Adapters by name (`trpc`, `jsonrpc`, …): false turns one off although the project depends on its library. */
  adapters?: Record<string, boolean>;
  /** Contracts whose data outlives the version that wrote it: readable old-to-new against every tag since `since`. */
  persisted?: PersistedConfig;
  /** Breaks shipped on purpose (`skew accept`), each with a reason and maybe an expiry. */
  accepted?: AcceptedEntry[];
}

export interface PersistedConfig {
  /** Globs matched against contract names and the files that declare them. */
  messages: string[];
  /** A ref (every tag cut at or after it) or a tag glob (every matching tag HEAD reaches). */
  since: string;
}

export interface AcceptedEntry {
  fingerprint: string;
  /** For people reading skew.json: where the break was when it was accepted. */
  path?: string;
  rule?: string;
  reason: string;
  /** A tag: the acceptance ends once that release is cut from this history (see docs/release-window.md). */
  until?: string;
}

export type IgnoreEntry = string | { rule?: string; path?: string; reason?: string };
