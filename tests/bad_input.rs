//! Input a user can get wrong: each case asserts the diagnostic's text and place, exit 2,
//! and that the other files' problems are still reported in the same run.

mod common;
use common::{KOMMUNE, kommune, prinsipp};

fn check(dir: &std::path::Path) -> common::Run {
    prinsipp(&["check", dir.to_str().unwrap(), "--dato", "2026-06-01"])
}

#[test]
fn malformed_yaml_in_one_file_does_not_hide_the_others_problems() {
    let dir = kommune(
        "malformed",
        &[
            ("kommune.yaml", KOMMUNE),
            (
                "systemer/a.yaml",
                b"systemer:\n  - id: a\n    navn: [A, B\n  - id: b\n",
            ),
            (
                "systemer/b.yaml",
                b"systemer:\n  - id: b\n    navn: B\n    systemeir: Kari\n",
            ),
        ],
    );
    let run = check(&dir);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("feil: systemer/a.yaml:4:7: Ugyldig YAML"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("feil: systemer/b.yaml:4:5: Ukjent felt `systemeir` i system"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("tips: Mente du `systemeier`?"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("2 feil i inndata: ingen regler er kjørt"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
}

#[test]
fn every_problem_in_one_file_is_reported() {
    let dir = kommune("many-in-one", &[
        ("kommune.yaml", KOMMUNE),
        ("systemer/a.yaml", b"systemer:\n  - id: a\n    navn: A\n    drfit: saas\n    livslop: aktivt\n    kjernesystem: ja\n    innfort: 2019-13-01\n"),
    ]);
    let run = check(&dir);
    assert_eq!(run.code, 2);
    let lines: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("feil:"))
        .collect();
    assert_eq!(
        lines,
        [
            "feil: systemer/a.yaml:4:5: Ukjent felt `drfit` i system",
            "feil: systemer/a.yaml:5:14: Ugyldig verdi «aktivt» for `livslop`; tillatt: planlagt, innfasing, aktiv, utfasing, avviklet, ukjent",
            "feil: systemer/a.yaml:6:19: Feil type for `kjernesystem`: ventet true eller false, fant «ja»",
            "feil: systemer/a.yaml:7:14: «2019-13-01» i `innfort` er ikke en dato som finnes",
        ],
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("tips: Mente du `drift`?"));
    assert!(run.stderr.contains("tips: Mente du `aktiv`?"));
}

#[test]
fn wrong_enum_value_names_what_is_allowed() {
    let dir = kommune(
        "enum",
        &[
            ("kommune.yaml", KOMMUNE),
            ("systemer/a.yaml", b"id: a\nnavn: A\ndrift: skyen\n"),
        ],
    );
    let run = prinsipp(&["check", dir.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("error: systemer/a.yaml:3:8: Invalid value «skyen» for `drift`; allowed: saas, paas, iaas, privat_sky, fellessky, egen_drift"), "{}", run.stderr);
}

#[test]
fn wrong_type_is_a_load_error_with_a_hint() {
    let dir = kommune("type", &[
        ("kommune.yaml", KOMMUNE),
        ("prosjekter/p.yaml", b"prosjekt:\n  id: p\n  navn: P\n  budsjett_nok: fire millioner\n  behov: innbygger-autentisering\n"),
    ]);
    let run = check(&dir);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("feil: prosjekter/p.yaml:4:17: Feil type for `budsjett_nok`: ventet et heltall ≥ 0, fant «fire millioner»"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("feil: prosjekter/p.yaml:5:10: Feil type for `behov`: ventet en liste"),
        "{}",
        run.stderr
    );
}

#[test]
fn duplicate_id_across_two_files_names_both_places() {
    let dir = kommune("duplicate", &[
        ("kommune.yaml", KOMMUNE),
        ("systemer/a.yaml", b"systemer:\n  - id: elements\n    navn: Elements\n"),
        ("systemer/b.yaml", b"systemer:\n  - id: websak\n    navn: WebSak\n  - id: elements\n    navn: Elements igjen\n"),
    ]);
    let run = check(&dir);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("feil: systemer/b.yaml:4:5: Id «elements» er brukt av mer enn ett system; først her: systemer/a.yaml:2:5"), "{}", run.stderr);
}

#[test]
fn inline_new_system_may_not_reuse_an_inventory_id() {
    let dir = kommune("duplicate-inline", &[
        ("kommune.yaml", KOMMUNE),
        ("systemer/a.yaml", b"systemer:\n  - id: elements\n    navn: Elements\n"),
        ("prosjekter/p.yaml", b"prosjekt:\n  id: p\n  navn: P\n  nye_systemer:\n    - id: elements\n      navn: Elements\n"),
    ]);
    let run = check(&dir);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("feil: prosjekter/p.yaml:5:7: Id «elements» er brukt av mer enn ett system; først her: systemer/a.yaml:2:5"), "{}", run.stderr);
}

#[test]
fn phasing_out_an_unknown_system_is_a_finding_not_a_crash() {
    let dir = kommune("unknown-retire", &[
        ("kommune.yaml", KOMMUNE),
        ("prosjekter/p.yaml", b"prosjekt:\n  id: p\n  navn: P\n  prosjekteier: Kari\n  fase: konsept\n  utfaser:\n    - system: finnes-ikke\n      dato: 2027-01-01\n      arkivplan: Deponeres\n"),
    ]);
    let run = prinsipp(&[
        "check",
        dir.to_str().unwrap(),
        "--dato",
        "2026-06-01",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let findings: serde_json::Value =
        serde_json::from_str::<serde_json::Value>(&run.stdout).unwrap()["findings"].clone();
    let innut02: Vec<_> = findings
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "INNUT-02")
        .collect();
    assert_eq!(innut02.len(), 1);
    assert_eq!(innut02[0]["file"], "prosjekter/p.yaml");
    assert_eq!(innut02[0]["line"], 7);
    assert_eq!(innut02[0]["column"], 7);
}

#[test]
fn missing_kommune_yaml() {
    let dir = kommune("no-kommune", &[("systemer/a.yaml", b"id: a\nnavn: A\n")]);
    let run = check(&dir);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("feil: kommune.yaml: Mappa mangler kommune.yaml"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("tips: Lag en med `prinsipp init`"),
        "{}",
        run.stderr
    );
}

#[test]
fn kommune_yaml_needs_navn_and_a_quoted_kommunenummer() {
    let dir = kommune(
        "kommune-fields",
        &[("kommune.yaml", b"kommune:\n  kommunenummer: 301\n")],
    );
    let run = check(&dir);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("feil: kommune.yaml:2:3: `navn` mangler i kommune"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "feil: kommune.yaml:2:18: Ugyldig kommunenummer «301»: ventet fire sifre som tekst"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn empty_folder() {
    let dir = common::scratch("empty");
    let run = check(&dir);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("Mappa mangler kommune.yaml"),
        "{}",
        run.stderr
    );
}

#[test]
fn missing_folder() {
    let run = prinsipp(&["check", "/finnes/ikke/kommune"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("feil: /finnes/ikke/kommune: Fant ikke mappa /finnes/ikke/kommune"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_file_that_is_not_utf8() {
    // A lone CR ends a line too (old Mac line ends), for this check as for the YAML parser.
    for (name, content) in [
        ("latin1", &b"id: a\nnavn: Sm\xf8la\n"[..]),
        ("latin1-cr", &b"id: a\rnavn: Sm\xf8la\r"[..]),
    ] {
        let dir = kommune(
            name,
            &[("kommune.yaml", KOMMUNE), ("systemer/a.yaml", content)],
        );
        let run = check(&dir);
        assert_eq!(run.code, 2);
        assert!(
            run.stderr
                .contains("feil: systemer/a.yaml:2:9: Fila er ikke gyldig UTF-8"),
            "{name}: {}",
            run.stderr
        );
    }
    let dir = kommune(
        "latin1",
        &[
            ("kommune.yaml", KOMMUNE),
            ("systemer/a.yaml", b"id: a\nnavn: Sm\xf8la\n"),
        ],
    );
    let run = check(&dir);
    assert!(
        run.stderr.contains("tips: Lagre fila som UTF-8"),
        "{}",
        run.stderr
    );
}

#[test]
fn deep_nesting_is_refused() {
    let deep = format!(
        "id: a\nnavn: A\nbeskrivelse: {}{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let dir = kommune(
        "deep",
        &[
            ("kommune.yaml", KOMMUNE),
            ("systemer/a.yaml", deep.as_bytes()),
        ],
    );
    let run = check(&dir);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("feil: systemer/a.yaml:3:"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("For dyp nesting (mer enn 64 nivåer)"),
        "{}",
        run.stderr
    );
}

#[test]
fn duplicate_keys_and_several_documents_are_refused() {
    let dir = kommune(
        "dupkeys",
        &[
            ("kommune.yaml", KOMMUNE),
            ("systemer/a.yaml", b"id: a\nnavn: A\nnavn: B\n"),
            ("systemer/b.yaml", b"id: b\nnavn: B\n---\nid: c\nnavn: C\n"),
        ],
    );
    let run = check(&dir);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("feil: systemer/a.yaml:3:1: Nøkkelen `navn` står to ganger i samme mapping (første gang på linje 2)"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("feil: systemer/b.yaml:3:1: Fila har flere YAML-dokumenter"),
        "{}",
        run.stderr
    );
}

#[test]
fn bom_crlf_and_folded_keys_are_read() {
    let dir = kommune(
        "bom",
        &[
            (
                "kommune.yaml",
                b"\xef\xbb\xbfkommune:\r\n  navn: Test\r\n  kommunenummer: \"3999\"\r\n",
            ),
            (
                "systemer/a.yaml",
                b"id: a\r\nnavn: A\r\nlivsl\xc3\xb8p: aktiv\r\nsystemeier: Kari\r\ndrift: saas\r\nprogramvaretype: hyllevare\r\npersonopplysninger: ingen\r\n",
            ),
        ],
    );
    let run = check(&dir);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("Ingen funn — 1 system, 0 prosjekter kontrollert"),
        "{}",
        run.stdout
    );
}

#[test]
fn tabs_for_indentation_get_a_hint() {
    let dir = kommune(
        "tabs",
        &[
            ("kommune.yaml", KOMMUNE),
            (
                "systemer/a.yaml",
                b"systemer:\n  - id: a\n    navn: A\n\t  drift: saas\n",
            ),
        ],
    );
    let run = check(&dir);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("feil: systemer/a.yaml:4:1: Tabulator i innrykket"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("tips: YAML tillater bare mellomrom til innrykk"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_empty_file_is_a_warning_not_a_silent_skip() {
    let dir = kommune(
        "emptyfile",
        &[("kommune.yaml", KOMMUNE), ("systemer/tom.yaml", b"")],
    );
    let run = check(&dir);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr
            .contains("advarsel: systemer/tom.yaml: Fila er tom; ingenting er lest fra den"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_reference_entry_may_not_carry_system_fields() {
    let dir = kommune("mixed-entry", &[
        ("kommune.yaml", KOMMUNE),
        ("systemer/a.yaml", b"id: ny\nnavn: Ny\nlivslop: planlagt\ndrift: saas\n"),
        ("prosjekter/p.yaml", b"prosjekt:\n  id: p\n  navn: P\n  nye_systemer:\n    - system: ny\n      drift: saas\n"),
    ]);
    let run = check(&dir);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("feil: prosjekter/p.yaml:6:7: `drift` ved siden av `system:` i nye_systemer"),
        "{}",
        run.stderr
    );
}

#[test]
fn invalid_ids_get_a_suggestion() {
    let dir = kommune(
        "bad-id",
        &[
            ("kommune.yaml", KOMMUNE),
            ("systemer/a.yaml", b"id: Visma Flyt\nnavn: Visma Flyt\n"),
        ],
    );
    let run = check(&dir);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("feil: systemer/a.yaml:1:1: Ugyldig id «Visma Flyt»"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("tips: For eksempel `id: visma-flyt`"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_key_written_twice_does_not_hide_the_files_other_problems() {
    let dir = kommune("dup-and-more", &[
        ("kommune.yaml", KOMMUNE),
        ("systemer/a.yaml", "id: a\nnavn: A\ndrift: saas\ndrift: iaas\nlivslop: Aktiv\navtale:\n  utloper: 2027-01-01\n  utløper: 2028-01-01\n".as_bytes()),
    ]);
    let run = check(&dir);
    assert_eq!(run.code, 2);
    let errors: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("feil:"))
        .collect();
    assert_eq!(
        errors,
        [
            "feil: systemer/a.yaml:4:1: Nøkkelen `drift` står to ganger i samme mapping (første gang på linje 3)",
            "feil: systemer/a.yaml:5:10: Ugyldig verdi «Aktiv» for `livslop`; tillatt: planlagt, innfasing, aktiv, utfasing, avviklet, ukjent",
            "feil: systemer/a.yaml:8:3: `utløper` er det samme feltet som `utloper` på linje 7",
        ],
        "{}",
        run.stderr
    );
}

#[test]
fn wrappers_written_wrong_get_one_clear_error() {
    let dir = kommune(
        "wrappers",
        &[
            ("kommune.yaml", b"navn: Test\nkommunenummer: \"3999\"\n"),
            ("systemer/a.yaml", b"system:\n  - id: a\n    navn: A\n"),
            ("prosjekter/p.yaml", b"prosjekt:\n  - id: p\n    navn: P\n"),
        ],
    );
    let run = check(&dir);
    assert_eq!(run.code, 2);
    let errors: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("feil:"))
        .collect();
    assert_eq!(
        errors,
        [
            "feil: kommune.yaml:1:1: kommune.yaml mangler `kommune:` øverst",
            "feil: systemer/a.yaml:1:1: Ukjent felt `system` øverst i fila",
            "feil: prosjekter/p.yaml:2:3: `prosjekt:` holder én oppføring, ikke en liste",
        ],
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("tips: Mente du `systemer:`?"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("tips: Bruk `prosjekter:` for en liste"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_project_needs_an_owner_and_numbers_are_not_quoted() {
    let dir = kommune("owner", &[
        ("kommune.yaml", KOMMUNE),
        ("prosjekter/p.yaml", b"prosjekt:\n  id: p\n  navn: P\n  gevinstplan:\n    gevinster:\n      - maalverdi: \"40\"\n"),
    ]);
    let run = check(&dir);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("feil: prosjekter/p.yaml:2:3: `prosjekteier` mangler i prosjekt"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "feil: prosjekter/p.yaml:6:20: Feil type for `maalverdi`: ventet et tall, fant «40»"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("tips: Skriv tallet uten anførselstegn"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_duplicate_id_is_found_even_when_an_entry_has_other_errors() {
    let dir = kommune(
        "dup-broken",
        &[
            ("kommune.yaml", KOMMUNE),
            (
                "systemer/a.yaml",
                b"systemer:\n  - id: sak\n    navn: Sak\n  - id: sak\n",
            ),
        ],
    );
    let run = check(&dir);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("feil: systemer/a.yaml:4:5: `navn` mangler i system"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("feil: systemer/a.yaml:4:5: Id «sak» er brukt av mer enn ett system; først her: systemer/a.yaml:2:5"), "{}", run.stderr);
}

#[test]
fn rule_codes_in_the_register_are_read_in_any_case() {
    let dir = kommune("avvik-case", &[
        ("kommune.yaml", KOMMUNE),
        ("prosjekter/p.yaml", b"prosjekt:\n  id: p\n  navn: P\n  prosjekteier: Kari\n  fase: planlegge\n"),
        ("avvik.yaml", b"avvik:\n  - { regel: gev-01, gjelder: p, begrunnelse: Forprosjekt, vedtatt_av: Styret, dato: 2026-01-01 }\n"),
    ]);
    let run = prinsipp(&[
        "check",
        dir.to_str().unwrap(),
        "--dato",
        "2026-06-01",
        "--config",
        &common::only(&["GEV-01", "AVV"]),
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("\"code\": \"GEV-01\"") && run.stdout.contains("\"status\": \"avvik\""),
        "{}",
        run.stdout
    );
}

/// Found by the property tests: a file cut off without a final newline made the parser
/// report a line after the last one. Every reported place must exist.
#[test]
fn a_truncated_file_is_reported_at_a_place_that_exists() {
    let dir = kommune(
        "truncated",
        &[
            ("kommune.yaml", KOMMUNE),
            (
                "prosjekter/p.yaml",
                b"prosjekt:\n  id: p\n  navn: P\n  behov: [",
            ),
        ],
    );
    let run = check(&dir);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("feil: prosjekter/p.yaml:4:11: Ugyldig YAML"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_identity_provider_needs_an_id_that_is_an_id() {
    let dir = kommune(
        "idp",
        &[(
            "kommune.yaml",
            b"kommune:\n  navn: K\n  kommunenummer: \"3999\"\n  identitetsleverandor:\n    navn: Microsoft Entra ID\n",
        )],
    );
    let run = check(&dir);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("feil: kommune.yaml:5:5: `id` mangler i identitetsleverandor"),
        "{}",
        run.stderr
    );
    let dir = kommune(
        "idp-bad-id",
        &[(
            "kommune.yaml",
            b"kommune:\n  navn: K\n  kommunenummer: \"3999\"\n  identitetsleverandor: { id: Entra ID }\n",
        )],
    );
    let run = check(&dir);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "feil: kommune.yaml:4:27: Ugyldig id «Entra ID»: bruk bare små bokstaver a–z, sifre og bindestrek\n  tips: For eksempel `id: entra-id`"
        ),
        "{}",
        run.stderr
    );
}

/// Found by the property test: after a lone CR the parser's place for an unprintable
/// character was line 2, column 16, on a line of 11 characters, and «unprintable» passed
/// for a word about tabs.
#[test]
fn an_unprintable_character_after_a_lone_cr_is_placed_where_it_is() {
    let dir = kommune(
        "unprintable-cr",
        &[
            ("kommune.yaml", KOMMUNE),
            (
                "prosjekter/p0.yaml",
                b"prosjekt:\n  id:\xef\xbf\xbd\x01\x01\x01\x01\x01\r\xef\xbf\xbd\x00\xef\xbf\xbd",
            ),
        ],
    );
    let run = check(&dir);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "feil: prosjekter/p0.yaml:3:2: Ugyldig YAML: found unprintable character\n  tips: Sjekk innrykk, kolon og anførselstegn på denne linja og linja før"
        ),
        "{}",
        run.stderr
    );
}
