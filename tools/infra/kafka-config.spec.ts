import {
  clusterIdFromBytes,
  containerEnvironment,
  defaultKafkaLayout,
  kafkaVersionFromPom,
  renderLog4j2Properties,
  renderServerProperties,
} from './kafka-config';

function parseProperties(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

describe('renderServerProperties', () => {
  const properties = parseProperties(
    renderServerProperties({ ...defaultKafkaLayout, dataDir: '/srv/loop/.local/kafka/broker/data' }),
  );

  it('makes one process both broker and controller of a one-voter KRaft quorum', () => {
    expect(properties['process.roles']).toBe('broker,controller');
    expect(properties['node.id']).toBe('1');
    expect(properties['controller.quorum.voters']).toBe('1@127.0.0.1:19093');
    expect(properties['controller.listener.names']).toBe('CONTROLLER');
  });

  it('serves clients on 19092 and advertises exactly that address', () => {
    expect(properties.listeners).toBe('PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093');
    expect(properties['advertised.listeners']).toBe('PLAINTEXT://127.0.0.1:19092');
  });

  it('sizes every internal topic for a single replica', () => {
    expect(properties['offsets.topic.replication.factor']).toBe('1');
    expect(properties['transaction.state.log.replication.factor']).toBe('1');
    expect(properties['transaction.state.log.min.isr']).toBe('1');
    expect(properties['share.coordinator.state.topic.replication.factor']).toBe('1');
    expect(properties['share.coordinator.state.topic.min.isr']).toBe('1');
  });

  it('never creates topics on first use', () => {
    expect(properties['auto.create.topics.enable']).toBe('false');
  });

  it('keeps the data in the given folder, escaping backslashes of Windows paths', () => {
    expect(properties['log.dirs']).toBe('/srv/loop/.local/kafka/broker/data');
    const windows = parseProperties(
      renderServerProperties({ ...defaultKafkaLayout, dataDir: 'C:\\loop\\data' }),
    );
    expect(windows['log.dirs']).toBe('C:\\\\loop\\\\data');
  });
});

describe('renderLog4j2Properties', () => {
  it('sends the broker log to stdout, which the runner appends to .local/logs/kafka.log', () => {
    const properties = parseProperties(renderLog4j2Properties().replace(/ = /g, '='));

    expect(properties['appender.stdout.type']).toBe('Console');
    expect(properties['rootLogger.appenderRef.stdout.ref']).toBe('STDOUT');
  });
});

describe('containerEnvironment', () => {
  it('spells settings the way the apache/kafka image reads them', () => {
    expect(
      containerEnvironment({ 'process.roles': 'broker,controller', 'group.initial.rebalance.delay.ms': '0' }),
    ).toEqual({
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
    });
  });
});

describe('clusterIdFromBytes', () => {
  it('encodes 16 bytes as the 22-character base64url id Kafka expects', () => {
    const id = clusterIdFromBytes(Uint8Array.from({ length: 16 }, (_, index) => index + 1));

    expect(id).toBe('AQIDBAUGBwgJCgsMDQ4PEA');
  });

  it('rejects ids a command line would read as an option', () => {
    expect(clusterIdFromBytes(Uint8Array.from([0xf8, ...new Array(15).fill(1)]))).toBeUndefined();
  });

  it('rejects the all-zero id Kafka reserves', () => {
    expect(clusterIdFromBytes(new Uint8Array(16))).toBeUndefined();
  });
});

describe('kafkaVersionFromPom', () => {
  it('reads the pinned version from the pom', () => {
    expect(kafkaVersionFromPom('<properties>\n  <kafka.version>4.4.0</kafka.version>\n</properties>')).toBe(
      '4.4.0',
    );
  });

  it('fails loudly when the pom no longer pins a version', () => {
    expect(() => kafkaVersionFromPom('<properties/>')).toThrow(/kafka\.version/);
  });
});
