import * as path from 'node:path';
import type { FolderChecker } from './folder-checker';

/** The workspace folders, each with its own checker; nested folders: the deepest one owns a file. */
export class Folders {
  private readonly byUri = new Map<string, FolderChecker>();

  add(folder: FolderChecker): void {
    this.byUri.get(folder.uri)?.dispose();
    this.byUri.set(folder.uri, folder);
  }

  remove(uri: string): void {
    this.byUri.get(uri)?.dispose();
    this.byUri.delete(uri);
  }

  get(uri: string): FolderChecker | undefined {
    return this.byUri.get(uri);
  }

  all(): FolderChecker[] {
    return [...this.byUri.values()];
  }

  forFile(file: string): FolderChecker | undefined {
    let best: FolderChecker | undefined;
    for (const f of this.byUri.values()) {
      if (f.contains(file) && (!best || f.folderPath.length > best.folderPath.length)) best = f;
    }
    return best;
  }

  /** Folder paths, for logs. */
  describe(): string {
    return this.all()
      .map((f) => path.basename(f.folderPath) || f.folderPath)
      .join(', ');
  }
}
