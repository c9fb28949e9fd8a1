//! The domain types: what a kommune folder says, typed. The model knows nothing of rules or
//! output; every entity remembers where it was written so findings can point back to it.

mod date;
mod enums;
mod fields;
mod project;
mod system;

pub use date::Date;
pub use enums::*;
pub use fields::FieldValue;
pub use project::*;
pub use system::*;

/// Index into `Portfolio::files`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FileId(pub u32);

/// A place in a source file: 1-based line and column (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pos {
    pub file: FileId,
    pub line: u32,
    pub column: u32,
}

/// Where an entry and each of its keys were written. Rules ask for a key's place and fall
/// back to the entry itself when the key is absent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Spans {
    pub at: Pos,
    keys: Vec<(&'static str, Pos)>,
}

impl Spans {
    pub fn new(at: Pos) -> Self {
        Spans {
            at,
            keys: Vec::new(),
        }
    }
    pub fn add_key(&mut self, key: &'static str, pos: Pos) {
        self.keys.push((key, pos));
    }
    /// The place of `key` if it was written, else the entry's own place.
    pub fn key(&self, key: &str) -> Pos {
        self.key_opt(key).unwrap_or(self.at)
    }
    pub fn key_opt(&self, key: &str) -> Option<Pos> {
        self.keys.iter().find(|(k, _)| *k == key).map(|(_, p)| *p)
    }
}

/// A list of scalars where every item remembers its place (for findings on one item).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Names(pub Vec<(String, Pos)>);

impl Names {
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(s, _)| s.as_str())
    }
    pub fn contains(&self, name: &str) -> bool {
        self.iter().any(|n| n == name)
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[derive(Debug, Clone, Default)]
pub struct Kommune {
    pub name: String,
    pub number: String,
    pub strategy: Option<String>,
    pub fund: Option<DigitaliseringsFond>,
    /// The kommune's own login service for its staff (Entra ID, …).
    pub identity_provider: Option<IdentityProvider>,
    /// Who may approve a project's architecture (the architecture forum, the digital
    /// architect); empty when kommune.yaml does not say.
    pub architecture_approvers: Names,
    pub spans: Spans,
}

/// The kommune's own identity provider, by the id systems name it with.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IdentityProvider {
    pub id: String,
    pub name: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct DigitaliseringsFond {
    pub budget_year: Option<u64>,
    pub balance_jan_1_nok: Option<u64>,
}

/// samarbeid.yaml: an IKT-samarbeid that runs one portfolio for several owner kommuner.
#[derive(Debug, Clone, Default)]
pub struct Samarbeid {
    pub name: String,
    /// The owner kommuner, by the names of their folders beside samarbeid.yaml.
    pub members: Names,
    /// The strategy profile of every owner whose kommune.yaml names none.
    pub strategy: Option<String>,
    /// A fund shared by the owners whose kommune.yaml has none of its own.
    pub fund: Option<DigitaliseringsFond>,
    pub spans: Spans,
}

/// Where a kommune's portfolio comes from when it is one owner of an IKT-samarbeid.
#[derive(Debug, Clone, Default)]
pub struct Membership {
    /// The samarbeid's name.
    pub samarbeid: String,
    /// This kommune's name in samarbeid.yaml (its folder).
    pub member: String,
    /// Every owner's name, in samarbeid.yaml's order.
    pub members: Vec<String>,
    /// The first this many files are the samarbeid's shared files.
    pub shared_files: usize,
}

/// One entry of avvik.yaml: an approved deviation from a rule for one subject.
#[derive(Debug, Clone, Default)]
pub struct Avvik {
    pub rule: String,
    pub applies_to: String,
    pub justification: Option<String>,
    pub approved_by: Option<String>,
    pub date: Option<Date>,
    pub valid_until: Option<Date>,
    pub reference: Option<String>,
    pub spans: Spans,
}

/// A source file that was read, by the path shown to users (from the run's root).
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path users see, from the run's root (the repository root, `--rot`, or the
    /// working directory): the same in the table, the load errors and every CI format.
    pub display: String,
}

/// Everything read from one kommune folder.
#[derive(Debug, Clone, Default)]
pub struct Portfolio {
    pub kommune: Kommune,
    /// The inventory (systemoversikt), in file order.
    pub systems: Vec<System>,
    pub projects: Vec<Project>,
    pub avvik: Vec<Avvik>,
    pub files: Vec<SourceFile>,
    /// The folder `files` are shown from, absolute with `/` separators (empty when they
    /// were not read from folders); SARIF names it as the files' base.
    pub root: String,
    /// Set when the kommune is one owner of an IKT-samarbeid.
    pub membership: Option<Membership>,
    /// Inventory index by id, built on first lookup (rules look systems up by id often).
    system_index: std::sync::OnceLock<std::collections::HashMap<String, usize>>,
    /// Project index by id, built on first lookup (outputs look a finding's project up).
    project_index: std::sync::OnceLock<std::collections::HashMap<String, usize>>,
}

impl Portfolio {
    pub fn system(&self, id: &str) -> Option<&System> {
        let index = self.system_index.get_or_init(|| {
            let mut index = std::collections::HashMap::with_capacity(self.systems.len());
            for (i, s) in self.systems.iter().enumerate() {
                index.entry(s.id.clone()).or_insert(i);
            }
            index
        });
        index.get(id).map(|&i| &self.systems[i])
    }
    /// The first project with this id (ids are unique once the folder loads).
    pub fn project(&self, id: &str) -> Option<&Project> {
        let index = self.project_index.get_or_init(|| {
            let mut index = std::collections::HashMap::with_capacity(self.projects.len());
            for (i, p) in self.projects.iter().enumerate() {
                index.entry(p.id.clone()).or_insert(i);
            }
            index
        });
        index.get(id).map(|&i| &self.projects[i])
    }

    /// For a subject from an IKT-samarbeid's shared files: the owner kommuner it concerns
    /// (those in its `brukes_av`, or every owner). `None` for the kommune's own subjects.
    pub fn shared_with(&self, file: FileId, used_by: &Names) -> Option<Vec<String>> {
        let m = self.membership.as_ref()?;
        if file.0 as usize >= m.shared_files {
            return None;
        }
        Some(if used_by.is_empty() {
            m.members.clone()
        } else {
            used_by.iter().map(str::to_string).collect()
        })
    }

    /// The path of a file as users see it (see `SourceFile::display`).
    pub fn file_name(&self, file: FileId) -> &str {
        self.files
            .get(file.0 as usize)
            .map(|f| f.display.as_str())
            .unwrap_or("")
    }
    /// The systems written inline in any project's `nye_systemer` (ideas included).
    pub fn inline_systems(&self) -> impl Iterator<Item = &System> {
        self.projects
            .iter()
            .flat_map(|p| p.new_systems.iter())
            .filter_map(NewSystem::inline)
    }

    /// Projects that rules judge: every phase but `ide`.
    pub fn judged_projects(&self) -> impl Iterator<Item = &Project> {
        self.projects.iter().filter(|p| p.is_judged())
    }
}
