import * as migration_20261127_235153_initial from './20261127_235153_initial';

export const migrations = [
  {
    up: migration_20261127_235153_initial.up,
    down: migration_20261127_235153_initial.down,
    name: '20261127_235153_initial'
  },
];
