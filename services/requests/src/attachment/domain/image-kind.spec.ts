import { imageTypeOf } from './image-kind';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('what an uploaded photo really is', () => {
  it('knows JPEG, PNG and WebP by their signatures', () => {
    expect(imageTypeOf(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe('image/jpeg');
    expect(imageTypeOf(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(imageTypeOf(Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toBe('image/webp');
  });

  it('refuses anything else, however it is named: HTML, SVG, a PDF, a truncated header, nothing', () => {
    expect(imageTypeOf(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(imageTypeOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(imageTypeOf(Buffer.from('%PDF-1.7'))).toBeNull();
    expect(imageTypeOf(bytes(0xff, 0xd8))).toBeNull();
    expect(imageTypeOf(Buffer.from('RIFF\u0000\u0000\u0000\u0000WAVE'))).toBeNull();
    expect(imageTypeOf(bytes())).toBeNull();
  });
});
