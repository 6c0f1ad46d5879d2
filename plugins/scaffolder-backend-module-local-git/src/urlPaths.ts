import { InputError } from '@backstage/errors';

/**
 * A file path inside a repository as a URL path, so a name holding '#', '?',
 * '%' or a space reads back as itself; other characters stay readable.
 */
export function encodeFilePath(filePath: string): string {
  return encodeURI(filePath).replace(/[?#]/g, encodeURIComponent);
}

/** Decodes one part of a URL path; a malformed escape or a NUL is refused. */
export function decodeUrlPath(value: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    throw new InputError(`'${value}' is not a valid URL path (bad % escape)`);
  }
  if (decoded.includes('\0')) {
    throw new InputError(
      `'${value}' holds a NUL character, which no git path has`,
    );
  }
  return decoded;
}
