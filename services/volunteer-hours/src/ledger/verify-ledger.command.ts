// Verifies the hours ledger's hash chains straight from the database and prints the outcome as JSON.
//   DATABASE_URL=postgres://…/loop_volunteer_hours npx tsx services/volunteer-hours/src/ledger/verify-ledger.command.ts [--member <id>]
// Exit code 0 when every chain verifies, 1 when a link is broken (the first one is printed), 2 on error.
import { MemberProfileTypeormRepository } from '../directory/infrastructure/member-profile.typeorm-repository';
import { commandDataSource, commandOption } from '../shared/command-data-source';
import { MemberPlacementQuery } from './application/member-placement.query';
import { VerifyLedgerQuery } from './application/verify-ledger.query';
import { LedgerTypeormRepository } from './infrastructure/ledger.typeorm-repository';

/** Runs the verification and returns the exit code. */
export async function verifyLedgerCommand(argv: readonly string[]): Promise<number> {
  const { dataSource } = await commandDataSource();
  try {
    const query = new VerifyLedgerQuery(
      dataSource,
      new LedgerTypeormRepository(),
      new MemberPlacementQuery(new MemberProfileTypeormRepository()),
    );
    const member = commandOption(argv, 'member');
    const result = member
      ? { ...(await query.verifyMember(member)), membersChecked: 1 }
      : await query.verifyAll();
    const intact = result.firstBrokenLink === null;
    process.stdout.write(`${JSON.stringify({ intact, ...result }, null, 2)}\n`);
    return intact ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  verifyLedgerCommand(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
}
