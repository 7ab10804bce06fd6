/** Where a summons stands: summoned, on site (报到), done (reported), or let go by the community. */
export type SummonsStatus = 'issued' | 'checked_in' | 'reported' | 'released';
