// Who may file a ticket for whom, through which channel and where.
import { FilingNotAllowedError } from './ticket.errors';
import type { Viewer } from './ticket-visibility.policy';

/** The viewer role of an Open311 client filing through its api_key (never a token's role). */
export const OPEN311_CLIENT_ROLE = 'open311_client';

/** What the caller asked to file. */
export interface FilingRequest {
  residentId?: string | null;
  source?: 'app' | 'grid_patrol' | 'hotline' | 'walk_in';
  communityId: string;
  gridId: string;
}

/** Who files the ticket, for whom, and through which channel. */
export interface Filing {
  filedBy: { role: 'resident' | 'grid_worker' | 'staff' | 'secretary' | 'system'; id: string };
  residentId: string | null;
  source: 'app' | 'grid_patrol' | 'hotline' | 'walk_in';
}

/**
 * Decides how a ticket is filed. A resident files for themselves through the app; a grid worker files
 * in their own grids (on patrol, by phone or at the door) for a resident or for a finding with no
 * resident; staff and secretaries file in their own communities (hotline, walk-in).
 */
export function decideFiling(caller: Viewer, request: FilingRequest): Filing {
  const has = (role: string) => caller.roles.includes(role);
  if (has('staff') || has('secretary')) {
    if (!caller.communityIds.includes(request.communityId)) {
      throw new FilingNotAllowedError('the community is outside your scope', '该社区不在您的管辖范围内');
    }
    return {
      filedBy: { role: has('staff') ? 'staff' : 'secretary', id: caller.id },
      residentId: request.residentId ?? null,
      source: request.source ?? 'walk_in',
    };
  }
  if (has('grid_worker')) {
    if (!caller.gridIds.includes(request.gridId)) {
      throw new FilingNotAllowedError('the grid is outside your scope', '该网格不在您的负责范围内');
    }
    return {
      filedBy: { role: 'grid_worker', id: caller.id },
      residentId: request.residentId ?? null,
      source: request.source ?? 'grid_patrol',
    };
  }
  if (has(OPEN311_CLIENT_ROLE)) {
    if (!caller.communityIds.includes(request.communityId)) {
      throw new FilingNotAllowedError(
        'the community is outside the api_key scope',
        '该社区不在此 api_key 的范围内',
      );
    }
    return {
      filedBy: { role: 'system', id: caller.id },
      residentId: null,
      source: request.source ?? 'hotline',
    };
  }
  if (has('resident')) {
    if (request.residentId != null && request.residentId !== caller.id) {
      throw new FilingNotAllowedError(
        'a resident can only file tickets for themselves',
        '居民只能为本人提交工单',
      );
    }
    if (request.source !== undefined && request.source !== 'app') {
      throw new FilingNotAllowedError('residents file tickets through the app', '居民只能通过应用提交工单');
    }
    return { filedBy: { role: 'resident', id: caller.id }, residentId: caller.id, source: 'app' };
  }
  throw new FilingNotAllowedError('your role cannot file tickets', '您的角色不能提交工单');
}
