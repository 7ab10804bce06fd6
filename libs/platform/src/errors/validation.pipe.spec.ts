import { IsString, MaxLength } from 'class-validator';
import { createValidationPipe } from './validation.pipe';
import { ValidationFailedException } from './validation-failed.exception';

class NoteRequest {
  @IsString() @MaxLength(200) note!: string;
}

async function violationsOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ValidationFailedException) return error.violations;
    throw error;
  }
  return undefined;
}

describe('the global validation pipe', () => {
  const pipe = createValidationPipe();

  it('refuses a NUL in a body field with a violation naming the field', async () => {
    const violations = await violationsOf(() =>
      pipe.transform({ note: '门锁\u0000坏了' }, { type: 'body', metatype: NoteRequest }),
    );
    expect(violations).toEqual([expect.objectContaining({ field: 'note', code: 'noControlCharacters' })]);
  });

  it('refuses a control character in a path parameter and in a query value', async () => {
    expect(
      await violationsOf(() =>
        pipe.transform('id\u0000', { type: 'param', metatype: String, data: 'ticketId' }),
      ),
    ).toEqual([expect.objectContaining({ field: 'ticketId' })]);
    expect(
      await violationsOf(() => pipe.transform({ q: 'a\u001b' }, { type: 'query', metatype: Object })),
    ).toEqual([expect.objectContaining({ field: 'q' })]);
  });

  it('keeps multi-line text with tabs as it is', async () => {
    const note = await pipe.transform({ note: '一\n二\r\n\t三' }, { type: 'body', metatype: NoteRequest });
    expect(note).toEqual(Object.assign(new NoteRequest(), { note: '一\n二\r\n\t三' }));
  });

  it('leaves values the platform supplies, such as the current user, alone', async () => {
    const user = { id: 'x\u0000' };
    expect(await pipe.transform(user, { type: 'custom', metatype: Object })).toBe(user);
  });
});
