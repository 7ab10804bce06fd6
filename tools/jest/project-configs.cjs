// Finds the per-project jest configs of the workspace (libs, services, tools).
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');

/** Paths of every project's jest config file with the given name. */
function projectConfigs(fileName) {
  const candidates = ['libs', 'services'].flatMap((group) =>
    fs.readdirSync(path.join(root, group)).map((name) => path.join(root, group, name, fileName)),
  );
  candidates.push(path.join(root, 'tools', fileName));
  return candidates.filter((file) => fs.existsSync(file));
}

module.exports = { projectConfigs };
