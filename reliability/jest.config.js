// The reliability suite (the built engine under load, kill -9, fuzzing) takes a minute and needs
// `dist/`, so it has a config of its own: `npm run test:reliability`, never a plain `jest`.
const root = require('../jest.config.js');

module.exports = {
  projects: [
    { ...root.projects[0], displayName: 'reliability', testMatch: ['<rootDir>/reliability/**/*.reliability-spec.ts'] },
  ],
};
