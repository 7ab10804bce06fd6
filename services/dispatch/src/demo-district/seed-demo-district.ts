// Loads the demo district into the dispatch database: `DATABASE_URL=postgres://… npx tsx
// services/dispatch/src/demo-district/seed-demo-district.ts`. Applies pending migrations first, so it
// works on an empty database; running it again changes nothing. Prints one JSON line with the figures.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig, runMigrationsExclusively } from '@loop/platform';
import { dispatchMigrations } from '../database/migrations';
import { seedDemoDistrict } from './demo-district.loader';
import { DemoSeedConfig } from './demo-seed.config';

export { seedDemoDistrict } from './demo-district.loader';
export type { SeedDemoDistrictOptions, SeedDemoDistrictReport } from './demo-district.loader';

/** Migrates the database named by DATABASE_URL and loads the demo district into it. */
export async function seedDemoDistrictCommand(): Promise<void> {
  const config = loadConfig(DemoSeedConfig);
  const dataSource = await new DataSource({
    type: 'postgres',
    url: config.DATABASE_URL,
    migrations: dispatchMigrations,
  }).initialize();
  try {
    await runMigrationsExclusively(dataSource);
    const report = await seedDemoDistrict(dataSource, { seed: config.DEMO_SEED });
    process.stdout.write(`${JSON.stringify({ msg: 'demo district loaded', ...report })}\n`);
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  seedDemoDistrictCommand().catch((error: unknown) => {
    process.stderr.write(`${JSON.stringify({ msg: 'demo district not loaded', error: String(error) })}\n`);
    process.exit(1);
  });
}
