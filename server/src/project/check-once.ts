import type { CheckedWithModels } from '../report/check-result';
import { ProjectSession, type SessionOptions } from './session';

/** One check of the project, as the CLI makes it, keeping both wire models for the report's witnesses. */
export async function checkWithModels(options: SessionOptions & { overlays?: ReadonlyMap<string, string> } = {}): Promise<CheckedWithModels> {
  const session = await ProjectSession.open(options);
  try {
    // one check right after opening: the file listing open() read is the one to use
    const result = await session.check(options.overlays, { diskUnchanged: true });
    return { result, models: session.models, baselineModels: session.baselineModelsByCommit() };
  } finally {
    session.dispose();
  }
}
