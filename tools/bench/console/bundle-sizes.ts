// The console's built files by kind, raw and gzipped (what nginx sends), and which of them a screen
// loaded: pure functions over dist/services/console, so the figures come from the real build.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One built asset and its sizes in bytes. */
export interface AssetSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** Every .js and .css file under `assetsDir`, largest gzipped first. */
export function assetSizes(assetsDir: string): AssetSize[] {
  return readdirSync(assetsDir)
    .filter((file) => file.endsWith('.js') || file.endsWith('.css'))
    .map((file) => {
      const content = readFileSync(join(assetsDir, file));
      return {
        file,
        bytes: statSync(join(assetsDir, file)).size,
        gzipBytes: gzipSync(content, { level: 6 }).length,
      };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}

/** Sums the sizes of the assets whose names pass `include`. */
export function total(assets: AssetSize[], include: (file: string) => boolean = () => true): AssetSize {
  const chosen = assets.filter((asset) => include(asset.file));
  return {
    file: `${chosen.length} files`,
    bytes: chosen.reduce((sum, asset) => sum + asset.bytes, 0),
    gzipBytes: chosen.reduce((sum, asset) => sum + asset.gzipBytes, 0),
  };
}

/** `123.4 KiB`. */
export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
