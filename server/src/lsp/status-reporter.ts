import type { StatusParams } from '../shared/protocol';

export interface StatusSink {
  notify(params: StatusParams): void;
  popup(message: string): void;
}

/**
 * Sends a folder's status only when it changed, and pops each distinct problem up once per folder, so a
 * problem that persists while someone types is not repeated on every keystroke.
 */
export class StatusReporter {
  private readonly last = new Map<string, string>();
  private readonly shown = new Set<string>();

  constructor(private readonly sink: StatusSink) {}

  report(params: StatusParams, popup?: string): void {
    const key = JSON.stringify(params);
    if (this.last.get(params.folder) !== key) {
      this.last.set(params.folder, key);
      this.sink.notify(params);
    }
    if (popup && !this.shown.has(`${params.folder}\0${popup}`)) {
      this.shown.add(`${params.folder}\0${popup}`);
      this.sink.popup(popup);
    }
  }

  forget(folder: string): void {
    this.last.delete(folder);
  }
}
