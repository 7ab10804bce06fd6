import request from 'supertest';
import { describeHostileInputs } from '@loop/testing';
import { AppModule } from '../../src/app.module';
import { dispatchServiceOptions } from '../../src/service-options';

describeHostileInputs(AppModule, dispatchServiceOptions, {
  cases: (service) => {
    describe('directory imports, held to the rules of every other body', () => {
      let admin: string;
      const importMembers = () =>
        request(service().app.getHttpServer())
          .post('/directory/imports/members')
          .auth(admin, { type: 'bearer' })
          .set('accept-language', 'en');

      beforeAll(async () => {
        admin = await service().tokenFor({ sub: 'admin-hostile', roles: ['admin'] });
      });

      it('refuses an import whose JSON body is a bare array of rows with 400', async () => {
        const response = await importMembers()
          .send([{ id: 'm-1', name: '王芳' }])
          .expect(400);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      });

      it('refuses an import with a field besides rows with 400 naming the field', async () => {
        const response = await importMembers().send({ rows: [], dryRun: true }).expect(400);
        expect(response.body.errors).toEqual([expect.objectContaining({ field: 'dryRun' })]);
      });

      it('refuses a NUL in a JSON row with 400 naming the row and field', async () => {
        const response = await importMembers()
          .send({ rows: [{ id: 'm-1', name: '王\u0000芳', unitCode: 'u-1', gridCode: 'g-1' }] })
          .expect(400);
        expect(response.body.errors).toEqual([
          expect.objectContaining({ field: 'rows.0.name', code: 'noControlCharacters' }),
        ]);
      });

      it('refuses a NUL in a CSV cell with 400 before any row is applied', async () => {
        const response = await importMembers()
          .set('content-type', 'text/csv')
          .send('id,name,unitCode,gridCode\nm-1,王\u0000芳,u-1,g-1\n')
          .expect(400);
        expect(response.body.errors).toEqual([
          expect.objectContaining({ field: 'rows.0.name', code: 'noControlCharacters' }),
        ]);
      });

      it('refuses a member id that is not an account id before it reaches SQL', async () => {
        const response = await request(service().app.getHttpServer())
          .get(`/directory/members/${encodeURIComponent("m-1' OR '1'='1")}`)
          .auth(admin, { type: 'bearer' })
          .expect(400);
        expect(response.body.errors).toEqual([
          expect.objectContaining({ field: 'memberId', code: 'isAccountId' }),
        ]);
      });
    });
  },
});
