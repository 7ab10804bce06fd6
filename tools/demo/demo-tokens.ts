// Tokens for the people of the demo day, minted locally with the development issuer's key file (the
// one `npm start`'s issuer publishes), once per person.
import { DevIssuer, DevTokenClaims } from '@loop/platform';
import { DEFAULT_KEY_FILE } from '../dev-issuer/cli-args';

/** Mints and remembers one token per set of claims. */
export class DemoTokens {
  private readonly cache = new Map<string, Promise<string>>();

  private constructor(private readonly issuer: DevIssuer) {}

  /** Tokens signed with the key file the running issuer serves. */
  static async create(keyFile: string = DEFAULT_KEY_FILE): Promise<DemoTokens> {
    return new DemoTokens(await DevIssuer.create({ keyFile }));
  }

  /** The token of a district admin (directory, reports of the whole district). */
  admin(): Promise<string> {
    return this.mint({ sub: 'demo-admin', roles: ['admin'] });
  }

  /** The token of a resident. */
  resident(id: string): Promise<string> {
    return this.mint({ sub: id, roles: ['resident'] });
  }

  /** The token of a grid worker of their grids. */
  gridWorker(id: string, communityId: string, gridIds: string[]): Promise<string> {
    return this.mint({ sub: id, roles: ['grid_worker'], community_ids: [communityId], grid_ids: gridIds });
  }

  /** The token of a community's staff member. */
  staff(id: string, communityId: string): Promise<string> {
    return this.mint({ sub: id, roles: ['staff'], community_ids: [communityId] });
  }

  /** The token of whoever holds an offer: a party member or a property company's dispatch account. */
  assignee(assignee: { kind: 'member' | 'property_company'; id: string }): Promise<string> {
    return this.mint({ sub: assignee.id, roles: [assignee.kind] });
  }

  private mint(claims: DevTokenClaims): Promise<string> {
    const key = JSON.stringify(claims);
    let token = this.cache.get(key);
    if (!token) {
      token = this.issuer.mintToken(claims, { expiresIn: '8h' });
      this.cache.set(key, token);
    }
    return token;
  }
}
