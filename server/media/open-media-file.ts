import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

export interface OpenMediaFile {
  readonly handle: FileHandle;
  readonly size: number;
  readonly mtime: Date;
}

/**
 * Opens a resolved media file and reads its size and date from the open file itself: whatever
 * happens to the path afterwards (replaced, truncated, removed), the headers describe exactly the
 * bytes this handle will read. The path is already real, so a symlink there now is refused.
 * Undefined when it is gone or is not a regular file.
 */
export async function openMediaFile(realPath: string): Promise<OpenMediaFile | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(realPath, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch {
    return undefined;
  }
  const info = await handle.stat().catch(() => undefined);
  if (!info?.isFile()) {
    await handle.close();
    return undefined;
  }
  return { handle, size: info.size, mtime: info.mtime };
}
