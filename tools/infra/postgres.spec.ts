import { parseClusterList } from './postgres';

describe('parseClusterList', () => {
  it('reads version, name, port, state and data folder of each Debian cluster', () => {
    const output = [
      '15  main    5432 online postgres /var/lib/postgresql/15/main /var/log/postgresql/postgresql-15-main.log',
      '16  replica 5433 down   postgres /var/lib/postgresql/16/replica /var/log/postgresql/postgresql-16-replica.log',
      '',
    ].join('\n');

    expect(parseClusterList(output)).toEqual([
      { version: '15', name: 'main', port: 5432, running: true, dataDir: '/var/lib/postgresql/15/main' },
      {
        version: '16',
        name: 'replica',
        port: 5433,
        running: false,
        dataDir: '/var/lib/postgresql/16/replica',
      },
    ]);
  });

  it('counts a cluster in recovery as running', () => {
    const [cluster] = parseClusterList(
      '15 main 5432 online,recovery postgres /var/lib/postgresql/15/main /var/log/x.log',
    );

    expect(cluster.running).toBe(true);
  });

  it('ignores header and blank lines', () => {
    expect(parseClusterList('Ver Cluster Port Status Owner Data directory Log file\n\n')).toEqual([]);
  });
});
