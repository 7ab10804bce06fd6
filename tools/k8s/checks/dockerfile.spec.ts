import { serviceHeapLimitMb } from '@loop/testing';
import { imageFacts } from './dockerfile';

describe('the Dockerfile facts', () => {
  it('are read from the runtime stage: service build argument, user and command', () => {
    const dockerfile = [
      'FROM node:20 AS build',
      'USER root',
      'CMD ["node", "build.js"]',
      'FROM node:20 AS runtime',
      'ARG SERVICE',
      'USER node',
      'ENV NODE_OPTIONS=--max-old-space-size=160',
      'HEALTHCHECK --interval=10s \\',
      '  CMD node -e "check()"',
      'CMD ["node", "--enable-source-maps", "/app/main.js"]',
    ].join('\n');

    expect(imageFacts(dockerfile)).toEqual({
      serviceBuildArg: 'SERVICE',
      user: 'node',
      command: ['node', '--enable-source-maps', '/app/main.js'],
      nodeOptions: '--max-old-space-size=160',
    });
  });

  it("of the repository's Dockerfile promise a non-root image running /app/main.js", () => {
    const facts = imageFacts();

    expect(facts.serviceBuildArg).toBe('SERVICE');
    expect(facts.user).toBe('node');
    expect(facts.command).toContain('/app/main.js');
  });

  it('cap the heap as the locally started services do', () => {
    expect(imageFacts().nodeOptions?.split(/\s+/)).toContain(`--max-old-space-size=${serviceHeapLimitMb}`);
  });
});
