import { ConfigError } from '@loop/platform';
import { startTestService } from '@loop/testing';
import { AppModule } from '../../src/app.module';
import { requestsServiceOptions } from '../../src/service-options';

describe('the requests service with an invalid configuration', () => {
  it('refuses to start and names every bad variable and what it expects', async () => {
    const start = startTestService(AppModule, requestsServiceOptions, {
      env: { DATABASE_URL: 'mysql://somewhere/db', KAFKA_BROKERS: 'not a broker', PORT: 'eighty' },
    });
    await expect(start).rejects.toBeInstanceOf(ConfigError);
    await expect(start).rejects.toThrow(
      /DATABASE_URL must be a postgres:\/\/ URL \(got "mysql:\/\/somewhere\/db"\)/,
    );
    await expect(start).rejects.toThrow(/KAFKA_BROKERS/);
    await expect(start).rejects.toThrow(/PORT/);
  });
});
