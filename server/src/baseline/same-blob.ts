import { createHash } from 'node:crypto';
import type { SourceTree } from '../common/source';

/**
 * The id git gives a blob with these bytes: sha1 of `blob <size>\0<bytes>`, or sha256 in a repository that
 * uses it (told apart by the id's length).
 */
export function blobId(bytes: Buffer, algorithm: 'sha1' | 'sha256' = 'sha1'): string {
  return createHash(algorithm).update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** A file's text in another tree when it is, byte for byte, the blob a commit has at that path. */
export type SameBlobText = (rel: string, blob: string) => string | undefined;

/**
 * Texts a commit shares with `tree` (the working tree), found by hashing: most files of a project have not
 * changed since the deployed tag, and taking them from a tree already read spares streaming every blob out of
 * git. Only the id decides, never the path alone, so a file that differs in any byte is still read from git.
 */
export function sameBlobIn(tree: SourceTree): SameBlobText {
  let listing: readonly string[] | undefined;
  let listed = new Set<string>();
  return (rel, blob) => {
    // Only files the tree lists (and reads anyway to discover contracts): asking for others could record
    // problems the tree would not otherwise have. A new listing means texts may have changed: nothing is kept
    // from one text to the next but the listing itself.
    const files = tree.listFiles();
    if (files !== listing) [listing, listed] = [files, new Set(files)];
    if (!listed.has(rel)) return undefined;
    const text = tree.readFile(rel);
    if (text === undefined) return undefined;
    return blobId(Buffer.from(text, 'utf8'), blob.length === 64 ? 'sha256' : 'sha1') === blob ? text : undefined;
  };
}
