const OBJECT_ID = '(?:[0-9a-f]{40}|[0-9a-f]{64})';

/**
 * The files of a bare repository that `git clone` over git's "dumb" HTTP
 * protocol reads, with the content types `git http-backend` gives them. Only
 * these are served: the rest of the folder (config, hooks, description, refs/,
 * logs/) is no client's business, and refs are listed in info/refs.
 * `objects/info/alternates` is left out on purpose: it names other folders.
 */
const GIT_FILES: ReadonlyArray<[RegExp, string]> = [
  [/^HEAD$/, 'text/plain'],
  [/^info\/refs$/, 'text/plain'],
  [/^objects\/info\/packs$/, 'text/plain; charset=utf-8'],
  [
    /^objects\/[0-9a-f]{2}\/(?:[0-9a-f]{38}|[0-9a-f]{62})$/,
    'application/x-git-loose-object',
  ],
  [
    new RegExp(`^objects/pack/pack-${OBJECT_ID}\\.pack$`),
    'application/x-git-packed-objects',
  ],
  [
    new RegExp(`^objects/pack/pack-${OBJECT_ID}\\.idx$`),
    'application/x-git-packed-objects-toc',
  ],
];

/**
 * The content type of a file git's dumb HTTP protocol asks for (a path
 * relative to the bare repository), or undefined when it is not one: then it
 * is not served. The patterns hold no '.' segment, so no path escapes the
 * repository.
 */
export function gitFileContentType(filePath: string): string | undefined {
  return GIT_FILES.find(([pattern]) => pattern.test(filePath))?.[1];
}
