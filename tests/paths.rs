//! One path base: the table, the load errors and every CI format name a file from the same
//! root — the repository's root, or `--rot DIR` — wherever prinsipp is run from.

mod common;
use common::{copy_tree, repo, scratch};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A repository (made by git) with the example kommune in `kommune/` and a `docs/` folder.
fn repository() -> PathBuf {
    let top = scratch("paths-repo");
    let init = Command::new("git")
        .args(["init", "-q"])
        .arg(&top)
        .status()
        .unwrap();
    assert!(init.success());
    copy_tree(
        Path::new(&repo("examples/eksempel-kommune")),
        &top.join("kommune"),
    );
    std::fs::create_dir(top.join("docs")).unwrap();
    top
}

/// `check FOLDER --dato 2026-06-01 ARGS` in `cwd`, every format to a file in `out`.
fn run_all(cwd: &Path, folder: &str, args: &[&str], out: &Path) -> (i32, String, Vec<String>) {
    let mut all = vec![folder, "--dato", "2026-06-01"];
    all.extend_from_slice(args);
    let (run, texts) = common::check_every_format(cwd, &all, out);
    (run.code, run.stderr, texts)
}

#[test]
fn every_format_names_files_from_the_repository_root_wherever_it_is_run() {
    let top = repository();
    let outside = scratch("paths-outside");
    let absolute = top.join("kommune");
    let runs = [
        run_all(&top, "kommune", &[], &outside.join("root")),
        run_all(&top.join("docs"), "../kommune", &[], &outside.join("sub")),
        run_all(
            &outside,
            absolute.to_str().unwrap(),
            &[],
            &outside.join("out"),
        ),
    ];
    for (code, stderr, _) in &runs {
        assert_eq!(*code, 1, "{stderr}");
    }
    // The same bytes in every format, from the root, a subfolder and outside.
    for (i, format) in common::FORMATS.iter().enumerate() {
        assert_eq!(runs[0].2[i], runs[1].2[i], "{format}: root and subfolder");
        assert_eq!(runs[0].2[i], runs[2].2[i], "{format}: root and outside");
    }
    let texts = &runs[0].2;
    let place = "kommune/systemer/administrasjon.yaml:240:5";
    assert!(texts[0].contains(place), "table: {}", texts[0]);
    let json: serde_json::Value = serde_json::from_str(&texts[1]).unwrap();
    assert!(
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["file"].as_str().unwrap().starts_with("kommune/"))
    );
    let sarif: serde_json::Value = serde_json::from_str(&texts[2]).unwrap();
    let run = &sarif["runs"][0];
    let root = format!("file://{}/", top.display());
    assert_eq!(run["originalUriBaseIds"]["%SRCROOT%"]["uri"], root.as_str());
    for result in run["results"].as_array().unwrap() {
        let location = &result["locations"][0]["physicalLocation"]["artifactLocation"];
        assert_eq!(location["uriBaseId"], "%SRCROOT%");
        assert!(
            location["uri"].as_str().unwrap().starts_with("kommune/"),
            "{location}"
        );
    }
    assert!(
        texts[3].contains(" kommune/systemer/administrasjon.yaml:240:5: "),
        "junit"
    );
    assert!(
        texts[4].contains("::error file=kommune/systemer/administrasjon.yaml,line=240,col=5"),
        "github: {}",
        texts[4]
    );
    let gitlab: serde_json::Value = serde_json::from_str(&texts[5]).unwrap();
    assert!(gitlab.as_array().unwrap().iter().all(|i| {
        i["location"]["path"]
            .as_str()
            .unwrap()
            .starts_with("kommune/")
    }));
    assert!(texts[6].contains("`kommune/systemer/administrasjon.yaml:240`"));
}

#[test]
fn load_errors_name_the_file_as_the_reports_do() {
    let top = repository();
    let broken = top.join("kommune/systemer/administrasjon.yaml");
    let text = std::fs::read_to_string(&broken).unwrap();
    std::fs::write(
        &broken,
        text.replacen("    drift: saas", "    drfit: saas", 1),
    )
    .unwrap();
    let out = scratch("paths-broken");
    let (code, stderr, texts) = run_all(&top.join("docs"), "../kommune", &[], &out);
    assert_eq!(code, 2, "{stderr}");
    let line = stderr
        .lines()
        .find(|l| l.contains("Ukjent felt `drfit`"))
        .unwrap_or_else(|| panic!("{stderr}"));
    assert!(
        line.starts_with("feil: kommune/systemer/administrasjon.yaml:"),
        "{line}"
    );
    assert!(
        texts[4].contains("::error file=kommune/systemer/administrasjon.yaml,line="),
        "{}",
        texts[4]
    );
}

