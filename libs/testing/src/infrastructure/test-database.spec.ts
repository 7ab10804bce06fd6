import { testDatabaseName } from './test-database';

describe('testDatabaseName', () => {
  it('starts with the sanitised prefix and ends with the unique part', () => {
    expect(testDatabaseName('Dispatch-Flow', 'abc123')).toBe('dispatch_flow_abc123');
  });

  it('gives two databases with the same prefix different names', () => {
    expect(testDatabaseName('requests')).not.toEqual(testDatabaseName('requests'));
  });

  it('stays within the 63-byte identifier limit of PostgreSQL', () => {
    expect(testDatabaseName('x'.repeat(100), 'unique0000').length).toBeLessThanOrEqual(63);
  });

  it('never starts with a digit, which would need quoting everywhere', () => {
    expect(testDatabaseName('2024 import', 'u1')).toBe('t_2024_import_u1');
  });
});
