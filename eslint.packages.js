// Every package's ESLint config: Backstage's, with the package boundaries of
// the README's layout table as errors, not warnings (a frontend package never
// imports a node package, a common package imports no plugin package).
module.exports = dir =>
  require('@backstage/cli/config/eslint-factory')(dir, {
    rules: { '@backstage/no-mixed-plugin-imports': 'error' },
  });
