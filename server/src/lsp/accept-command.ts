import { ErrorCodes, ResponseError, type ExecuteCommandParams } from 'vscode-languageserver';
import { isSkewError } from '../common/errors';
import { recordAccepted } from '../project/accept';
import type { AcceptBreakParams } from '../shared/protocol';
import type { FolderChecker } from './folder-checker';

const isParams = (a: unknown): a is AcceptBreakParams => {
  if (!a || typeof a !== 'object') return false;
  const p = a as Record<string, unknown>;
  return ['root', 'fingerprint', 'reason'].every((k) => typeof p[k] === 'string') && (p.until === undefined || typeof p.until === 'string');
};

/**
 * The server half of "Accept this break…": records the finding in skew.json `accepted` (the same edit as
 * `skew accept`) and checks the folder again with it. Only a project a folder has checked can be named, so a
 * client cannot have any other file written.
 */
export async function acceptBreak(params: ExecuteCommandParams, folders: readonly FolderChecker[]): Promise<{ accepted: string[] }> {
  const args: unknown = params.arguments?.[0];
  if (!isParams(args)) throw new ResponseError(ErrorCodes.InvalidParams, 'skew.server.acceptBreak takes [{ root, fingerprint, reason, until? }]');
  const folder = folders.find((f) => f.view?.checked.result.root === args.root);
  const result = folder?.view?.checked.result;
  if (!folder || !result) throw new ResponseError(ErrorCodes.InvalidParams, `Skew has not checked a project at ${args.root}`);
  try {
    const accepted = recordAccepted(result.root, { target: args.fingerprint, reason: args.reason, until: args.until }, [...result.findings, ...result.suppressed]);
    await folder.reset();
    return { accepted: accepted.map((f) => f.path) };
  } catch (e) {
    if (isSkewError(e)) throw new ResponseError(ErrorCodes.InvalidRequest, e.message);
    throw e;
  }
}
