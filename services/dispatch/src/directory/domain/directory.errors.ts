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
