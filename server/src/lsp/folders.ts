import * as path from 'node:path';
import type { FolderChecker } from './folder-checker';

/** The workspace folders, each with its own checker; nested folders: the deepest one owns a file. */
export class Folders {
  private readonly byUri = new Map<string, FolderChecker>();
  /** A workspace folder's monorepo projects, each checked as a folder of its own; they go with it. */
  private readonly projectsOf = new Map<string, string[]>();

  add(folder: FolderChecker): void {
    this.remove(folder.uri);
    this.byUri.set(folder.uri, folder);
  }

  /** A monorepo project inside the workspace folder `parentUri`. */
  addProject(parentUri: string, project: FolderChecker): void {
    if (!this.byUri.has(parentUri) || this.byUri.has(project.uri)) return;
    this.byUri.set(project.uri, project);
    this.projectsOf.set(parentUri, [...(this.projectsOf.get(parentUri) ?? []), project.uri]);
  }

  remove(uri: string): void {
    for (const child of this.projectsOf.get(uri) ?? []) this.remove(child);
    this.projectsOf.delete(uri);
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
