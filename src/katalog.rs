//! The encoded principles: rule metadata, the component catalogue and the integration
//! standards, read from the TOML files under rules/ that are embedded at build time.

use crate::finding::Severity;
use crate::model::IdentityProvider;
use crate::text::Text;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// One file per principle, in the order rules are listed.
const PRINCIPLE_FILES: &[(&str, &str)] = &[
    ("SKY.toml", include_str!("../rules/SKY.toml")),
    ("INNUT.toml", include_str!("../rules/INNUT.toml")),
    ("FK.toml", include_str!("../rules/FK.toml")),
    ("GEV.toml", include_str!("../rules/GEV.toml")),
    ("GJEN.toml", include_str!("../rules/GJEN.toml")),
    ("SAM.toml", include_str!("../rules/SAM.toml")),
    ("MIL.toml", include_str!("../rules/MIL.toml")),
    ("PROS.toml", include_str!("../rules/PROS.toml")),
    ("ARKF.toml", include_str!("../rules/ARKF.toml")),
    ("PV.toml", include_str!("../rules/PV.toml")),
    ("KN.toml", include_str!("../rules/KN.toml")),
    ("FOND.toml", include_str!("../rules/FOND.toml")),
    ("PVN.toml", include_str!("../rules/PVN.toml")),
    ("SIK.toml", include_str!("../rules/SIK.toml")),
    ("UU.toml", include_str!("../rules/UU.toml")),
    ("STD.toml", include_str!("../rules/STD.toml")),
    ("HYL.toml", include_str!("../rules/HYL.toml")),
    ("ARK.toml", include_str!("../rules/ARK.toml")),
    ("INV.toml", include_str!("../rules/INV.toml")),
    ("DATA.toml", include_str!("../rules/DATA.toml")),
    ("REF.toml", include_str!("../rules/REF.toml")),
    ("AVV.toml", include_str!("../rules/AVV.toml")),
];
/// One profile per strategy document: the rules it asks for, with the sections that ask.
const PROFILE_FILES: &[(&str, &str)] = &[
    (
        "aurskog-holand-2018.toml",
        include_str!("../rules/profiler/aurskog-holand-2018.toml"),
    ),
    (
        "larvik-2023.toml",
        include_str!("../rules/profiler/larvik-2023.toml"),
    ),
    (
        "nittedal-2019.toml",
        include_str!("../rules/profiler/nittedal-2019.toml"),
    ),
    (
        "overhalla-2018.toml",
        include_str!("../rules/profiler/overhalla-2018.toml"),
    ),
    (
        "ror-ikt-2022.toml",
        include_str!("../rules/profiler/ror-ikt-2022.toml"),
    ),
];
const SOURCES_FILE: &str = include_str!("../rules/kilder.toml");
const COMPONENTS_FILE: &str = include_str!("../rules/katalog/felleskomponenter.toml");
const STANDARDS_FILE: &str = include_str!("../rules/katalog/standarder.toml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    pub doc: String,
    pub section: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Param {
    pub default: toml::Value,
    pub doc: Text,
    /// The largest value that makes sense (a share is at most 1).
    #[serde(default)]
    pub max: Option<f64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleMeta {
    pub code: String,
    pub severity: Severity,
    pub title: Text,
    pub checks: Text,
    pub comply: Text,
    pub example: String,
    pub sources: Vec<SourceRef>,
    #[serde(default)]
    pub params: BTreeMap<String, Param>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrincipleMeta {
    pub prefix: String,
    pub name: Text,
    pub summary: Text,
    pub sources: Vec<SourceRef>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Principle {
    pub principle: PrincipleMeta,
    pub rule: Vec<RuleMeta>,
}

/// A strategy profile: which rules one strategy document asks for, and where.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub name: String,
    pub doc: String,
    pub title: Text,
    pub rule: Vec<ProfileRule>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileRule {
    pub code: String,
    pub section: String,
    /// The severity under this profile when it differs from the rule's own: `advarsel`
    /// where the document says «bør» (should) rather than «skal» (shall).
    #[serde(default)]
    pub severity: Option<Severity>,
}

impl Profile {
    /// The section of the strategy that asks for `code`, if it does.
    pub fn section(&self, code: &str) -> Option<&str> {
        self.rule
            .iter()
            .find(|r| r.code == code)
            .map(|r| r.section.as_str())
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub id: String,
    pub title: String,
    pub publisher: String,
    /// Its table of contents: every heading of a strategy, the cited sections of a law.
    pub toc: Vec<Heading>,
}

/// A heading of a source document: `§4.1` «Sky er førstevalget», `Vi 5` «…», `tiltak h` «».
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Heading {
    pub id: String,
    pub title: String,
}

impl Document {
    /// The heading a citation names: its id alone, or its id and title, either optionally
    /// followed by a remark in parentheses («§3.3 … (delmål «Sikkerhet og personvern»)»).
    pub fn heading(&self, section: &str) -> Option<&Heading> {
        self.toc.iter().find(|h| {
            let Some(rest) = section.strip_prefix(h.id.as_str()) else {
                return false;
            };
            let rest = rest.trim_start();
            let is_remark = |r: &str| r.is_empty() || (r.starts_with('(') && r.ends_with(')'));
            if rest.len() == section.len() - h.id.len() && !rest.is_empty() {
                // «§4.10» must not pass as «§4.1»: the id ends where a space begins.
                return false;
            }
            is_remark(rest)
                || (!h.title.is_empty()
                    && rest
                        .strip_prefix(h.title.as_str())
                        .is_some_and(|r| is_remark(r.trim_start())))
        })
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    document: Vec<Document>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Component {
    pub id: String,
    pub name: String,
    pub provider: String,
    /// The owner's page that says what it is. Every built-in entry has one (a test holds
    /// it); a kommune's own components in prinsipp.toml need not.
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Capability {
    pub id: String,
    pub components: Vec<String>,
    /// The kommune's own identity provider (kommune.yaml `identitetsleverandor`) also
    /// covers it: staff log in to the kommune's own systems through it.
    #[serde(default)]
    pub own_identity_provider: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ComponentsFile {
    version: String,
    component: Vec<Component>,
    capability: Vec<Capability>,
    general_capabilities: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Standard {
    pub id: String,
    pub name: String,
    /// Proprietary formats and file transfer: allowed names that STD-01 warns about.
    #[serde(default)]
    pub flagged: bool,
    /// Obligatory or recommended in Digdir's Referansekatalogen (or, for e-health, in the
    /// Helsedirektoratet's); absent when neither catalogue says.
    #[serde(default)]
    pub status: Option<StandardStatus>,
    /// The page that defines the standard or gives its status.
    #[serde(default)]
    pub source: Option<String>,
}

/// What a reference catalogue of standards says of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StandardStatus {
    Obligatorisk,
    Anbefalt,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct StandardsFile {
    standard: Vec<Standard>,
}

/// Everything under rules/, parsed once.
#[derive(Debug, Clone)]
pub struct Katalog {
    pub principles: Vec<Principle>,
    pub documents: Vec<Document>,
    pub version: String,
    pub components: Vec<Component>,
    /// Capabilities that national or KS components cover.
    pub capabilities: Vec<Capability>,
    /// Capabilities no component covers, known so that FK-03 accepts them.
    pub general_capabilities: Vec<String>,
    pub standards: Vec<Standard>,
    pub profiles: Vec<Profile>,
}

impl Katalog {
    /// The catalogue built into the binary. Its files are part of the source and a test
    /// parses them, so a broken one never reaches a user.
    pub fn builtin() -> &'static Katalog {
        static KATALOG: OnceLock<Katalog> = OnceLock::new();
        KATALOG.get_or_init(|| {
            Katalog::parse().unwrap_or_else(|e| panic!("the embedded rules/ data is invalid: {e}"))
        })
    }

    fn parse() -> Result<Katalog, String> {
        let principles = PRINCIPLE_FILES
            .iter()
            .map(|(name, text)| {
                toml::from_str::<Principle>(text).map_err(|e| format!("rules/{name}: {e}"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let profiles = PROFILE_FILES
            .iter()
            .map(|(name, text)| {
                toml::from_str::<Profile>(text).map_err(|e| format!("rules/profiler/{name}: {e}"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let sources: SourcesFile =
            toml::from_str(SOURCES_FILE).map_err(|e| format!("rules/kilder.toml: {e}"))?;
        let comps: ComponentsFile = toml::from_str(COMPONENTS_FILE)
            .map_err(|e| format!("rules/katalog/felleskomponenter.toml: {e}"))?;
        let stds: StandardsFile = toml::from_str(STANDARDS_FILE)
            .map_err(|e| format!("rules/katalog/standarder.toml: {e}"))?;
        Ok(Katalog {
            principles,
            documents: sources.document,
            version: comps.version,
            components: comps.component,
            capabilities: comps.capability,
            general_capabilities: comps.general_capabilities,
            standards: stds.standard,
            profiles,
        })
    }

    pub fn rules(&self) -> impl Iterator<Item = &RuleMeta> {
        self.principles.iter().flat_map(|p| p.rule.iter())
    }

    pub fn rule(&self, code: &str) -> Option<&RuleMeta> {
        self.rules().find(|r| r.code == code)
    }

    pub fn principle_of(&self, code: &str) -> Option<&Principle> {
        self.principles
            .iter()
            .find(|p| p.rule.iter().any(|r| r.code == code))
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// The components that cover a capability, if the catalogue maps it.
    /// This catalogue with the kommune's own identity provider as a component that covers
    /// the capabilities marked `own_identity_provider` (staff login to its own systems).
    pub fn with_identity_provider(&self, idp: &IdentityProvider, kommune: &str) -> Katalog {
        let mut k = self.clone();
        // A catalogue component may be the kommune's choice too (Feide for school staff).
        if !k.is_component(&idp.id) {
            k.components.push(Component {
                id: idp.id.clone(),
                name: idp.name.clone().unwrap_or_else(|| idp.id.clone()),
                provider: kommune.to_string(),
                source: None,
            });
        }
        for c in k
            .capabilities
            .iter_mut()
            .filter(|c| c.own_identity_provider && !c.components.contains(&idp.id))
        {
            c.components.push(idp.id.clone());
        }
        k
    }

    pub fn components_for(&self, capability: &str) -> Option<&[String]> {
        self.capabilities
            .iter()
            .find(|c| c.id == capability)
            .map(|c| c.components.as_slice())
    }

    pub fn is_capability(&self, name: &str) -> bool {
        self.components_for(name).is_some() || self.general_capabilities.iter().any(|c| c == name)
    }

    pub fn is_component(&self, name: &str) -> bool {
        self.components.iter().any(|c| c.id == name)
    }

    pub fn is_standard(&self, name: &str) -> bool {
        self.standards.iter().any(|s| s.id == name)
    }

    pub fn capability_names(&self) -> impl Iterator<Item = &str> {
        self.capabilities
            .iter()
            .map(|c| c.id.as_str())
            .chain(self.general_capabilities.iter().map(String::as_str))
    }

    pub fn component_names(&self) -> impl Iterator<Item = &str> {
        self.components.iter().map(|c| c.id.as_str())
    }

    pub fn standard_names(&self) -> impl Iterator<Item = &str> {
        self.standards.iter().map(|s| s.id.as_str())
    }

    pub fn profile(&self, name: &str) -> Option<&Profile> {
        self.profiles.iter().find(|p| p.name == name)
    }
}
