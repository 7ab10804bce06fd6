import type { LocalizedText } from '@loop/platform';

/** Why one row of an import (or one single upsert) cannot be applied; names the offending field. */
export class RowRejected extends Error {
  override readonly name = 'RowRejected';

  constructor(
    readonly field: string,
    readonly text: LocalizedText,
  ) {
    super(`${field}: ${text.en}`);
  }
}

/** The row refers to an entry that is not in the directory. */
export function unknownReference(field: string, what: { zh: string; en: string }, code: string): RowRejected {
  return new RowRejected(field, { 'zh-CN': `找不到${what.zh}：${code}`, en: `unknown ${what.en}: ${code}` });
}
