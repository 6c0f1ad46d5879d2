import { overlayEntries, repositoryPath, TreeEntry } from './overlay';

const file = (filePath: string, objectId = 'a'.repeat(40)): TreeEntry => ({
  mode: '100644',
  objectId,
  path: filePath,
});
const paths = (entries: TreeEntry[]) => entries.map(e => e.path).sort();

describe('overlayEntries, the tree a pull request commits', () => {
  it('writes over files, keeps the ones not written, and deletes after writing', () => {
    const changed = file('config/service.json', 'b'.repeat(40));
    const result = overlayEntries(
      [file('config/service.json'), file('config/old.json'), file('README.md')],
      [changed, file('config/old.json')],
      ['config/old.json'],
    );
    expect(paths(result)).toEqual(['README.md', 'config/service.json']);
    expect(result.find(e => e.path === 'config/service.json')).toBe(changed);
  });

  it('replaces a folder by a file of its name and a file by a folder, as a commit must', () => {
    const result = overlayEntries(
      [file('docs/a.md'), file('docs/b/c.md'), file('notes'), file('keep')],
      [file('docs'), file('notes/today.md')],
      [],
    );
    expect(paths(result)).toEqual(['docs', 'keep', 'notes/today.md']);
  });

  it('deletes a folder with everything in it, and nothing of a folder whose name merely starts the same', () => {
    const result = overlayEntries(
      [file('old/a'), file('old/deep/b'), file('older/c')],
      [],
      ['old'],
    );
    expect(paths(result)).toEqual(['older/c']);
  });
});

describe('repositoryPath', () => {
  it.each([
    ['config', 'config'],
    ['./config/', 'config'],
    ['a//b/../c', 'a/c'],
    ['.', ''],
    ['', ''],
  ])('normalizes %j to %j', (value, expected) => {
    expect(repositoryPath('targetPath', value)).toBe(expected);
  });

  it.each([
    ['/etc', "targetPath '/etc' is absolute"],
    ['../x', "targetPath '../x' leaves the repository"],
    ['a/../../x', "targetPath 'a/../../x' leaves the repository"],
    ['sub/.GIT/hooks', "targetPath 'sub/.GIT/hooks' is inside .git"],
  ])('refuses %j, naming the field and value', (value, message) => {
    expect(() => repositoryPath('targetPath', value)).toThrow(message);
  });
});
