// The console's routes: sign-in, the resident's and the party member's phone screens, and the desk
// screens contributed by src/desk/routes.ts. Every screen is its own chunk, so a resident's first screen
// loads neither Element Plus nor ECharts. Signed-out visitors land on the sign-in page.
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { deskRoutes } from '../desk/routes';
import { homePathFor } from '../session/claims';
import { claims, isSignedIn } from '../session/session';

const residentRoutes: RouteRecordRaw = {
  path: '/resident',
  component: () => import('../resident/ResidentLayout.vue'),
  meta: { roles: ['resident'] },
  children: [
    { path: '', redirect: '/resident/new' },
    { path: 'new', name: 'raise', component: () => import('../resident/RaiseRequest.vue') },
    { path: 'requests', name: 'my-requests', component: () => import('../resident/MyRequests.vue') },
    {
      path: 'requests/:ticketId',
      name: 'story',
      component: () => import('../resident/RequestStory.vue'),
      props: true,
    },
    { path: 'inbox', name: 'resident-inbox', component: () => import('../shell/NotificationInbox.vue') },
  ],
};

const memberRoutes: RouteRecordRaw = {
  path: '/member',
  component: () => import('../member/MemberLayout.vue'),
  meta: { roles: ['member'] },
  children: [
    { path: '', redirect: '/member/offers' },
    { path: 'offers', name: 'offers', component: () => import('../member/MyOffers.vue') },
    {
      path: 'tasks/:assignmentId',
      name: 'task',
      component: () => import('../member/TaskDetail.vue'),
      props: true,
    },
    { path: 'hours', name: 'hours', component: () => import('../member/MyHours.vue') },
    { path: 'activities', name: 'activities', component: () => import('../member/VolunteerActivities.vue') },
    { path: 'inbox', name: 'member-inbox', component: () => import('../shell/NotificationInbox.vue') },
  ],
};

const departmentRoutes: RouteRecordRaw = {
  path: '/department',
  component: () => import('../department/DepartmentLayout.vue'),
  meta: { roles: ['admin'] },
  children: [
    { path: '', redirect: '/department/summons' },
    { path: 'summons', name: 'summonses', component: () => import('../department/MySummonses.vue') },
  ],
};

/** Every route of the console. */
export const routes: RouteRecordRaw[] = [
  {
    path: '/sign-in',
    name: 'sign-in',
    component: () => import('../shell/SignIn.vue'),
    meta: { public: true },
  },
  {
    path: '/auth/callback',
    name: 'oidc-callback',
    component: () => import('../shell/OidcCallback.vue'),
    meta: { public: true },
  },
  { path: '/', name: 'home', redirect: () => homePathFor(claims.value?.roles ?? [], claims.value?.unit_id) },
  residentRoutes,
  memberRoutes,
  departmentRoutes,
  ...deskRoutes,
  { path: '/:unknown(.*)*', redirect: '/' },
];

/** The console's router. */
export const router = createRouter({ history: createWebHistory(), routes });

router.beforeEach((to) => {
  if (to.meta.public) return true;
  if (!isSignedIn()) return { name: 'sign-in', query: { redirect: to.fullPath } };
  const allowed = to.matched.flatMap((record) => (record.meta.roles as string[] | undefined) ?? []);
  const roles = claims.value?.roles ?? [];
  if (allowed.length && !allowed.some((role) => roles.includes(role)))
    return homePathFor(roles, claims.value?.unit_id);
  return true;
});
