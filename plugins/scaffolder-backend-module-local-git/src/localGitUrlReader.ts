import { Readable } from 'node:stream';
import type {
  ReaderFactory,
  ReadTreeResponseFactory,
  UrlReaderPredicateTuple,
} from '@backstage/backend-defaults/urlReader';
import type {
  UrlReaderService,
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadUrlOptions,
  UrlReaderServiceSearchOptions,
} from '@backstage/backend-plugin-api';
import { InputError, NotModifiedError } from '@backstage/errors';
import type { LocalGitRepositories } from './localGitRepositories';
import { encodeFilePath } from './urlPaths';
import { searchMatcher } from './searchPattern';

/**
 * Reads `<baseUrl>/<host>/<owner>/<repo>.git/blob/<branch>/<path>` URLs, the
 * ones the backend serves (see http/router.ts), straight from the local
 * repositories rather than over HTTP, so `catalog:register` and the catalog's
 * refresh loop work on what the local publisher wrote. ETags are git object ids.
 */
export function createLocalGitUrlReader(options: {
  repositories: LocalGitRepositories;
  treeResponseFactory: ReadTreeResponseFactory;
}): UrlReaderPredicateTuple {
  const { repositories, treeResponseFactory } = options;

  const locate = (url: string) => {
    const location = repositories.locate(new URL(url));
    if (!location) {
      throw new InputError(
        `${url} is not a file of a sandbox repository; use ${repositories.baseUrl}/<host>/<owner>/<repo>.git/blob/<branch>/<path>`,
      );
    }
    return location;
  };

  const reader: UrlReaderService = {
    async readUrl(url: string, readOptions?: UrlReaderServiceReadUrlOptions) {
      const location = locate(url);
      const objectId = await repositories.objectId(location);
      if (readOptions?.etag === objectId) {
        throw new NotModifiedError();
      }
      const content = await repositories.readBlob(location, objectId);
      return {
        buffer: async () => content,
        stream: () => Readable.from(content),
        etag: objectId,
      };
    },

    async readTree(url: string, treeOptions?: UrlReaderServiceReadTreeOptions) {
      const location = locate(url);
      const objectId = await repositories.objectId(location);
      if (treeOptions?.etag === objectId) {
        throw new NotModifiedError();
      }
      return treeResponseFactory.fromTarArchive({
        stream: Readable.from(await repositories.archive(location)),
        subpath: location.filePath,
        etag: objectId,
        filter: treeOptions?.filter,
        stripFirstDirectory: false,
      });
    },

    async search(url: string, searchOptions?: UrlReaderServiceSearchOptions) {
      const location = locate(url);
      // Refuses a costly pattern before any git work.
      const matches = searchMatcher(location.filePath);
      const branchId = await repositories.objectId({
        ...location,
        filePath: '',
      });
      if (searchOptions?.etag === branchId) {
        throw new NotModifiedError();
      }
      const files = (await repositories.listFiles(location)).filter(file =>
        matches(file.path),
      );
      return {
        etag: branchId,
        // Read by blob id: a file path never becomes a git argument here.
        files: files.map(file => ({
          url: `${location.contentsUrl}/${encodeFilePath(file.path)}`,
          content: async () => repositories.readBlob(location, file.objectId),
        })),
      };
    },
  };

  return {
    predicate: url => repositories.owns(url),
    reader,
  };
}

/** The reader for the repositories, in the shape `UrlReaders` takes. */
export function localGitReaderFactory(
  repositories: LocalGitRepositories,
): ReaderFactory {
  return ({ treeResponseFactory }) => [
    createLocalGitUrlReader({ repositories, treeResponseFactory }),
  ];
}
