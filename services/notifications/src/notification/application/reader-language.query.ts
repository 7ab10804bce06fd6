import { Injectable } from '@nestjs/common';
import { preferredLanguage } from '@loop/platform';
import { DataSource } from 'typeorm';
import { PreferencesReader } from '../../preferences/application/preferences-reader.port';
import { NotificationLanguage } from '../domain/templates';

/** Decides the language a person reads their notifications in. */
@Injectable()
export class ReaderLanguage {
  constructor(
    private readonly dataSource: DataSource,
    private readonly preferences: PreferencesReader,
  ) {}

  /** The stored preference; without one, the request's Accept-Language (zh-CN by default). */
  async of(userId: string, acceptLanguage: string | undefined): Promise<NotificationLanguage> {
    const stored = await this.preferences.findPreference(this.dataSource.manager, userId);
    return stored ? stored.language : preferredLanguage(acceptLanguage);
  }
}
