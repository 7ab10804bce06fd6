// How big a photo is sent: phones take 12-megapixel pictures of a few megabytes; a request needs a
// clear picture of a broken lamp, not a poster. Shrunk on the phone, it uploads fast on a weak network
// and stays under the services' 1,000,000-byte limit.

/** The longest side of an uploaded photo, in pixels. */
export const LONGEST_SIDE = 1600;
/** The largest photo the requests service accepts, in bytes. */
export const MAX_PHOTO_BYTES = 1_000_000;
/** JPEG qualities tried in turn until the photo fits. */
export const QUALITIES = [0.82, 0.7, 0.55, 0.4] as const;

/** The size a `width` × `height` picture is drawn at: the longest side at most `longest`, never enlarged. */
export function shrunkSize(
  width: number,
  height: number,
  longest = LONGEST_SIDE,
): { width: number; height: number } {
  const scale = Math.min(1, longest / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
