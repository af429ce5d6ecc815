import * as migration_20261127_223123_initial from './20261127_223123_initial';

export const migrations = [
  {
    up: migration_20261127_223123_initial.up,
    down: migration_20261127_223123_initial.down,
    name: '20261127_223123_initial'
  },
];
