// The desk screens (community staff, secretaries, grid workers, officials, leaders, the district admin),
// built with Element Plus and ECharts. The router includes every record of `deskRoutes`; each screen is
// a child here, its component under src/desk/, loaded on demand so the phone screens never download
// Element Plus or ECharts. `meta.roles` says who may open a screen (the services' own role rules), and
// each child enforces it itself: the router admits anyone the desk as a whole admits.
import type { NavigationGuard, RouteRecordRaw } from 'vue-router';
import { claims } from '../session/session';

/** Roles that work at the desk. */
export const deskRoles = ['staff', 'secretary', 'grid_worker', 'official', 'admin'];

/** Who opens which desk screen, as the services allow the calls behind it. */
export const screenRoles = {
  queue: ['staff', 'secretary', 'official', 'admin'],
  escalations: ['secretary', 'official'],
  dashboard: deskRoles,
  monthly: ['staff', 'secretary', 'official', 'admin'],
  settings: ['staff', 'admin'],
  directory: ['staff', 'admin'],
  activities: ['staff', 'secretary'],
  duplicates: ['staff', 'secretary', 'admin'],
  open311: ['admin'],
} satisfies Record<string, string[]>;

/** The desk's first screen for a set of roles: leaders and grid workers read the dashboard, the rest dispatch. */
export function deskHomeFor(roles: readonly string[]): string {
  if (roles.some((role) => role === 'staff' || role === 'secretary')) return '/desk/queue';
  return '/desk/dashboard';
}

/** Sends a person whose roles the screen does not admit to their desk home. */
const onlyForScreenRoles: NavigationGuard = (to) => {
  const allowed = to.meta.roles as string[] | undefined;
  const roles = claims.value?.roles ?? [];
  if (!allowed || allowed.some((role) => roles.includes(role))) return true;
  return deskHomeFor(roles);
};

/**
 * A desk screen on the menu: its path and name, the component loaded on demand, and who may open it
 * (`screenRoles`, enforced by the screen itself: the router admits whoever the desk admits).
 */
function screen(
  key: keyof typeof screenRoles,
  component: RouteComponentLoader,
  path: string = key,
): RouteRecordRaw {
  return {
    path,
    name: `desk-${key}`,
    component,
    meta: { title: `nav.${key}`, roles: screenRoles[key] },
    beforeEnter: onlyForScreenRoles,
  };
}
type RouteComponentLoader = () => Promise<unknown>;

/** The desk's routes, all under /desk and its layout. */
export const deskRoutes: RouteRecordRaw[] = [
  {
    path: '/desk',
    component: () => import('./DeskLayout.vue'),
    meta: { roles: deskRoles },
    children: [
      { path: '', redirect: () => deskHomeFor(claims.value?.roles ?? []) },
      screen('queue', () => import('./StaffQueue.vue')),
      {
        path: 'queue/:ticketId',
        name: 'desk-ticket',
        component: () => import('./TicketDetail.vue'),
        props: true,
        meta: { roles: screenRoles.queue },
        beforeEnter: onlyForScreenRoles,
      },
      screen('escalations', () => import('./MyEscalations.vue')),
      screen('dashboard', () => import('./DistrictDashboard.vue')),
      screen('monthly', () => import('./MonthlyReport.vue')),
      screen('settings', () => import('./CommunitySettings.vue')),
      screen('activities', () => import('./OrganiseActivities.vue')),
      screen('directory', () => import('./DirectoryBrowser.vue')),
      screen('duplicates', () => import('./DuplicateProposals.vue')),
      screen('open311', () => import('./Open311Keys.vue')),
    ],
  },
];
