import { loadConfig } from '@loop/platform';
import { DataSource } from 'typeorm';
import { LedgerCommandConfig } from '../config/ledger-command.config';

/** The commands' config (from the environment) and a connected data source on the service's database. */
export async function commandDataSource(): Promise<{ config: LedgerCommandConfig; dataSource: DataSource }> {
  const config = loadConfig(LedgerCommandConfig);
  const dataSource = await new DataSource({
    type: 'postgres',
    url: config.DATABASE_URL,
    synchronize: false,
  }).initialize();
  return { config, dataSource };
}

/** The value after `--name` on the command line, if given. */
export function commandOption(argv: readonly string[], name: string): string | undefined {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? argv[index + 1] : undefined;
}
