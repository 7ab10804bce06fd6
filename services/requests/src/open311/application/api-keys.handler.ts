import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@loop/platform';
import { DataSource } from 'typeorm';
import { ID_GENERATOR, IdGenerator } from '../../shared/id-generator';
import { ApiKeyRecord, apiKeyFrom, hashApiKey, Open311Channel } from '../domain/api-key.policy';
import { invalidApiKey } from '../domain/open311.errors';
import { Open311Repository } from '../infrastructure/open311.typeorm-repository';

/** What the district admin asks for when issuing a key. */
export interface IssueApiKeyCommand {
  clientId: string;
  clientName: string;
  channel: Open311Channel;
  communityIds: string[];
}

/** Issues, lists, revokes and checks Open311 api_keys. */
@Injectable()
export class ApiKeys {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: Open311Repository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  /** Issues a key; the key's text is in the answer only, never stored. */
  async issue(adminId: string, command: IssueApiKeyCommand): Promise<{ key: ApiKeyRecord; apiKey: string }> {
    const apiKey = apiKeyFrom(randomBytes(32));
    const key: ApiKeyRecord = {
      id: this.ids(),
      clientId: command.clientId,
      clientName: command.clientName,
      channel: command.channel,
      communityIds: [...new Set(command.communityIds.map((id) => id.toLowerCase()))],
      keyPrefix: apiKey.slice(0, 12),
      createdBy: adminId,
      createdAt: this.clock.now(),
      revokedAt: null,
    };
    await this.repository.addKey(this.dataSource.manager, key, hashApiKey(apiKey));
    return { key, apiKey };
  }

  /** Every key issued, newest first. */
  list(): Promise<ApiKeyRecord[]> {
    return this.repository.keys(this.dataSource.manager);
  }

  /** Revokes a key at once; null for an unknown key. */
  revoke(id: string): Promise<ApiKeyRecord | null> {
    return this.repository.revokeKey(this.dataSource.manager, id, this.clock.now());
  }

  /** The active key with this text; 403 in the specification's format for a missing, unknown or revoked key. */
  async authenticate(apiKey: string | undefined): Promise<ApiKeyRecord> {
    if (!apiKey || apiKey.length > 200) throw invalidApiKey();
    const key = await this.repository.activeKeyByHash(this.dataSource.manager, hashApiKey(apiKey));
    if (!key) throw invalidApiKey();
    return key;
  }
}
