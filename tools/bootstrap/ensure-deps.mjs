// Installs the workspace's npm dependencies when they are missing or older than the lockfile, so that
// `npm start` and `npm test` work on a fresh clone. Uses only Node built-ins: it runs before anything is installed.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const lockfile = join(root, 'package-lock.json');
const installedMarker = join(root, 'node_modules', '.package-lock.json');

const upToDate =
  existsSync(installedMarker) && statSync(installedMarker).mtimeMs >= statSync(lockfile).mtimeMs;
if (!upToDate) {
  console.log('Installing dependencies (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}

// The console's browser tests and its benchmark drive Debian's Chromium through Playwright (Playwright's own
// browser download is not used), with a CJK font so the zh-CN screens and their screenshots show Chinese.
// Installed here as PostgreSQL and Redis are by the infrastructure runner: with apt-get on Debian when
// running as root; elsewhere the browser tests say what to install.
const browserPackages = [
  { pkg: 'chromium', file: '/usr/bin/chromium' },
  { pkg: 'fonts-wqy-microhei', file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc' },
];
const missingPackages = browserPackages.filter(({ file }) => !existsSync(file)).map(({ pkg }) => pkg);
const canInstallPackages = existsSync('/etc/debian_version') && process.getuid?.() === 0;
if (missingPackages.length && canInstallPackages) {
  console.log(`Installing ${missingPackages.join(' ')} for the console browser tests (apt-get)…`);
  const apt = (args) =>
    execSync(`apt-get ${args}`, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  try {
    apt(`install -y ${missingPackages.join(' ')}`);
  } catch {
    // A fresh machine often has no package index yet.
    apt('update');
    apt(`install -y ${missingPackages.join(' ')}`);
  }
}
