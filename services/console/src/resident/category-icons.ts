// A Vant icon for each ticket category code (the catalogue in libs/contracts); unknown codes get a
// neutral one, so a new category shows up without a console release.
const icons: Record<string, string> = {
  'property.repair': 'setting-o',
  'property.management': 'wap-home-o',
  'environment.sanitation': 'delete-o',
  'city.management': 'location-o',
  'neighbour.dispute': 'friends-o',
  'elderly.disabled.help': 'like-o',
  'public.health': 'shield-o',
  'safety.hazard': 'warning-o',
  'public.sentiment': 'comment-o',
  other: 'more-o',
};

/** The icon name for a category code. */
export function categoryIcon(code: string): string {
  return icons[code] ?? 'apps-o';
}
