// Public API of @loop/testing: what integration and e2e tests use to reach real infrastructure.
export * from './infrastructure/test-environment';
export * from './infrastructure/test-database';
export * from './infrastructure/test-namespace';
export * from './infrastructure/wait-for';
export * from './app/test-service';
export * from './deployment/compose-service-check';
export * from './network/tcp-proxy';
export * from './app/test-service-replica';
export * from './app/service-boot-checks';
export * from './infrastructure/namespace-cleanup';
export * from './cluster/service-catalogue';
export * from './cluster/service-process';
export * from './cluster/loop-cluster';
export * from './app/audit-facts-endpoint-checks';
export * from './cluster/demo-district-seed';
export * from './outage/postgres-restart';
export * from './outage/dead-letters';
