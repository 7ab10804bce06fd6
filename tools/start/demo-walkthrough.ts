// What `npm start` prints once the services are ready: a cast of people from the demo district with the
// claims each service's scope checks expect, their tokens as shell exports, and the commands that walk
// one ticket around the loop. Pure text from data, so it is tested without starting anything.
import type { DevTokenClaims } from '@loop/platform';
import type { LoopUrls } from '../demo/loop-client';
import type { DemoDistrictFacts, DistrictMember } from './demo-district';

/** Community of the walkthrough: auto-dispatch is on there, so the offer reaches the member by itself. */
export const WALKTHROUGH_COMMUNITY_CODE = 'c-02';

/** The shell variable each token is exported as, and whose claims it carries. */
export type CastRole = 'RESIDENT' | 'GRID_WORKER' | 'STAFF' | 'MEMBER' | 'OFFICIAL';

/** One person of the walkthrough with the claims of their token. */
export interface CastMember {
  variable: CastRole;
  /** Who they are, for the printed comment. */
  description: string;
  claims: DevTokenClaims;
}

/** Where the walkthrough ticket is filed and who takes part. */
export interface WalkthroughCast {
  communityId: string;
  gridId: string;
  /** The resident's household, looked after by the member (1+10), so ranking offers it to them first. */
  householdId: string;
  memberId: string;
  people: CastMember[];
}

/**
 * Picks the walkthrough's people from the demo district: the first member of community c-02 and the
 * first household they look after, the grid worker of that grid, the community's first staff member and
 * the town/street official (escalation level 2) linked to it.
 */
export function walkthroughCast(district: DemoDistrictFacts): WalkthroughCast {
  const community = district.communities.find((c) => c.code === WALKTHROUGH_COMMUNITY_CODE);
  if (!community) throw new Error(`the demo district has no community ${WALKTHROUGH_COMMUNITY_CODE}`);
  const member = district.members.find(
    (m): m is DistrictMember => m.communityId === community.id && m.householdIds.length > 0,
  );
  if (!member) throw new Error(`no member looks after a household in ${community.code}`);
  const gridWorker = district.staff.find(
    (s) => s.role === 'grid_worker' && s.gridIds.includes(member.gridId),
  );
  const staff = district.staff.find((s) => s.role === 'staff' && s.communityId === community.id);
  const official = district.officials.find(
    (o) => o.escalationLevel === 2 && o.communityIds.includes(community.id),
  );
  // The resident registered to that household (居民住户登记): only a registered resident may file for it.
  const household = district.households.find((h) => h.id === member.householdIds[0]);
  if (!gridWorker || !staff || !official || !household)
    throw new Error(`community ${community.code} lacks a grid worker, staff member, official or household`);
  const communityIds = [community.id];
  return {
    communityId: community.id,
    gridId: member.gridId,
    householdId: member.householdIds[0],
    memberId: member.id,
    people: [
      {
        variable: 'RESIDENT',
        description: `resident ${household.residentId} of ${household.addressLabel}, a household ${member.id} looks after`,
        claims: { sub: household.residentId, roles: ['resident'], community_ids: communityIds },
      },
      {
        variable: 'GRID_WORKER',
        description: `grid worker ${gridWorker.id} of that grid`,
        claims: {
          sub: gridWorker.id,
          roles: ['grid_worker'],
          community_ids: communityIds,
          grid_ids: gridWorker.gridIds,
        },
      },
      {
        variable: 'STAFF',
        description: `staff ${staff.id} of ${community.code} ${community.name}`,
        claims: { sub: staff.id, roles: ['staff'], community_ids: communityIds },
      },
      {
        variable: 'MEMBER',
        description: `party member ${member.id}`,
        claims: {
          sub: member.id,
          roles: ['member'],
          community_ids: communityIds,
          grid_ids: [member.gridId],
          unit_id: member.unitId,
        },
      },
      {
        variable: 'OFFICIAL',
        description: `town/street official ${official.id} (escalation level 2)`,
        claims: {
          sub: official.id,
          roles: ['official'],
          community_ids: official.communityIds,
          escalation_level: official.escalationLevel,
        },
      },
    ],
  };
}

