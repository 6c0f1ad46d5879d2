import type { GroupParents } from './groups';

/**
 * The catalog's group hierarchy, read at most once per `ttlMs`: a policy
 * decides on every permission check, and reading every group each time would
 * make the catalog the bottleneck. Concurrent callers share one read; a failed
 * read is not kept, so the next decision tries again.
 */
export function cachedGroupParents(
  load: () => Promise<GroupParents>,
  options: { ttlMs: number; now?: () => number },
): () => Promise<GroupParents> {
  const now = options.now ?? Date.now;
  let cached: { at: number; parents: Promise<GroupParents> } | undefined;
  return () => {
    if (!cached || now() - cached.at >= options.ttlMs) {
      const entry = { at: now(), parents: load() };
      entry.parents.catch(() => {
        if (cached === entry) {
          cached = undefined;
        }
      });
      cached = entry;
    }
    return cached.parents;
  };
}
