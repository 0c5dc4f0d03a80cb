// Opening a project's Revisions & comments screen from anywhere (the project's detail pane):
// the shell switches to the screen for that project.

import { createContext, useContext } from "react";

export interface ReviewNavigation {
  openReview: (projectId: string) => void;
}

export const ReviewNavigationContext = createContext<ReviewNavigation>({ openReview: () => {} });

export function useOpenReview(): (projectId: string) => void {
  return useContext(ReviewNavigationContext).openReview;
}
