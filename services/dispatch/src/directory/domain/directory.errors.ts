import { DomainError } from '@loop/platform';

/** The caller may not manage this part of the directory (staff outside their community). */
export class DirectoryScopeError extends DomainError {
  readonly code = 'directory.outside-scope';
  readonly problemType = 'forbidden';
  constructor() {
    super("outside the caller's communities", {
      'zh-CN': '只能管理本社区的名录',
      en: 'You can only manage the directory of your own community',
    });
  }
}

/** Nothing in the directory has this id. */
export class DirectoryEntryNotFoundError extends DomainError {
  readonly code = 'directory.not-found';
  readonly problemType = 'not-found';
  constructor(what: string, id: string) {
    super(`${what} ${id} is not in the directory`, {
      'zh-CN': '名录中没有该条目',
      en: `No such ${what} in the directory`,
    });
  }
}

/** A single upsert was refused; carries the same field-level reason an import row would get. */
export class DirectoryEntryRejectedError extends DomainError {
  readonly code = 'directory.entry-rejected';
  readonly problemType = 'rule-violated';
  constructor(readonly errors: Array<{ field: string; message: string }>) {
    super(`directory entry rejected: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, {
      'zh-CN': `名录条目无效：${errors.map((e) => `${e.field}：${e.message}`).join('；')}`,
      en: `Directory entry rejected: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
    });
  }
}

/** The import kind named in the path does not exist. */
export class UnknownImportKindError extends DomainError {
  readonly code = 'directory.unknown-import-kind';
  readonly problemType = 'not-found';
  constructor(kind: string) {
    super(`no import of ${kind}`, { 'zh-CN': `不支持导入 ${kind}`, en: `Cannot import ${kind}` });
  }
}

/** No national schedule was loaded for the year: it counts no public holidays until an admin loads it. */
export class PublicHolidaysNotLoadedError extends DomainError {
  readonly code = 'directory.public-holidays-not-loaded';
  readonly problemType = 'not-found';
  constructor(year: number) {
    super(`no public-holiday schedule loaded for ${year}`, {
      'zh-CN': `尚未导入 ${year} 年的法定节假日安排`,
      en: `No public-holiday schedule has been loaded for ${year}`,
    });
  }
}

/**
 * A change the caller's level may not make, naming the field that asks for it: an import reports it on
 * the row, a single upsert or retirement answers 403.
 */
export abstract class DirectoryChangeRefusedError extends DomainError {
  readonly problemType = 'forbidden';
  constructor(
    readonly field: string,
    message: string,
    text: { 'zh-CN': string; en: string },
  ) {
    super(message, text);
  }
}

/** Only the district admin sets the oversight chain: secretaries and town/street and county officials. */
export class OversightChainError extends DirectoryChangeRefusedError {
  readonly code = 'directory.oversight-chain';
  constructor(field: string) {
    super(field, 'only the district admin may change the oversight chain', {
      'zh-CN': '社区书记和包联领导只能由区级管理员设置、修改或撤销',
      en: 'Only the district admin may appoint, change or retire secretaries and officials',
    });
  }
}

/** An existing entry stays in its community unless the district admin moves it. */
export class CrossCommunityMoveError extends DirectoryChangeRefusedError {
  readonly code = 'directory.cross-community-move';
  constructor(field: string) {
    super(field, 'only the district admin may move an entry to another community', {
      'zh-CN': '该条目属于其他社区，只有区级管理员可以将其移到别的社区',
      en: 'This entry belongs to another community; only the district admin may move it to another community',
    });
  }
}
