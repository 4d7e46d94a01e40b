//! Who the current user is and what their role allows.

use serde::{Deserialize, Serialize};

/// Organisation roles. Anything the backend sends that we do not know is an
/// ordinary member: an unknown role must never grant more.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    #[serde(rename = "ORGADMIN")]
    OrgAdmin,
    #[serde(rename = "SYSOP")]
    SysOp,
    #[serde(rename = "MEMBER")]
    Member,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::OrgAdmin, Role::SysOp, Role::Member];

    /// Only ORGADMIN and SYSOP may delete models (spec: Delete Restrictions).
    pub fn can_delete(self) -> bool {
        matches!(self, Role::OrgAdmin | Role::SysOp)
    }

    pub fn from_wire(raw: &str) -> Role {
        match raw.trim().to_ascii_uppercase().as_str() {
            "ORGADMIN" => Role::OrgAdmin,
            "SYSOP" => Role::SysOp,
            _ => Role::Member,
        }
    }

    pub fn as_wire(self) -> &'static str {
        match self {
            Role::OrgAdmin => "ORGADMIN",
            Role::SysOp => "SYSOP",
            Role::Member => "MEMBER",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::OrgAdmin => "Organization admin",
            Role::SysOp => "System operator",
            Role::Member => "Member",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: String,
    pub name: String,
    pub role: Role,
    /// `None` for a user who belongs to no organisation.
    pub organization_id: Option<String>,
}

impl User {
    /// Why this user may not create models, if they may not.
    pub fn create_blocker(&self) -> Option<&'static str> {
        match self.organization_id {
            Some(_) => None,
            None => "You need to belong to an organization to create custom models. Ask an organization admin to invite you.".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_admins_and_sysops_delete() {
        assert!(Role::OrgAdmin.can_delete());
        assert!(Role::SysOp.can_delete());
        assert!(!Role::Member.can_delete());
    }

    #[test]
    fn unknown_roles_grant_nothing() {
        assert_eq!(Role::from_wire("orgadmin"), Role::OrgAdmin);
        assert_eq!(Role::from_wire(" SYSOP "), Role::SysOp);
        assert_eq!(Role::from_wire("SUPERUSER"), Role::Member);
        assert_eq!(Role::from_wire(""), Role::Member);
    }

    #[test]
    fn users_without_organisation_cannot_create() {
        let mut user = User { id: "u".into(), name: "Ana".into(), role: Role::Member, organization_id: None };
        assert!(user.create_blocker().is_some());
        user.organization_id = Some("org".into());
        assert_eq!(user.create_blocker(), None);
    }
}
