//! Enumerated field values of the records. The string forms are part of the CLI contract
//! (PRODUCT.md) and of the bundle format: they never change meaning.

use serde::{Deserialize, Serialize};
use specta::Type;

/// Declares a string-valued enum with its exact wire names, `ALL`, `as_str` and `parse`.
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every value, in the documented order.
            pub const ALL: &'static [&'static str] = &[$($text),+];

            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text),+ }
            }

            /// Parses the exact (case-sensitive) wire name.
            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some(Self::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

string_enum!(
    /// What kind of body an organisation is.
    OrgKind {
        InternationalSdo = "international_sdo",
        RegionalSdo = "regional_sdo",
        NationalBody = "national_body",
        Consortium = "consortium",
        Alliance = "alliance",
        Enterprise = "enterprise",
        Government = "government",
        Research = "research",
    }
);

string_enum!(
    /// The kind of a committee or group.
    CommitteeKind {
        Tc = "TC", Sc = "SC", Wg = "WG", Jwg = "JWG", Pc = "PC", Ahg = "AHG",
        Pt = "PT", Mt = "MT", Sg = "SG", Alliance = "alliance",
    }
);

string_enum!(
    /// Our member body's status in a committee.
    CommitteeMembership { P = "P", O = "O", None = "none", Secretariat = "secretariat" }
);

string_enum!(
    /// A person's role in a committee.
    Role {
        Chair = "chair", ViceChair = "vice_chair", CommitteeManager = "committee_manager",
        Convenor = "convenor", ProjectLeader = "project_leader", Expert = "expert",
        Delegate = "delegate", HeadOfDelegation = "head_of_delegation",
        LiaisonRep = "liaison_rep", Member = "member",
    }
);

string_enum!(
    /// The tier of a standard (international down to enterprise).
    Tier {
        International = "international", Regional = "regional", National = "national",
        Sector = "sector", Local = "local", Group = "group", Enterprise = "enterprise",
    }
);

string_enum!(
    /// The kind of deliverable a project produces.
    Deliverable {
        Is = "IS", Ts = "TS", Tr = "TR", Pas = "PAS", Iwa = "IWA", Guide = "Guide",
        Amd = "Amd", Cor = "Cor", Gb = "GB", GbT = "GB/T", GbZ = "GB/Z", Sector = "sector",
        Db = "DB", DbT = "DB/T", T = "T", Q = "Q",
    }
);

string_enum!(
    /// Our part in a project.
    OurRole { Lead = "lead", CoLead = "co_lead", Participate = "participate" }
);

string_enum!(
    /// Liaison categories (ISO/IEC A–D, committee-internal, PSDO, ITU-T A.23).
    LiaisonCategory {
        A = "A", B = "B", C = "C", D = "D", Internal = "internal", Psdo = "PSDO", A23 = "A.23",
    }
);

string_enum!(Direction { Incoming = "incoming", Outgoing = "outgoing" });

string_enum!(
    Purpose { Action = "action", Comment = "comment", Information = "information", Response = "response" }
);

string_enum!(
    StatementState { Pending = "pending", Approved = "approved", Posted = "posted", Dead = "dead" }
);

string_enum!(CommentType { Ge = "ge", Te = "te", Ed = "ed" });

string_enum!(
    /// What the secretariat decided about a ballot comment (DOMAIN.md §4.1); `Open` (the empty
    /// string) until it is decided.
    Disposition {
        Open = "",
        Accepted = "accepted",
        AcceptedWithModification = "accepted_with_modification",
        AcceptedInPrinciple = "accepted_in_principle",
        NotAccepted = "not_accepted",
        Noted = "noted",
    }
);

string_enum!(
    /// What a programme target counts (see `targets.rs` for the exact rules).
    Measure {
        InternationalProjects = "international_projects",
        ExpertsTrained = "experts_trained",
        OrganisationsInCity = "organisations_in_city",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_round_trip() {
        for text in Deliverable::ALL {
            assert_eq!(
                Deliverable::parse(text).map(Deliverable::as_str),
                Some(*text)
            );
        }
        assert_eq!(
            serde_json::to_string(&Deliverable::GbT).unwrap(),
            "\"GB/T\""
        );
        assert_eq!(
            LiaisonCategory::parse("a"),
            None,
            "wire names are case-sensitive"
        );
    }
}
