import { describe, expect, it } from 'vitest';
import { deskHomeFor, deskRoutes, screenRoles } from './routes';
import { jsonAnswer } from './json-answer';

describe('the desk’s routes', () => {
  it('opens the queue for staff and secretaries, the dashboard for leaders and grid workers', () => {
    expect(deskHomeFor(['staff'])).toBe('/desk/queue');
    expect(deskHomeFor(['secretary'])).toBe('/desk/queue');
    expect(deskHomeFor(['official'])).toBe('/desk/dashboard');
    expect(deskHomeFor(['admin'])).toBe('/desk/dashboard');
    expect(deskHomeFor(['grid_worker'])).toBe('/desk/dashboard');
  });

  it('gives every screen its roles and loads each on demand', () => {
    const children = deskRoutes[0].children ?? [];
    const screens = children.filter((child) => child.path !== '');
    expect(screens.map((child) => child.path)).toEqual([
      'queue',
      'queue/:ticketId',
      'escalations',
      'dashboard',
      'monthly',
      'settings',
      'activities',
      'directory',
      'duplicates',
      'open311',
    ]);
    for (const screen of screens) {
      expect(screen.meta?.roles).toBeDefined();
      expect(typeof screen.component).toBe('function');
      expect(screen.beforeEnter).toBeDefined();
    }
    expect(screenRoles.escalations).toEqual(['secretary', 'official']);
    expect(screenRoles.directory).not.toContain('official');
    // Only those who organise a community's activities read their attendance codes.
    expect(screenRoles.activities).toEqual(['staff', 'secretary']);
  });

  it('takes a report’s JSON answer and refuses a text one', () => {
    expect(jsonAnswer<{ month: string } | string>({ month: '2026-12' })).toEqual({ month: '2026-12' });
    expect(() => jsonAnswer<{ month: string } | string>('<html>')).toThrow(TypeError);
  });
});
