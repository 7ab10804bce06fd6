/** Where an offer or assignment stands. */
export type AssignmentStatus =
  | 'offered'
  | 'accepted'
  | 'declined'
  | 'expired'
  | 'withdrawn'
  | 'in_progress'
  | 'completed'
  | 'handed_back';
