import { DEFAULT_SETTINGS, normaliseSettings, type SkewSettings } from './settings';

/**
 * Per-folder settings, read through workspace/configuration when the client supports it (cached until the
 * next didChangeConfiguration), otherwise taken from the settings the client pushes with that notification.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<SkewSettings>>();
  private pushed: SkewSettings = DEFAULT_SETTINGS;

  constructor(
    private readonly fetch: ((folderUri: string) => Promise<unknown>) | undefined,
    private readonly log: (line: string) => void,
  ) {}

  get(folderUri: string): Promise<SkewSettings> {
    if (!this.fetch) return Promise.resolve(this.pushed);
    let settings = this.cache.get(folderUri);
    if (!settings) {
      settings = this.fetch(folderUri).then(normaliseSettings, (e) => {
        this.log(`Skew: reading settings failed, using defaults: ${(e as Error).message}`);
        return this.pushed;
      });
      this.cache.set(folderUri, settings);
    }
    return settings;
  }

  /** `pushed` is didChangeConfiguration's `settings` payload (clients without pull configuration send `{ skew }`). */
  changed(pushed: unknown): void {
    this.cache.clear();
    const skew = pushed && typeof pushed === 'object' ? (pushed as Record<string, unknown>).skew : undefined;
    if (skew !== undefined) this.pushed = normaliseSettings(skew);
  }
}
