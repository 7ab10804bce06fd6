// Photos on tickets: uploaded first (only real JPEG, PNG or WebP images, at most 1,000,000 bytes), named
// by their SHA-256 in the ticket, and served to the uploader and to whoever may see a ticket carrying them.
import { TestService } from '@loop/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  jpegBytes,
  People,
  place,
  startRequestsService,
  submitTicket,
  ticketBody,
  uploadPhoto,
} from './support/requests-kit';

describe('photos on tickets', () => {
  let service: TestService;
  let people: People;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    service = await startRequestsService();
    people = new People(service);
    http = request(service.app.getHttpServer());
  });
  afterAll(() => service?.close());

  const upload = (token: string, type: string, body: Buffer) =>
    http.post('/attachments').set('Authorization', `Bearer ${token}`).set('Content-Type', type).send(body);
  const photoAs = (token: string, sha256: string) =>
    http.get(`/attachments/${sha256}`).set('Authorization', `Bearer ${token}`);

  it('stores a photo under the SHA-256 of its content, once however often it is uploaded', async () => {
    const token = await people.resident('resident-photographer');
    const first = await uploadPhoto(service, token, 'lamp.jpg', 'lamp');
    const again = await uploadPhoto(service, token, 'lamp-again.jpg', 'lamp');
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(again).toMatchObject({ sha256: first.sha256, type: 'image/jpeg', size: jpegBytes('lamp').length });
    const [{ n }] = await service.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM attachment WHERE sha256 = $1', [first.sha256]);
    expect(n).toBe(1);
  });

  it('refuses what is not an image of an accepted type (415), too large a photo (413), and callers who file nothing', async () => {
    const token = await people.resident('resident-sneaky');
    const html = await upload(
      token,
      'image/jpeg',
      Buffer.from('<html><script>alert(1)</script></html>'),
    ).expect(415);
    expect(html.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(html.body.code).toBe('attachment.not-an-image');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
    await upload(token, 'image/jpeg', png).expect(415);
    expect((await upload(token, 'image/svg+xml', Buffer.from('<svg/>')).expect(415)).body.code).toBe(
      'attachment.unsupported-type',
    );
    await upload(token, 'image/png', png).expect(201);
    const huge = Buffer.concat([jpegBytes(), Buffer.alloc(1_000_001)]);
    expect((await upload(token, 'image/jpeg', huge).expect(413)).body.code).toBe('attachment.too-large');
    await upload(await people.member('member-uploader'), 'image/jpeg', jpegBytes()).expect(403);
    await http.post('/attachments').set('Content-Type', 'image/jpeg').send(jpegBytes()).expect(401);
    await photoAs(token, 'not-a-hash').expect(400);
  });

  it('refuses a ticket naming a photo that was never uploaded, and files nothing', async () => {
    const token = await people.resident('resident-forgetful');
    const count = async () =>
      Number((await service.app.get(DataSource).query('SELECT count(*) AS n FROM ticket'))[0].n);
    const before = await count();
    const refused = await http
      .post('/tickets')
      .set('Authorization', `Bearer ${token}`)
      .send(
        ticketBody({
          attachments: [{ name: 'x.jpg', type: 'image/jpeg', size: 10, sha256: 'b'.repeat(64) }],
        }),
      )
      .expect(422);
    expect(refused.body.code).toBe('ticket.attachment-not-uploaded');
    expect(await count()).toBe(before);
  });

  it('keeps the type and size of the upload, whatever the ticket says, and shows the photo to those who may see the ticket only', async () => {
    const resident = await people.resident('resident-with-photo');
    const photo = await uploadPhoto(service, resident, 'door.jpg', 'door');
    const ticket = await submitTicket(service, resident, {
      attachments: [{ ...photo, type: 'image/gif', size: 1 }],
    });
    const read = await http
      .get(`/tickets/${ticket.id}`)
      .set('Authorization', `Bearer ${resident}`)
      .expect(200);
    expect(read.body.attachments).toEqual([photo]);

    const served = await photoAs(resident, photo.sha256).expect(200);
    expect(served.headers).toMatchObject({
      'content-type': 'image/jpeg',
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=86400, immutable',
    });
    expect(Buffer.compare(served.body as Buffer, jpegBytes('door'))).toBe(0);
    await photoAs(await people.staff('staff-photo', [place.community]), photo.sha256).expect(200);

    // Staff of another community, another resident, a member who holds nothing: not found.
    await photoAs(await people.staff('staff-elsewhere', [place.otherCommunity]), photo.sha256).expect(404);
    await photoAs(await people.resident('resident-neighbour-photo'), photo.sha256).expect(404);
    const stranger = await photoAs(await people.member('member-stranger'), photo.sha256).expect(404);
    expect(stranger.body.code).toBe('attachment.not-found');
  });
});