/** The `export NAME=token` lines, each after a comment saying whose token it is. */
export function tokenExportLines(cast: WalkthroughCast, tokens: Record<CastRole, string>): string[] {
  return cast.people.flatMap((person) => [
    `# ${person.description}`,
    `export ${person.variable}=${tokens[person.variable]}`,
  ]);
}

/** The copy-paste commands that walk one ticket around the loop with the exported tokens (they use jq). */
export function walkthroughCommands(cast: WalkthroughCast, urls: LoopUrls): string[] {
  const ticket = JSON.stringify({
    categoryCode: 'elderly.disabled.help',
    urgency: 'normal',
    title: '楼道灯坏了',
    description: '三楼楼道灯不亮，老人晚上出行不便。',
    location: { communityId: cast.communityId, gridId: cast.gridId, householdId: cast.householdId },
    contact: { name: '王阿姨', phone: '13800000000' },
  });
  const member = (path: string, body?: string) =>
    `curl -s -X POST -H "Authorization: Bearer $MEMBER"${body ? ` -H 'Content-Type: application/json' -d '${body}'` : ''} \\\n  ${urls.dispatch}${path}`;
  return [
    'source .local/tokens.env',
    '# 群众点单: the resident submits; the community has auto-dispatch on',
    `TICKET=$(curl -s -X POST ${urls.requests}/tickets -H "Authorization: Bearer $RESIDENT" -H 'Content-Type: application/json' \\`,
    `  -H "Idempotency-Key: $(uuidgen 2>/dev/null || cat /proc/sys/kernel/random/uuid)" \\`,
    `  -d '${ticket}' | jq -r .id); echo "$TICKET"`,
    `# 社区派单 · 党员接单: a moment later the offer is in the member's list — what, where and by when`,
    `curl -s -H "Authorization: Bearer $MEMBER" ${urls.dispatch}/me/offers | jq '.[] | {id, ticketId, offerExpiresAt, task}'`,
    `ASSIGNMENT=$(curl -s -H "Authorization: Bearer $MEMBER" ${urls.dispatch}/me/offers \\`,
    `  | jq -r --arg t "$TICKET" '.[] | select(.ticketId == $t) | .id'); echo "$ASSIGNMENT"   # empty? the offer is on its way: run it again`,
    '# before deciding, the member reads the request itself; the contact stays masked until they accept',
    `curl -s -H "Authorization: Bearer $MEMBER" ${urls.requests}/tickets/$TICKET | jq '{title, description, location, contact, contactMasked}'`,
    member('/assignments/$ASSIGNMENT/accept') + ' | jq .status',
    `curl -s -H "Authorization: Bearer $MEMBER" ${urls.requests}/tickets/$TICKET | jq '{contact, contactMasked}'`,
    member('/assignments/$ASSIGNMENT/start') + ' | jq .status',
    member('/assignments/$ASSIGNMENT/complete', '{"note":"已更换灯泡","minutesSpent":45}') + ' | jq .status',
    '# the resident confirms and rates; the member’s hours are credited; everyone was told',
    `curl -s -X POST -H "Authorization: Bearer $RESIDENT" -H 'Content-Type: application/json' \\`,
    `  -d '{"rating":5,"comment":"谢谢"}' ${urls.requests}/tickets/$TICKET/confirm | jq .status`,
    '# the resident reads the story: one line per step, each saying who was told',
    `curl -s -H "Authorization: Bearer $RESIDENT" ${urls.requests}/tickets/$TICKET | jq '{status, timeline: [.timeline[].summary]}'`,
    `curl -s -H "Authorization: Bearer $MEMBER" ${urls.volunteerHours}/members/${cast.memberId}/statement | jq`,
    `curl -s -H "Authorization: Bearer $RESIDENT" ${urls.notifications}/me/notifications | jq`,
  ];
}
