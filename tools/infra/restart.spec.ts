import { InfrastructureError } from './infrastructure-error';
import { localKafkaBrokers } from './kafka-broker';
import { PostgresCluster } from './postgres';
import { assertLocalKafka, postgresClusterToRestart } from './restart';

const main: PostgresCluster = {
  version: '15',
  name: 'main',
  port: 5432,
  running: true,
  dataDir: '/var/lib/postgresql/15/main',
};
const replica: PostgresCluster = { ...main, version: '16', name: 'replica', port: 5433 };

describe('postgresClusterToRestart', () => {
  it('picks the local cluster that listens on the port the database URL names', () => {
    expect(postgresClusterToRestart('postgres://root@127.0.0.1:5433/loop', [main, replica])).toBe(replica);
  });

  it('picks the cluster on the default local port when no database URL is given', () => {
    expect(postgresClusterToRestart(undefined, [replica, main])).toBe(main);
  });

  it('refuses a server on another machine, naming it without its password', () => {
    const restart = () => postgresClusterToRestart('postgres://loop:secret@db.example:5432/loop', [main]);

    expect(restart).toThrow(InfrastructureError);
    expect(restart).toThrow(/db\.example.*not on this machine/);
    expect(restart).not.toThrow(/secret/);
  });

  it('refuses a local port no cluster serves', () => {
    expect(() => postgresClusterToRestart('postgres://root@localhost:6543/loop', [main])).toThrow(
      /no local cluster listens on port 6543/,
    );
  });
});

describe('assertLocalKafka', () => {
  it("accepts the runner's own broker, named or implied", () => {
    expect(() => assertLocalKafka(undefined)).not.toThrow();
    expect(() => assertLocalKafka(localKafkaBrokers.join(','))).not.toThrow();
  });

  it('refuses brokers the environment names elsewhere', () => {
    expect(() => assertLocalKafka('kafka-0.example:9092,kafka-1.example:9092')).toThrow(
      /Cannot restart Kafka at KAFKA_BROKERS=kafka-0\.example:9092/,
    );
  });
});
