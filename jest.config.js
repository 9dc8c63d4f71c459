// One jest run for the whole monorepo, split into tiers by file suffix so each can run alone
// (`jest --selectProjects unit`). Type checking is done once by `tsc` in `npm test`, so ts-jest
// only transpiles here (isolatedModules), which keeps the run fast on two cores.
// Only a library's root (`@app/<lib>`) and its test drivers (`@app/<lib>/testing`) are importable.
const moduleNameMapper = {
  '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@app/([a-z-]+)/testing$': '<rootDir>/libs/$1/testing',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] };
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleNameMapper,
  transform,
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['**/*.spec.ts'] },
    { ...base, displayName: 'int', testMatch: ['**/*.int-spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['**/*.e2e-spec.ts'] },
  ],
};
