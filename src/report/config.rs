//! `prinsipp check --show-config`: the effective settings as TOML, in the shape of
//! prinsipp.toml, so a user can see (and copy) what a run will use.

use super::escape;
use crate::settings::{Condition, Settings, Target, Test};

pub fn render(settings: &Settings) -> String {
    let k = &settings.katalog;
    let mut out = String::from(
        "# Effektive innstillinger / effective settings (prinsipp check --show-config)\n",
    );
    match &settings.profile {
        Some(p) => out.push_str(&format!("strategi = \"{}\"  # {}\n", p.name, p.title.nb)),
        None => out.push_str("strategi = \"alle\"\n"),
    }
    let all: Vec<&str> = k.rules().map(|r| r.code.as_str()).collect();
    let on = settings.enabled_codes();
    let off: Vec<&str> = all.iter().copied().filter(|c| !on.contains(c)).collect();
    out.push_str(&format!(
        "\n[regler]\npaa = {}\nav = {}\n",
        list(&on),
        list(&off)
    ));
    out.push_str("\n[alvorlighet]\n");
    for rule in k.rules() {
        out.push_str(&format!(
            "{} = \"{}\"\n",
            rule.code,
            settings.severity(&rule.code).name()
        ));
    }
    for (code, params) in settings.params() {
        if params.is_empty() {
            continue;
        }
        out.push_str(&format!("\n[parametere.{code}]\n"));
        for (name, v) in params {
            out.push_str(&format!("{name} = {}\n", value(v)));
        }
    }
    // The built-in catalogue is shown as comments; what prinsipp.toml added is written as
    // settings, so the output can be used as a prinsipp.toml again.
    let builtin = crate::katalog::Katalog::builtin();
    out.push_str(&format!(
        "\n# Innebygd katalog, versjon {}:\n",
        builtin.version
    ));
    out.push_str(&format!(
        "#   kapabiliteter uten komponent: {}\n",
        builtin.general_capabilities.join(", ")
    ));
    for cap in &builtin.capabilities {
        out.push_str(&format!(
            "#   {} dekkes av {}\n",
            cap.id,
            cap.components.join(", ")
        ));
    }
    out.push_str(&format!(
        "#   standarder: {}\n",
        builtin.standard_names().collect::<Vec<_>>().join(", ")
    ));
    let added_general: Vec<&str> = k
        .general_capabilities
        .iter()
        .map(String::as_str)
        .filter(|c| !builtin.is_capability(c))
        .collect();
    let added_standards: Vec<&str> = k
        .standard_names()
        .filter(|s| !builtin.is_standard(s))
        .collect();
    out.push_str(&format!(
        "\n[katalog]\nkapabiliteter = {}\nstandarder = {}\n",
        list(&added_general),
        list(&added_standards)
    ));
    for component in k.components.iter().filter(|c| !builtin.is_component(&c.id)) {
        let covers: Vec<&str> = k
            .capabilities
            .iter()
            .filter(|c| c.components.contains(&component.id))
            .map(|c| c.id.as_str())
            .collect();
        out.push_str(&format!(
            "\n[[katalog.felleskomponent]]\nid = {}\nnavn = {}\nleverandor = {}\ndekker = {}\n",
            quoted(&component.id),
            quoted(&component.name),
            quoted(&component.provider),
            list(&covers)
        ));
    }
    for rule in &settings.own_rules {
        let Some(meta) = k.rule(&rule.code) else {
            continue;
        };
        let target = match rule.target {
            Target::System => "system",
            Target::Project => "prosjekt",
        };
        out.push_str(&format!(
            "\n[[egen_regel]]\nkode = {}\nalvorlighet = {}\ntittel = {}\ntitle = {}\nforklaring = {}\nexplanation = {}\ngjelder = {}\n",
            quoted(&rule.code),
            quoted(settings.severity(&rule.code).name()),
            quoted(&meta.title.nb),
            quoted(&meta.title.en),
            quoted(&meta.comply.nb),
            quoted(&meta.comply.en),
            quoted(target),
        ));
        if let Some(when) = &rule.when {
            out.push_str(&format!("hvis = {}\n", condition(when)));
        }
        let krav: Vec<String> = rule.require.iter().map(condition).collect();
        out.push_str(&format!("krav = [{}]\n", krav.join(", ")));
    }
    out
}

fn list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| quoted(i)).collect();
    format!("[{}]", quoted.join(", "))
}

/// A TOML string on one line, with nothing hidden (see `escape::toml_string`).
fn quoted(text: &str) -> String {
    escape::toml_string(text)
}

/// A TOML value on one line: strings as `quoted`, arrays and tables item by item.
fn value(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => quoted(s),
        toml::Value::Array(items) => {
            let items: Vec<String> = items.iter().map(value).collect();
            format!("[{}]", items.join(", "))
        }
        toml::Value::Table(table) => {
            let entries: Vec<String> = table
                .iter()
                .map(|(k, v)| format!("{} = {}", quoted(k), value(v)))
                .collect();
            format!("{{ {} }}", entries.join(", "))
        }
        other => other.to_string(),
    }
}

/// A condition as prinsipp.toml writes it.
fn condition(c: &Condition) -> String {
    let test = match &c.test {
        Test::Equals(v) => format!("er = {}", value(v)),
        Test::OneOf(vs) => format!("en_av = {}", value(&toml::Value::Array(vs.clone()))),
        Test::Present => "finnes = true".to_string(),
        Test::Absent => "mangler = true".to_string(),
    };
    format!("{{ felt = {}, {test} }}", quoted(&c.field))
}
