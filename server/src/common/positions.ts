/** Zero-based, like LSP, so the editor and the CLI agree on positions. */
export interface Pos {
  line: number;
  character: number;
}

export interface Range {
  start: Pos;
  end: Pos;
}

/** A place in one version of the project; `file` is a posix path relative to the project root. */
export interface Loc {
  file: string;
  range: Range;
}
