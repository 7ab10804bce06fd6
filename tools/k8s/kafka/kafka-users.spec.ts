import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as contracts from '@loop/contracts';
import {
  EventDefinition,
  ServiceName,
  serviceNames,
  topicDefinition,
  topicRegistry,
  topicsConsumedBy,
} from '@loop/contracts';
import { readManifestFile } from '../kustomize/render-kustomization';
import {
  KafkaAcl,
  kafkaUserName,
  kafkaUserResources,
  kafkaUsersFile,
  kedaKafkaUserFile,
  kedaKafkaUserResource,
  operationsKafkaUser,
  serviceAcls,
} from './kafka-users';

/** The topics a user's ACLs grant `operation` on (literal topic rules only). */
function topicsWith(acls: readonly KafkaAcl[], operation: KafkaAcl['operations'][number]): string[] {
  return acls
    .filter((acl) => acl.resource.type === 'topic' && acl.operations.includes(operation))
    .map((acl) => acl.resource.name);
}

function aclsOf(user: string): KafkaAcl[] {
  return kafkaUserResources().find((resource) => resource.metadata.name === user)!.spec.authorization.acls;
}

/** The events each service's code handles, read from its `@EventHandler(<definition>)` decorators. */
function handledEvents(service: ServiceName): EventDefinition[] {
  const root = join(__dirname, '..', '..', '..', 'services', service, 'src');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
    (file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'),
  );
  const exported = contracts as unknown as Record<string, EventDefinition | undefined>;
  return files.flatMap((file) =>
    [...readFileSync(join(root, file), 'utf8').matchAll(/@EventHandler\((\w+)\)/g)].map(([, name]) => {
      const definition = exported[name];
      if (!definition?.type)
        throw new Error(`${service}/${file}: ${name} is not an event of @loop/contracts`);
      return definition;
    }),
  );
}

describe('the KafkaUsers', () => {
  it('are the committed kafka-users.yaml and prod-keda kafka-user-keda.yaml (regenerate them with tools/k8s/kafka/generate-kafka-topics.ts)', () => {
    expect(readManifestFile(kafkaUsersFile)).toEqual(kafkaUserResources());
    expect(readManifestFile(kedaKafkaUserFile)).toEqual([kedaKafkaUserResource()]);
  });

  it.each(serviceNames)(
    'let %s write only the topics it owns and the dead-letter topics of what it reads',
    (service) => {
      const acls = aclsOf(kafkaUserName(service));
      const owned = topicRegistry.filter((topic) => topic.owner === service).map((topic) => topic.name);
      const consumed = topicsConsumedBy(service);

      expect(topicsWith(acls, 'Write').sort()).toEqual(
        [...owned, ...consumed.map((topic) => contracts.deadLetterTopicName(topic))].sort(),
      );
      expect(topicsWith(acls, 'Read').sort()).toEqual([...consumed].sort());
      expect(acls.filter((acl) => acl.resource.type === 'group')).toEqual([
        {
          resource: { type: 'group', name: service, patternType: 'literal' },
          operations: ['Describe', 'Read'],
        },
      ]);
      expect(acls.every((acl) => acl.resource.patternType === 'literal')).toBe(true);
    },
  );

  it('leave requests as the only service that may publish ticket.confirmed, the fact that credits service hours', () => {
    const writers = serviceNames.filter((service) =>
      topicsWith(aclsOf(kafkaUserName(service)), 'Write').includes(contracts.ticketConfirmedV1.topic),
    );

    expect(writers).toEqual(['requests']);
  });

  it("give no service's user the right to create, delete or reconfigure topics", () => {
    const operations = new Set(
      serviceNames.flatMap((service) => aclsOf(kafkaUserName(service)).flatMap((acl) => acl.operations)),
    );

    expect([...operations].sort()).toEqual(['Describe', 'Read', 'Write']);
  });

  it('let the operations toolbox replay a dead letter onto its source topic and rewind a service group', () => {
    const acls = aclsOf(operationsKafkaUser);

    expect(topicsWith(acls, 'Read')).toEqual(
      expect.arrayContaining(['requests.ticket.v1', 'requests.ticket.v1.dlq']),
    );
    expect(topicsWith(acls, 'Write')).toEqual(topicRegistry.map((topic) => topic.name));
    expect(acls).toContainEqual({
      resource: { type: 'group', name: 'dead-letter-replay-', patternType: 'prefix' },
      operations: ['Describe', 'Read', 'Delete'],
    });
  });

  it("let KEDA's lag scaler only describe the services' groups and the topics they read", () => {
    const operations = new Set(
      kedaKafkaUserResource().spec.authorization.acls.flatMap((acl) => acl.operations),
    );

    expect([...operations]).toEqual(['Describe']);
  });

  it('follow a topic added to the registry: its owner may write it, its consumers read it', () => {
    const added = {
      ...topicRegistry[0],
      name: 'requests.survey.v1',
      deadLetter: { ...topicRegistry[0].deadLetter, name: 'requests.survey.v1.dlq' },
    } as unknown as (typeof topicRegistry)[number];
    const consumedBy = (service: ServiceName) =>
      service === 'notifications'
        ? [...topicsConsumedBy(service), 'requests.survey.v1']
        : topicsConsumedBy(service);

    expect(topicsWith(serviceAcls('requests', [...topicRegistry, added], consumedBy), 'Write')).toContain(
      'requests.survey.v1',
    );
    expect(serviceAcls('notifications', [...topicRegistry, added], consumedBy)).toEqual(
      expect.arrayContaining([
        {
          resource: { type: 'topic', name: 'requests.survey.v1', patternType: 'literal' },
          operations: ['Describe', 'Read'],
        },
        {
          resource: { type: 'topic', name: 'requests.survey.v1.dlq', patternType: 'literal' },
          operations: ['Describe', 'Write'],
        },
      ]),
    );
  });

  it.each(serviceNames)(
    "cover every event %s's code handles: the catalogue lists it as a consumer, so its user may read the topic",
    (service) => {
      const unlisted = handledEvents(service)
        .filter((definition) => !definition.consumers.includes(service))
        .map(
          (definition) =>
            `${definition.type} v${definition.version} on ${topicDefinition(definition.topic)?.name}`,
        );

      expect(handledEvents(service).length).toBeGreaterThan(0);
      expect(unlisted).toEqual([]);
    },
  );
});
