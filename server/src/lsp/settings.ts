/**
 * Skew's settings as the server reads them through `workspace/configuration` (section `skew`, scoped to a
 * workspace folder). To add a setting: declare it in client/contributes.json (schema, description, scope), add it
 * here with its default, and read it from the `FolderSettings` the server hands to the code that needs it.
 */
export type SeveritySetting = 'error' | 'warning' | 'information';

export interface SkewSettings {
  enable: boolean;
  /**
   * A tag, branch or commit, or a list of refs and tag globs (the live window); '' or [] means: skew.json
   * `baseline`, then tag `deployed`, then the newest semver tag.
   */
  baseline: string | readonly string[];
  severity: SeveritySetting;
  /** Which contracts get a code lens: those that break (default), every one, or none. */
  codeLens: CodeLensSetting;
}

export type CodeLensSetting = 'breaking' | 'all' | 'off';

export const DEFAULT_SETTINGS: SkewSettings = { enable: true, baseline: '', severity: 'error', codeLens: 'breaking' };

/** Whatever the client sent (possibly nothing, possibly of the wrong types) → complete settings. */
export function normaliseSettings(raw: unknown): SkewSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const severity = r.severity === 'warning' || r.severity === 'information' ? r.severity : 'error';
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    baseline:
      typeof r.baseline === 'string'
        ? r.baseline.trim()
        : Array.isArray(r.baseline)
          ? r.baseline.filter((b): b is string => typeof b === 'string' && b.trim() !== '').map((b) => b.trim())
          : DEFAULT_SETTINGS.baseline,
    severity,
    codeLens: r.codeLens === 'all' || r.codeLens === 'off' ? r.codeLens : DEFAULT_SETTINGS.codeLens,
  };
}
