//! `prinsipp check --show-config`: the effective settings as TOML, in the shape of
//! prinsipp.toml, so a user can see (and copy) what a run will use.

use crate::settings::Settings;

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
        for (name, value) in params {
            out.push_str(&format!("{name} = {value}\n"));
        }
    }
    out.push_str(&format!("\n[katalog]  # versjon {}\n", k.version));
    let general: Vec<&str> = k.general_capabilities.iter().map(String::as_str).collect();
    out.push_str(&format!("kapabiliteter = {}\n", list(&general)));
    let standards: Vec<&str> = k.standard_names().collect();
    out.push_str(&format!("standarder = {}\n", list(&standards)));
    for component in &k.components {
        let covers: Vec<&str> = k
            .capabilities
            .iter()
            .filter(|c| c.components.contains(&component.id))
            .map(|c| c.id.as_str())
            .collect();
        out.push_str(&format!(
            "\n[[katalog.felleskomponent]]\nid = \"{}\"\nnavn = \"{}\"\ndekker = {}\n",
            component.id,
            component.name,
            list(&covers)
        ));
    }
    for rule in &settings.own_rules {
        out.push_str(&format!(
            "\n[[egen_regel]]  # {}\nkode = \"{}\"\n",
            k.rule(&rule.code).map_or("", |r| r.title.nb.as_str()),
            rule.code
        ));
        if let Some(when) = &rule.when {
            out.push_str(&format!("# hvis: {}\n", when.describe().nb));
        }
        for req in &rule.require {
            out.push_str(&format!("# krav: {}\n", req.describe().nb));
        }
    }
    out
}

fn list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("\"{i}\"")).collect();
    format!("[{}]", quoted.join(", "))
}
