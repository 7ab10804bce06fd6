// What the repository's Dockerfile promises about every service image, read from the Dockerfile itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The facts of the runtime stage the manifests depend on. */
export interface ImageFacts {
  /** The build argument that selects the service (`--build-arg SERVICE=<name>`). */
  serviceBuildArg: string | undefined;
  /** The user the runtime stage runs as. */
  user: string | undefined;
  /** The runtime stage's CMD, as an exec-form list. */
  command: string[];
  /** The runtime stage's NODE_OPTIONS (e.g. the heap limit), if set. */
  nodeOptions: string | undefined;
}

/** The uid of the `node` user in the official Node.js images the Dockerfile builds on. */
export const nodeUserId = 1000;

/** The repository's Dockerfile. */
export const dockerfilePath = join(__dirname, '..', '..', '..', 'Dockerfile');

/** Reads the runtime (last) stage of a Dockerfile. */
export function imageFacts(dockerfile = readFileSync(dockerfilePath, 'utf8')): ImageFacts {
  const lines = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim());
  const lastFrom = lines.map((line) => /^FROM\s/i.test(line)).lastIndexOf(true);
  const runtime = lines.slice(lastFrom);
  const instruction = (name: string) =>
    runtime
      .filter((line) => line.toUpperCase().startsWith(`${name} `))
      .map((line) => line.slice(name.length + 1).trim());
  const cmd = instruction('CMD').at(-1);
  return {
    serviceBuildArg: instruction('ARG').find((argument) => argument.split('=')[0] === 'SERVICE'),
    user: instruction('USER').at(-1),
    command: cmd?.startsWith('[') ? (JSON.parse(cmd) as string[]) : [],
    nodeOptions: instruction('ENV')
      .map((assignment) => /^NODE_OPTIONS=(.*)$/.exec(assignment)?.[1])
      .filter((value): value is string => value !== undefined)
      .at(-1),
  };
}
