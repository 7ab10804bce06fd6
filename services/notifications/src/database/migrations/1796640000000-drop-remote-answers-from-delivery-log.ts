import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Removes what receivers answered from the delivery log. Failed attempts used to be recorded as
 * `POST <url> answered <status>: <up to 200 characters of the body>`, and `GET /me/deliveries` showed
 * them, so a webhook pointed at an internal address could be used to read it. Now only the class of
 * failure is recorded (`answered 503`, `timed out after …`, `connection failed (ECONNREFUSED)`); the
 * rows written before keep their status and lose the body and the URL. No column goes: the error text
 * stays, in the new form.
 */
export class DropRemoteAnswersFromDeliveryLog1796640000000 implements MigrationInterface {
  name = 'DropRemoteAnswersFromDeliveryLog1796640000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column] of [
      ['delivery', 'last_error'],
      ['delivery_attempt', 'error'],
    ]) {
      await queryRunner.query(
        `UPDATE ${table} SET ${column} = regexp_replace(${column}, '^POST \\S+ answered (\\d+).*$', 'answered \\1', 's')
          WHERE ${column} ~ '^POST \\S+ answered \\d+'`,
      );
      await queryRunner.query(
        `UPDATE ${table} SET ${column} = regexp_replace(${column}, '^POST \\S+ failed: (.*)$', 'connection failed (\\1)', 's')
          WHERE ${column} ~ '^POST \\S+ failed: '`,
      );
    }
  }

  // What was removed is not kept anywhere: nothing to put back.
  async down(): Promise<void> {}
}
