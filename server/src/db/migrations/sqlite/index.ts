import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125205837 } from './Migration20261125205837.js';
import { Migration20261125220544 } from './Migration20261125220544.js';
import { Migration20261201083501 } from './Migration20261201083501.js';
import { Migration20261201084436 } from './Migration20261201084436.js';
import { Migration20261201084528 } from './Migration20261201084528.js';
import { Migration20261201152829 } from './Migration20261201152829.js';
import { Migration20261201155458 } from './Migration20261201155458.js';

/** Every sqlite migration, oldest first. scripts/migration-create.ts rewrites this list. */
export const sqliteMigrations: MigrationObject[] = [
  { name: 'Migration20261125205837', class: Migration20261125205837 },
  { name: 'Migration20261125220544', class: Migration20261125220544 },
  { name: 'Migration20261201083501', class: Migration20261201083501 },
  { name: 'Migration20261201084436', class: Migration20261201084436 },
  { name: 'Migration20261201084528', class: Migration20261201084528 },
  { name: 'Migration20261201152829', class: Migration20261201152829 },
  { name: 'Migration20261201155458', class: Migration20261201155458 },
];
