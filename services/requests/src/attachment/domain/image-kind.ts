// What an uploaded photo really is, read from its first bytes rather than from what the client says:
// a file that claims to be a JPEG but is not is refused, so nothing else is ever served as an image.

/** The image types a ticket's photos may have. */
export const imageTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** One of {@link imageTypes}. */
export type ImageType = (typeof imageTypes)[number];

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length &&
  signature.every((byte, index) => bytes[offset + index] === byte);

/** The image type the content's signature shows, or null when it is none of the accepted ones. */
export function imageTypeOf(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return 'image/webp';
  return null;
}
