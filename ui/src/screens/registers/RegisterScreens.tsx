// The register screens the shell can show (their names and record kinds: defaults.ts).

import { CommitteesScreen } from "../committees/CommitteesScreen";
import { DashboardScreen } from "../dashboard/DashboardScreen";
import { LiaisonsScreen } from "../liaisons/LiaisonsScreen";
import { OrganisationsScreen } from "../organisations/OrganisationsScreen";
import { PeopleScreen } from "../people/PeopleScreen";
import { StatementsScreen } from "../statements/StatementsScreen";
import type { RegisterScreenName } from "./defaults";
import "./extras.css";
import "./registers.css";

export function RegisterScreen({ screen }: { screen: RegisterScreenName }) {
  switch (screen) {
    case "dashboard":
      return <DashboardScreen />;
    case "committees":
      return <CommitteesScreen />;
    case "people":
      return <PeopleScreen />;
    case "organisations":
      return <OrganisationsScreen />;
    case "liaisons":
      return <LiaisonsScreen />;
    case "statements":
      return <StatementsScreen />;
  }
}
