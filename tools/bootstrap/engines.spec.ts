// The README and `engines` promise a Node.js version; every installed package must accept it, or npm
// warns (EBADENGINE) and the package may break on the oldest Node the project claims to run on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
};
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; optional?: boolean }>;
};

describe('the Node.js version the project promises', () => {
  const oldest = semver.minVersion(manifest.engines.node)!.version;

  it('is stated in the README', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain(`Node.js ≥ ${oldest.replace(/\.0$/, '')}`);
  });

  it('is accepted by every package in the lockfile', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .flatMap(([path, entry]) => {
        const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        return range && semver.validRange(range) && !semver.satisfies(oldest, range)
          ? [`${path.replace(/^.*node_modules\//, '')}@${entry.version} wants node ${range}`]
          : [];
      });
    expect(refusing).toEqual([]);
  });
});
