import { activityPerLoop } from './database-activity';

describe('database work per closed loop', () => {
  it('divides what each database committed and wrote during the run by the loops closed', () => {
    const activity = activityPerLoop(
      { requests: { commits: 100, rowsWritten: 1_000 }, dispatch: { commits: 50, rowsWritten: 10 } },
      { requests: { commits: 300, rowsWritten: 2_000 }, dispatch: { commits: 90, rowsWritten: 410 } },
      20,
    );

    expect(activity).toEqual({
      requests: { commitsPerLoop: 10, rowsWrittenPerLoop: 50 },
      dispatch: { commitsPerLoop: 2, rowsWrittenPerLoop: 20 },
    });
  });

  it('says nothing per loop when no loop closed', () => {
    expect(
      activityPerLoop(
        { notifications: { commits: 1, rowsWritten: 1 } },
        { notifications: { commits: 9, rowsWritten: 9 } },
        0,
      ),
    ).toEqual({ notifications: { commitsPerLoop: 0, rowsWrittenPerLoop: 0 } });
  });
});
