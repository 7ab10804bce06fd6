// `npm run bench:console`: how heavy the console is and how fast a resident's first screen appears on a
// cheap phone. Builds the console, sums its JavaScript and CSS (raw and gzipped), then loads the
// resident's "raise a request" screen in Debian's Chromium as a 375×812 phone with the CPU slowed 4×
// and a slow 4G network (CDP), the build served gzipped, the APIs answered at once from a tiny fixture
// (the services' speed is measured by the loop benchmarks, not here). Prints the figures and writes
// docs/benchmarks/console.md.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildConsole, root } from '../../start/console-build';
import { runAsCommand, writeMarkdownResults } from '../bench-output';
import { assetSizes, kib, total } from './bundle-sizes';
import { serveStatic } from './gzip-static-server';

const runs = 5;
/** Slow 4G as Chrome DevTools defines it: 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up. */
const slow4g = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const cpuSlowdown = 4;

/** A signed-in resident's session, as the console stores it (the token's signature is not checked here). */
function residentSession(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = {
    sub: 'resident-bench',
    roles: ['resident'],
    community_ids: ['c'],
    grid_ids: ['g'],
    exp: Math.floor(Date.now() / 1000) + 3600,
  };
  return JSON.stringify({ token: `${part({ alg: 'none' })}.${part(claims)}.bench`, label: 'bench' });
}

const categories = [
  ['property.repair', '物业维修'],
  ['property.management', '物业管理'],
  ['environment.sanitation', '环境卫生'],
  ['city.management', '城市管理'],
  ['neighbour.dispute', '邻里纠纷'],
  ['elderly.disabled.help', '助老助残'],
  ['public.health', '公共卫生'],
  ['safety.hazard', '安全隐患'],
  ['public.sentiment', '社情民意'],
  ['other', '其他'],
].map(([code, name]) => ({ code, name, nameZh: name, nameEn: code, active: true }));

interface Load {
  firstContentfulPaintMs: number;
  categoriesShownMs: number;
  scripts: string[];
  transferredBytes: number;
}

async function main(): Promise<void> {
  buildConsole();
  const dist = join(root, 'dist', 'services', 'console');
  const assets = assetSizes(join(dist, 'assets'));
  const js = total(assets, (file) => file.endsWith('.js'));
  const css = total(assets, (file) => file.endsWith('.css'));

  const { url, server } = await serveStatic(dist);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const loads: Load[] = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext({
        viewport: { width: 375, height: 812 },
        isMobile: true,
        hasTouch: true,
        locale: 'zh-CN',
      });
      await context.addInitScript({
        content: `sessionStorage.setItem('console.session', ${JSON.stringify(residentSession())})`,
      });
      await context.route('**/api/**', (route) =>
        route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify(route.request().url().includes('/categories') ? categories : []),
        }),
      );
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', slow4g);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
      let transferredBytes = 0;
      cdp.on(
        'Network.loadingFinished',
        (event: { encodedDataLength: number }) => (transferredBytes += event.encodedDataLength),
      );
      const scripts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script')
          scripts.push(new URL(request.url()).pathname.split('/').pop()!);
      });
      await page.goto(`${url}/resident/new`);
      await page.locator('[data-category="other"]').waitFor({ timeout: 60_000 });
      const timing = await page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        now: performance.now(),
      }));
      loads.push({
        firstContentfulPaintMs: timing.fcp,
        categoriesShownMs: timing.now,
        scripts,
        transferredBytes,
      });
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const fcp = median(loads.map((load) => load.firstContentfulPaintMs));
  const shown = median(loads.map((load) => load.categoriesShownMs));
  const firstScreenScripts = [...new Set(loads[0].scripts)];
  const firstScreenJs = total(assets, (file) => firstScreenScripts.includes(file));
  // Chunk names follow whatever module comes first, so look inside: every Element Plus component pulls in
  // the chunk that defines ElementPlusError, and ECharts names itself.
  const heavy = firstScreenScripts.filter((file) =>
    /ElementPlusError|echarts/i.test(readFileSync(join(dist, 'assets', file), 'utf8')),
  );
  const largest = assets.slice(0, 6);

  const lines = [
    `All JavaScript: ${kib(js.bytes)} (${kib(js.gzipBytes)} gzip) in ${js.file}; CSS ${kib(css.bytes)} (${kib(css.gzipBytes)} gzip)`,
    `Resident's first screen: ${firstScreenScripts.length} scripts, ${kib(firstScreenJs.bytes)} (${kib(firstScreenJs.gzipBytes)} gzip); transferred in all ${kib(median(loads.map((l) => l.transferredBytes)))}`,
    `Desk chunks (Element Plus, ECharts) on that screen: ${heavy.length ? heavy.join(', ') : 'none'}`,
    `First contentful paint ${fcp.toFixed(0)} ms, categories shown ${shown.toFixed(0)} ms (median of ${runs}; CPU ${cpuSlowdown}× slower, slow 4G)`,
  ];
  console.log(lines.join('\n'));
  if (heavy.length) throw new Error(`the resident's first screen loaded desk chunks: ${heavy.join(', ')}`);

  const markdown = `# Console: size and first render on a phone

Measured by \`npm run bench:console\` (tools/bench/console/run-console-benchmark.ts) on the development
machine (2 cores): the production build of services/console, served gzipped as the image's nginx serves
it, loaded in Debian's Chromium as a 375×812 phone with the CPU slowed ${cpuSlowdown}× and a slow 4G network
(150 ms latency, 1.6 Mbit/s down) through the Chrome DevTools Protocol. The APIs are answered at once from
a fixture: this measures the console, not the services. The timings move by a few hundred milliseconds
with the machine's other load (1-minute load average ${loadavg()[0].toFixed(1)} at the end of this run); the sizes do
not.

| What | Raw | Gzip |
| --- | ---: | ---: |
| All JavaScript (${js.file}) | ${kib(js.bytes)} | ${kib(js.gzipBytes)} |
| All CSS (${css.file}) | ${kib(css.bytes)} | ${kib(css.gzipBytes)} |
| JavaScript the resident's first screen loads (${firstScreenScripts.length} files) | ${kib(firstScreenJs.bytes)} | ${kib(firstScreenJs.gzipBytes)} |

| First render of "我要报事" (median of ${runs} loads) | ms |
| --- | ---: |
| First contentful paint | ${fcp.toFixed(0)} |
| Category grid shown (interactive form) | ${shown.toFixed(0)} |

The resident's first screen loads no desk chunk (Element Plus, ECharts): every screen is its own chunk
(route-level code splitting) and Vant and Element Plus components are imported one by one with their own
styles. Largest files (gzip):

${largest.map((asset) => `- \`${asset.file.replace(/-[\w-]{8}\.(js|css)$/, '.$1')}\`: ${kib(asset.gzipBytes)}`).join('\n')}
`;
  await writeMarkdownResults(join(root, 'docs', 'benchmarks', 'console.md'), markdown, root);
}

runAsCommand(main);
