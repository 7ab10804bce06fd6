// Photos for a request: shrunk and re-encoded as JPEG on the phone (which also drops the camera's
// location data), uploaded to the requests service, and read back as object URLs for the people who
// may see them — an <img> cannot carry the bearer token, so the bytes are fetched and shown locally.
import { data, requestsApi, type RequestsSchemas } from '../api/clients';
import { MAX_PHOTO_BYTES, QUALITIES, shrunkSize } from './photo-size';

/** A photo as a ticket names it. */
export type PhotoReference = RequestsSchemas['schemas']['AttachmentResponseDto'];

/** Draws the picture at most 1600 pixels long and encodes it as JPEG small enough to upload. */
export async function shrinkPhoto(file: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  const { width, height } = shrunkSize(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  for (const quality of QUALITIES) {
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    if (blob && blob.size <= MAX_PHOTO_BYTES) return blob;
  }
  throw new Error('photo too large');
}

/** Shrinks and uploads a photo; the reference to put in the request's attachments. */
export async function uploadPhoto(file: File): Promise<PhotoReference> {
  const jpeg = await shrinkPhoto(file);
  const stored = await data(
    requestsApi.POST('/attachments', {
      // The body is the image itself, not JSON.
      body: jpeg as unknown as string,
      bodySerializer: (body: unknown) => body as Blob,
      headers: { 'Content-Type': 'image/jpeg' },
    }),
  );
  const name = file.name.replace(/\.[^.]*$/, '') || 'photo';
  return { name: `${name}.jpg`.slice(0, 200), type: stored.type, size: stored.size, sha256: stored.sha256 };
}

/** An object URL of the photo for this page; revoke it when the page goes. */
export async function photoUrl(sha256: string): Promise<string> {
  const blob = await data(
    requestsApi.GET('/attachments/{sha256}', { params: { path: { sha256 } }, parseAs: 'blob' }),
  );
  return URL.createObjectURL(blob as unknown as Blob);
}
