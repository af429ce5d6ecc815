import * as migration_20261127_235147_initial from './20261127_235147_initial';

export const migrations = [
  {
    up: migration_20261127_235147_initial.up,
    down: migration_20261127_235147_initial.down,
    name: '20261127_235147_initial'
  },
];
