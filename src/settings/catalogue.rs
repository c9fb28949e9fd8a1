//! prinsipp.toml's additions to the catalogue: capabilities, components, standards.

use super::Builder;
use crate::config::Config;
use crate::katalog::{Capability, Component, Katalog, Standard};
use crate::suggest::did_you_mean;
use crate::text::Text;
use toml::Spanned;

/// A name the catalogue may hold: lower-case a–z, digits and hyphens, like the ids.
fn catalogue_name(name: &Spanned<String>, what: (&str, &str), b: &mut Builder) -> bool {
    let id = name.get_ref();
    let ok = !id.is_empty()
        && id
            .bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-');
    if !ok {
        b.error(
            name,
            Text::new(
                format!(
                    "Ugyldig {}navn «{id}»: bruk a–z, sifre og bindestrek",
                    what.0
                ),
                format!(
                    "Invalid {} name «{id}»: use a–z, digits and hyphens",
                    what.1
                ),
            ),
            None,
        );
    }
    ok
}

pub(super) fn extend_catalogue(k: &mut Katalog, config: &Config, b: &mut Builder) {
    let ext = &config.katalog;
    for cap in ext
        .kapabiliteter
        .iter()
        .filter(|c| catalogue_name(c, ("kapabilitets", "capability"), b))
    {
        if !k.is_capability(cap.get_ref()) {
            k.general_capabilities.push(cap.get_ref().clone());
        }
    }
    for std in ext
        .standarder
        .iter()
        .filter(|s| catalogue_name(s, ("standard", "standard"), b))
    {
        if !k.is_standard(std.get_ref()) {
            k.standards.push(Standard {
                id: std.get_ref().clone(),
                name: std.get_ref().clone(),
                flagged: false,
                status: None,
                source: None,
            });
        }
    }
    let mut declared: Vec<&str> = Vec::new();
    for comp in &ext.felleskomponent {
        if !catalogue_name(&comp.id, ("komponent", "component"), b) {
            continue;
        }
        let id = comp.id.get_ref().clone();
        if declared.contains(&id.as_str()) || k.is_component(&id) {
            b.error(
                &comp.id,
                Text::new(
                    format!("Felleskomponenten «{id}» finnes allerede i katalogen"),
                    format!("The component «{id}» is already in the catalogue"),
                ),
                Some(Text::new(
                    "Gi den nye komponenten en egen id, eller fjern denne",
                    "Give the new component an id of its own, or remove this one",
                )),
            );
            continue;
        }
        declared.push(comp.id.get_ref());
        k.components.push(Component {
            id: id.clone(),
            name: comp.navn.clone().unwrap_or_else(|| id.clone()),
            provider: comp.leverandor.clone().unwrap_or_default(),
            source: None,
        });
        for cap_name in &comp.dekker {
            if !catalogue_name(cap_name, ("kapabilitets", "capability"), b) {
                continue;
            }
            let cap = cap_name.get_ref();
            // A new capability one letter from a known one is a typo, not a new capability.
            if !k.is_capability(cap) {
                if let Some(near) = did_you_mean(cap, k.capability_names()) {
                    let near = near.to_string();
                    b.error(
                        cap_name,
                        Text::new(format!("«{cap}» er ikke en kjent kapabilitet"), format!("«{cap}» is not a known capability")),
                        Some(Text::new(format!("Mente du {near}? En ny kapabilitet skrives også i katalog.kapabiliteter"), format!("Did you mean {near}? A new capability is also listed in katalog.kapabiliteter"))),
                    );
                    continue;
                }
            }
            k.general_capabilities.retain(|g| g != cap);
            match k.capabilities.iter_mut().find(|c| &c.id == cap) {
                Some(existing) if !existing.components.contains(&id) => {
                    existing.components.push(id.clone())
                }
                Some(_) => {}
                None => k.capabilities.push(Capability {
                    id: cap.clone(),
                    components: vec![id.clone()],
                    own_identity_provider: false,
                }),
            }
        }
    }
}