#[test]
fn rot_sets_the_root_outside_a_repository_and_must_hold_the_folder() {
    // Under the system's temporary folder: in no repository.
    let top = std::env::temp_dir().join(format!("prinsipp-paths-rot-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&top);
    copy_tree(
        Path::new(&repo("examples/eksempel-kommune")),
        &top.join("kommune"),
    );
    let top_arg = top.to_str().unwrap();
    let out = scratch("paths-rot-out");
    let (code, stderr, texts) = run_all(
        &out,
        &format!("{top_arg}/kommune"),
        &["--rot", top_arg],
        &out,
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(texts[0].contains("kommune/systemer/administrasjon.yaml:240:5"));
    assert!(!texts[0].contains(top_arg));
    // Without --rot and outside any repository, files are named as the folder was.
    let (_, _, texts) = run_all(&out, &format!("{top_arg}/kommune"), &[], &out.join("plain"));
    assert!(texts[0].contains(&format!(
        "{top_arg}/kommune/systemer/administrasjon.yaml:240:5"
    )));
    // A root that does not hold the folder is a mistake.
    let elsewhere = scratch("paths-elsewhere");
    let (code, stderr, _) = run_all(
        &out,
        &format!("{top_arg}/kommune"),
        &["--rot", elsewhere.to_str().unwrap()],
        &out.join("wrong"),
    );
    assert_eq!(code, 2);
    assert!(
        stderr.contains(&format!(
            "feil: --rot: Mappa {top_arg}/kommune ligger ikke under {}",
            elsewhere.display()
        )),
        "{stderr}"
    );
}

/// Settings and flags' files are named from the root too: a broken prinsipp.toml in the
/// kommune folder, run from a subfolder, is annotated where the pull request has it.
#[test]
fn settings_files_are_named_from_the_root() {
    let top = repository();
    std::fs::write(top.join("kommune/prinsipp.toml"), "[regler.FOO]\nbar = 1\n").unwrap();
    let out = scratch("paths-config");
    let (code, stderr, texts) = run_all(&top.join("docs"), "../kommune", &[], &out);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        texts[4].contains("::error file=kommune/prinsipp.toml"),
        "{}",
        texts[4]
    );
    let sarif: serde_json::Value = serde_json::from_str(&texts[2]).unwrap();
    let location =
        &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(location["uri"], "kommune/prinsipp.toml");
    assert_eq!(location["uriBaseId"], "%SRCROOT%");
    // The same file given with --config, by a path from the subfolder.
    std::fs::rename(
        top.join("kommune/prinsipp.toml"),
        top.join("docs/innstillinger.toml"),
    )
    .unwrap();
    let (code, _, texts) = run_all(
        &top.join("docs"),
        "../kommune",
        &["--config", "innstillinger.toml"],
        &out.join("flag"),
    );
    assert_eq!(code, 2);
    assert!(
        texts[4].contains("::error file=docs/innstillinger.toml"),
        "{}",
        texts[4]
    );
}

/// A file outside the root is named by its absolute path, however it was named, and SARIF
/// gives it as an absolute URI with no base.
#[test]
fn a_file_outside_the_root_is_named_by_its_absolute_path() {
    let top = repository();
    let outside = scratch("paths-outside-file");
    std::fs::write(
        outside.join("sys.yaml"),
        "systemer:\n  - id: a\n    navn: A\n    drfit: saas\n",
    )
    .unwrap();
    let relative = format!(
        "../../{}/sys.yaml",
        outside.file_name().unwrap().to_str().unwrap()
    );
    // From top/docs, ../../NAME is the scratch folder's sibling: the same file.
    assert_eq!(top.parent(), outside.parent());
    let out = scratch("paths-outside-out");
    let (code, stderr, texts) = run_all(
        &top.join("docs"),
        "../kommune",
        &["--systemer", &relative],
        &out,
    );
    assert_eq!(code, 2, "{stderr}");
    let absolute = outside.join("sys.yaml").display().to_string();
    assert!(
        stderr.contains(&format!("feil: {absolute}:4:5: Ukjent felt `drfit`")),
        "{stderr}"
    );
    let sarif: serde_json::Value = serde_json::from_str(&texts[2]).unwrap();
    let location =
        &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(location["uri"], format!("file://{absolute}").as_str());
    assert!(location.get("uriBaseId").is_none(), "{location}");
}

/// `--rot` as the shell names it, through a link, still holds the folder the working
/// directory (its real path) holds; and it must hold every folder checked.
#[test]
fn rot_through_a_link_holds_the_folder_and_every_folder_is_checked() {
    let top = repository();
    let link = scratch("paths-link").join("repo");
    std::os::unix::fs::symlink(&top, &link).unwrap();
    let out = scratch("paths-link-out");
    let rot = link.to_str().unwrap();
    let (code, stderr, texts) = run_all(&link, "kommune", &["--rot", rot], &out);
    assert_eq!(code, 1, "{stderr}");
    assert!(texts[0].contains("kommune/systemer/administrasjon.yaml:240:5"));
    // A second folder outside --rot.
    let other = scratch("paths-link-other");
    copy_tree(
        Path::new(&repo("examples/ryddig-kommune")),
        &other.join("k"),
    );
    let (code, stderr, _) = run_all(
        &top,
        "kommune",
        &[
            other.join("k").to_str().unwrap(),
            "--rot",
            top.to_str().unwrap(),
        ],
        &out.join("two"),
    );
    assert_eq!(code, 2);
    assert!(
        stderr.contains(&format!(
            "feil: --rot: Mappa {} ligger ikke under {}",
            other.join("k").display(),
            top.display()
        )),
        "{stderr}"
    );
}
