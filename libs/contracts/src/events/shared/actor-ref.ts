import { IsIn } from 'class-validator';
import { ActorRole, actorRoles } from '../../roles';
import { Describe } from '../../schema/contract-metadata';
import { IsAccountId } from '../../schema/contract-validators';

/** Who did something: an account and the role it acted in, or `system` for automatic decisions. */
@Describe(
  'Who did something: an account and the role it acted in; role "system" for timers and automatic decisions.',
)
export class ActorRef {
  @Describe('Role the account acted in (system for timers, auto-dispatch, auto-confirmation).')
  @IsIn(actorRoles)
  role: ActorRole;

  @Describe(
    'Account id from the identity provider, or the name of the automatic process when role is system.',
  )
  @IsAccountId()
  id: string;
}
