import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125205837 } from './Migration20261125205837.js';
import { Migration20261125220544 } from './Migration20261125220544.js';
import { Migration20261201083501 } from './Migration20261201083501.js';
import { Migration20261201084437 } from './Migration20261201084437.js';
import { Migration20261201084528 } from './Migration20261201084528.js';
import { Migration20261201152830 } from './Migration20261201152830.js';
import { Migration20261201155459 } from './Migration20261201155459.js';

/** Every postgres migration, oldest first. scripts/migration-create.ts rewrites this list. */
export const postgresMigrations: MigrationObject[] = [
  { name: 'Migration20261125205837', class: Migration20261125205837 },
  { name: 'Migration20261125220544', class: Migration20261125220544 },
  { name: 'Migration20261201083501', class: Migration20261201083501 },
  { name: 'Migration20261201084437', class: Migration20261201084437 },
  { name: 'Migration20261201084528', class: Migration20261201084528 },
  { name: 'Migration20261201152830', class: Migration20261201152830 },
  { name: 'Migration20261201155459', class: Migration20261201155459 },
];
