//! The privacy and safety promises of SECURITY.md, each through the real binary with a test that
//! fails when the promise is broken: result and report files are owner-only; no team output
//! names anyone, over generated teams of many sizes and splits; HTML escapes every text a user
//! or an organisation wrote; and no path inside a file makes vakwijzer read or write anywhere
//! the user did not name.
#![cfg(unix)]

mod common;

use std::collections::BTreeSet;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::rng::Rng;
use common::{TODAY, example, mode, ok, run};

/// Every file below `dir`, relative, sorted.
fn tree(dir: &Path) -> BTreeSet<String> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            out.insert(path.strip_prefix(root).unwrap().display().to_string());
            if path.is_dir() && !path.is_symlink() {
                walk(root, &path, out);
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(dir, dir, &mut out);
    out
}

// ---------------------------------------------------------------------------------------------
// Owner-only files

/// `vakwijzer ARGS` with umask 000, so that a file is owner-only only if vakwijzer makes it so.
fn with_open_umask(dir: &Path, args: &[&str], input: &str) {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg("umask 000 && exec \"$0\" \"$@\"")
        .arg(common::binary())
        .args(args)
        .current_dir(dir);
    let output = common::run_with_input(common::clean(&mut command), input);
    assert!(
        output.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Scans and interviews (named and default file names, piped, resumed) and every report format
/// of every report command written with -o are created 0600, even with umask 000 and over an
/// existing file that was readable by all.
#[test]
fn result_and_report_files_are_owner_only() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("answers.yaml"),
        "durf.i1: 4\ndurf.i2: 3\nnotes:\n  durf: Ging zelf langs\n",
    )
    .unwrap();
    let inputs: BTreeSet<String> = tree(d);

    let scan = ["scan", "eindhoven", "--name", "Sanne de Vries"];
    with_open_umask(
        d,
        &[
            &scan[..],
            &["--answers", "answers.yaml", "--out", "scan.yaml"],
        ]
        .concat(),
        "",
    );
    with_open_umask(d, &[&scan[..], &["--answers", "answers.yaml"]].concat(), "");
    assert!(
        d.join(format!("scan-eindhoven-sanne-de-vries-{TODAY}.yaml"))
            .exists()
    );
    with_open_umask(
        d,
        &[&scan[..], &["--competency", "durf", "--out", "piped.yaml"]].concat(),
        "4\n",
    );
    with_open_umask(d, &["scan", "--resume", "piped.yaml"], "3\n2\n1\n5\n");
    let interview = [
        "interview",
        "eindhoven",
        "--candidate",
        "Noor El Amrani",
        "--interviewer",
        "Pieter",
        "--competency",
        "durf",
    ];
    let lines = "1\nZette door\n1 2\n3\n";
    with_open_umask(
        d,
        &[&interview[..], &["--out", "interview.yaml"]].concat(),
        lines,
    );
    with_open_umask(d, &interview, lines);
    assert!(
        d.join(format!(
            "interview-eindhoven-noor-el-amrani-pieter-{TODAY}.yaml"
        ))
        .exists()
    );
    with_open_umask(
        d,
        &["interview", "--resume", "interview.yaml"],
        "wel\nGoed\n",
    );

    // Over a file anyone could read: replaced by an owner-only one.
    std::fs::write(d.join("over.md"), "old\n").unwrap();
    std::fs::set_permissions(d.join("over.md"), std::fs::Permissions::from_mode(0o644)).unwrap();
    with_open_umask(
        d,
        &["report", "scan.yaml", "--format", "md", "-o", "over.md"],
        "",
    );
    assert_ne!(std::fs::read_to_string(d.join("over.md")).unwrap(), "old\n");

    let noor = [
        example("interviews/noor-ans.yaml"),
        example("interviews/noor-pieter.yaml"),
    ];
    let all_interviews: Vec<String> = ["jeroen", "noor", "sanne"]
        .iter()
        .flat_map(|c| ["ans", "pieter"].map(|i| example(&format!("interviews/{c}-{i}.yaml"))))
        .collect();
    let team = example("team");
    for format in ["table", "md", "json", "csv", "html", "pdf"] {
        let compare: Vec<&str> = std::iter::once("compare")
            .chain(all_interviews.iter().map(String::as_str))
            .collect();
        let mut reports: Vec<(String, Vec<&str>)> = vec![
            (format!("personal.{format}"), vec!["report", "scan.yaml"]),
            (
                format!("scorecard.{format}"),
                vec!["report", &noor[0], &noor[1]],
            ),
            (format!("compare.{format}"), compare),
            (format!("team.{format}"), vec!["team", &team]),
        ];
        if ["md", "html", "pdf"].contains(&format) {
            reports.push((format!("guide.{format}"), vec!["guide", "eindhoven"]));
        }
        for (file, mut args) in reports {
            args.extend(["--format", format, "-o", &file]);
            with_open_umask(d, &args, "");
        }
    }
    with_open_umask(
        d,
        &["guide", "eindhoven", "--format", "txt", "-o", "guide.txt"],
        "",
    );

    let written: Vec<String> = tree(d).difference(&inputs).cloned().collect();
    assert!(written.len() >= 30, "too few files written: {written:?}");
    for file in &written {
        assert!(!file.ends_with(".tmp"), "a temp file was left: {file}");
        let mode = mode(&d.join(file));
        assert_eq!(mode, 0o600, "{file} is {mode:o}, not owner-only");
    }
}

// ---------------------------------------------------------------------------------------------
// No names in team reports, over generated teams

/// A name no framework text holds: each part has a "qx", "zq" or "xj" in it.
fn distinctive_name(rng: &mut Rng) -> (String, Vec<String>) {
    let part = |rng: &mut Rng| {
        let start = rng.pick(&["Ba", "Te", "Mo", "Lu", "Ö", "Sé", "Ri", "Da"]);
        let odd = rng.pick(&["qx", "zq", "xj"]);
        let end = rng.pick(&["umi", "orvan", "ella", "ijn", "ück", "aart"]);
        format!("{start}{odd}{end}")
    };
    let parts = [part(rng), part(rng)];
    let name = match rng.below(3) {
        0 => format!("{} {}", parts[0], parts[1]),
        1 => format!("{} van der {}", parts[0], parts[1]),
        _ => format!("{} {}-{}", parts[0], parts[1], part(rng)),
    };
    let parts = name
        .split([' ', '-'])
        .filter(|p| p.len() > 4)
        .map(str::to_string)
        .collect();
    (name, parts)
}

/// The fingerprint line a real scan of `framework` gets from the binary.
fn fingerprint(framework: &str, item: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.yaml"), format!("{item}: 3\n")).unwrap();
    let args = [
        "scan",
        framework,
        "--name",
        "X",
        "--answers",
        "a.yaml",
        "--out",
        "x.yaml",
    ];
    ok(dir.path(), &args, "");
    let text = std::fs::read_to_string(dir.path().join("x.yaml")).unwrap();
    text.lines()
        .find(|l| l.starts_with("fingerprint: "))
        .expect("a fingerprint")
        .to_string()
}

/// The statements of a framework, from `show --format json`.
fn statements(framework: &str) -> Vec<String> {
    let json: serde_json::Value = serde_json::from_str(&ok(
        Path::new("."),
        &["show", framework, "--format", "json"],
        "",
    ))
    .unwrap();
    json["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["indicators"].as_array().cloned().unwrap_or_default())
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

fn slug(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// What a generated round wrote: the names (and their parts) in it, and the files a team report
/// will skip (their paths may be listed on stderr, by design).
#[derive(Default)]
struct Round {
    names: Vec<String>,
    parts: Vec<String>,
    skipped: Vec<PathBuf>,
}

/// Writes a round of `size` complete eindhoven scans to `folder`, in the binary's format and
/// with its file names (which hold the names), plus an unfinished scan and an interview, which
/// are skipped. Notes name the person and a colleague.
fn write_round(
    rng: &mut Rng,
    folder: &Path,
    size: usize,
    fingerprint: &str,
    items: &[String],
) -> Round {
    std::fs::create_dir_all(folder).unwrap();
    let mut round = Round::default();
    for n in 0..size + 2 {
        let (name, parts) = distinctive_name(rng);
        let (colleague, colleague_parts) = distinctive_name(rng);
        let complete = n < size;
        let mut text = format!(
            "# vakwijzer-resultaat: persoonsgegevens, deel dit bestand alleen met wie het mag zien.\n\
             schema: 1\nkind: scan\nframework: eindhoven\n{fingerprint}\nname: {name}\n"
        );
        match rng.below(4) {
            0 => {}
            _ => text.push_str(&format!("team: {}\n", rng.pick(&["Noord", "Zuid", "Oost"]))),
        }
        match rng.below(4) {
            0 => {}
            _ => text.push_str(&format!(
                "role: {}\n",
                rng.pick(&["generalist", "ervaringsdeskundige"])
            )),
        }
        let day = 2 + rng.below(20);
        text.push_str(&format!(
            "started: 2026-11-{day:02}T09:00:00Z\nupdated: 2026-11-{day:02}T09:30:00Z\n\
             complete: {complete}\nanswers:\n"
        ));
        for item in items {
            let answer = rng.pick(&["1", "2", "3", "4", "5", "nvt"]);
            text.push_str(&format!("  {item}: {answer}\n"));
        }
        text.push_str(&format!(
            "notes:\n  durf: {name} sprak {colleague} aan op een onveilige situatie\n"
        ));
        let path = folder.join(format!(
            "scan-eindhoven-{}-2026-11-{day:02}.yaml",
            slug(&name)
        ));
        std::fs::write(&path, text).unwrap();
        if !complete {
            round.skipped.push(path);
        }
        round.names.extend([name, colleague]);
        round.parts.extend(parts);
        round.parts.extend(colleague_parts);
    }
    // An interview about someone: not a scan, skipped.
    let (candidate, parts) = distinctive_name(rng);
    let path = folder.join(format!(
        "interview-eindhoven-{}-pieter-{TODAY}.yaml",
        slug(&candidate)
    ));
    let interview = std::fs::read_to_string(example("interviews/noor-pieter.yaml"))
        .unwrap()
        .replace("Noor El Amrani", &candidate);
    std::fs::write(&path, interview).unwrap();
    round.skipped.push(path);
    round.names.push(candidate);
    round.parts.extend(parts);
    round
}

/// Asserts that `text` (output of `what`) holds no name, part of a name or slug of one.
fn assert_no_names(text: &str, rounds: &[&Round], what: &str) {
    let lower = text.to_lowercase();
    for round in rounds {
        for name in &round.names {
            assert!(
                !text.contains(name.as_str()),
                "{what} names {name}:\n{text}"
            );
            assert!(
                !lower.contains(&slug(name)),
                "{what} has the slug of {name}:\n{text}"
            );
        }
        for part in &round.parts {
            assert!(
                !lower.contains(&part.to_lowercase()),
                "{what} holds {part:?}, part of a name:\n{text}"
            );
        }
    }
}

/// Team reports in `format` over generated rounds of 3 to 20 scans, split in every way the
/// command offers, never hold a name: not in the report, not in the PDF's metadata, not on
/// standard error (which lists skipped files by path, by design; the paths are taken out).
fn team_never_names_anyone(format: &str, seed: u64) {
    let dir = tempfile::tempdir().unwrap();
    let fingerprint = fingerprint("eindhoven", "durf.i1");
    let items = statements("eindhoven");
    let mut rng = Rng::new(seed);
    for size in 3..=20 {
        let now = dir.path().join(format!("now-{size}"));
        let round = write_round(&mut rng, &now, size, &fingerprint, &items);
        let earlier_folder = dir.path().join(format!("earlier-{size}"));
        let earlier_size = 3 + rng.below(18);
        let earlier = write_round(
            &mut rng,
            &earlier_folder,
            earlier_size,
            &fingerprint,
            &items,
        );
        // At most the team's size, so that the report shows figures (groups may be smaller).
        let min_group = (3 + rng.below(3)).min(size).to_string();
        let now_arg = now.display().to_string();
        let earlier_arg = earlier_folder.display().to_string();
        let mut args = vec!["team", &now_arg, "--min-group", &min_group];
        let split = (size as u64 + seed) % 5;
        match split {
            0 => {}
            1 => args.extend(["--by", "team"]),
            2 => args.extend(["--by", "role"]),
            3 => args.extend(["--since", &earlier_arg]),
            _ => args.extend(["--by", "team", "--since", &earlier_arg]),
        }
        let out = dir.path().join(format!("team-{size}.{format}"));
        let out_arg = out.display().to_string();
        args.extend(["--format", format]);
        if format == "pdf" {
            args.extend(["-o", &out_arg]);
        }
        let what = format!("team {format} of {size} scans, {args:?}");
        let output = run(dir.path(), &args, "");
        let mut stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(output.status.success(), "{what} failed:\n{stderr}");
        let text = if format == "pdf" {
            let text = pdf_text(&out, &["pdftotext", "-layout"]);
            let info = pdf_text(&out, &["pdfinfo"]);
            assert_no_names(&info, &[&round, &earlier], &format!("{what}, pdfinfo"));
            text
        } else {
            String::from_utf8_lossy(&output.stdout).into_owned()
        };
        // The report is there: it counts the scans.
        assert!(
            text.contains(&size.to_string()),
            "{what}: no count of {size} in\n{text}"
        );
        if format == "json" {
            let json: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(json["team"]["scans"], size, "{what}");
        }
        assert_no_names(&text, &[&round, &earlier], &what);
        for path in round.skipped.iter().chain(&earlier.skipped) {
            stderr = stderr.replace(&path.display().to_string(), "<skipped file>");
        }
        assert_no_names(&stderr, &[&round, &earlier], &format!("{what}, stderr"));
    }
}

/// The text of a PDF as `tool` (pdftotext or pdfinfo) gives it.
fn pdf_text(path: &Path, tool: &[&str]) -> String {
    let mut args = tool[1..].to_vec();
    args.push(path.to_str().unwrap());
    if tool[0] == "pdftotext" {
        args.push("-");
    }
    common::tool(tool[0], &args)
}

#[test]
fn team_table_never_names_anyone() {
    team_never_names_anyone("table", 11);
}

#[test]
fn team_md_never_names_anyone() {
    team_never_names_anyone("md", 12);
}

#[test]
fn team_json_never_names_anyone() {
    team_never_names_anyone("json", 13);
}

#[test]
fn team_csv_never_names_anyone() {
    team_never_names_anyone("csv", 14);
}

#[test]
fn team_html_never_names_anyone() {
    team_never_names_anyone("html", 15);
}

#[test]
fn team_pdf_never_names_anyone() {
    team_never_names_anyone("pdf", 16);
}

// ---------------------------------------------------------------------------------------------
// HTML escapes every text

const SCRIPT: &str = "<script>alert(1)</script>";
const IMG: &str = "\"><img src=x onerror=alert(1)>";
const ESCAPED_SCRIPT: &str = "&lt;script&gt;alert(1)&lt;/script&gt;";
const ESCAPED_IMG: &str = "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;";

/// An organisation's framework with markup in every text a report or the guide shows.
fn hostile_framework() -> String {
    let q = |text: &str| serde_json::to_string(text).unwrap();
    format!(
        "kind: framework
id: kwaad
name: {name}
source: {source}
notes:
  - {note}
competencies:
  - id: een
    name: {een}
    definition: {definition}
    drivers:
      - name: {driver}
    remarks:
      - {remark}
    indicators:
      - id: een.i1
        text: {i1}
      - id: een.i2
        text: {i2}
    questions:
      - id: een.q1
        text: {q1}
  - id: twee
    name: {twee}
    indicators:
      - id: twee.i1
        text: {i3}
    questions:
      - id: twee.q1
        text: {q2}
",
        name = q(&format!("Kader {SCRIPT}")),
        source = q(&format!("Bron {IMG}")),
        note = q(&format!("Noot {SCRIPT}")),
        een = q(&format!("Een {SCRIPT}")),
        definition = q(&format!("Definitie {IMG}")),
        driver = q(&format!("drijfveer {SCRIPT}")),
        remark = q(&format!("opmerking {IMG}")),
        i1 = q(&format!("doet {SCRIPT} iets")),
        i2 = q(&format!("doet {IMG} iets")),
        q1 = q(&format!("vraag {SCRIPT}?")),
        twee = q(&format!("Twee {IMG}")),
        i3 = q("kan 'iets' & <b>meer</b>"),
        q2 = q(&format!("vraag {IMG}?")),
    )
}

/// Asserts that an HTML report shows the markup as text and holds none of it as markup.
fn assert_escaped(html: &str, what: &str) {
    let lower = html.to_lowercase();
    for raw in ["<script", "<img", "<b>meer", "onerror=alert(1)>"] {
        assert!(!lower.contains(raw), "{what} holds raw {raw:?}:\n{html}");
    }
    assert!(
        html.contains(ESCAPED_SCRIPT),
        "{what} does not show the script markup as text:\n{html}"
    );
    assert!(html.starts_with("<!DOCTYPE html>") || html.starts_with("<!doctype html>"));
}

/// Markup in an organisation's framework (names, definitions, drivers, remarks, statements,
/// questions), in names, teams, notes and motivations, is shown as text in every HTML report:
/// the personal report, the guide, the scorecard, the comparison and the team report.
#[test]
fn html_escapes_every_text_from_users_and_frameworks() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("org")).unwrap();
    std::fs::write(d.join("org/kwaad.yaml"), hostile_framework()).unwrap();
    ok(d, &["validate", "org"], "");
    let data = ["--data", "org"];
    let quoted = |text: &str| serde_json::to_string(text).unwrap();
    // Two scans of one person (a report with progress), and three more people: a team of four.
    for n in 0..5 {
        std::fs::write(
            d.join(format!("answers-{n}.yaml")),
            format!(
                "een.i1: {}\neen.i2: 4\ntwee.i1: 2\nnotes:\n  een: {}\n  twee: {}\n",
                3 + n % 2,
                quoted(&format!("noot {SCRIPT}")),
                quoted(&format!("noot {IMG}"))
            ),
        )
        .unwrap();
        let name = if n < 2 {
            SCRIPT.to_string()
        } else {
            format!("{IMG} {n}")
        };
        let (answers, out) = (format!("answers-{n}.yaml"), format!("scan-{n}.yaml"));
        let (team, role) = (format!("Team {IMG}"), format!("Rol {SCRIPT}"));
        let args = [
            &data[..],
            &[
                "scan",
                "kwaad",
                "--name",
                &name,
                "--team",
                &team,
                "--role",
                &role,
                "--answers",
                &answers,
                "--out",
                &out,
            ],
        ]
        .concat();
        ok(d, &args, "");
    }
    for (candidate, interviewer, file) in [
        (IMG, SCRIPT, "i1.yaml"),
        (IMG, IMG, "i2.yaml"),
        (SCRIPT, IMG, "i3.yaml"),
    ] {
        let args = [
            &data[..],
            &[
                "interview",
                "kwaad",
                "--candidate",
                candidate,
                "--interviewer",
                interviewer,
                "--out",
                file,
            ],
        ]
        .concat();
        // Per competency: questions, a note, indicators, a rating; the advice, a motivation.
        let lines = format!(
            "1\nnoot {SCRIPT}\n1 2\n4\n1\nnoot {IMG}\n1\n3\nwel\nmotivering {SCRIPT} {IMG}\n"
        );
        ok(d, &args, &lines);
    }

    // The texts each report must show, escaped.
    let (script, img) = (ESCAPED_SCRIPT, ESCAPED_IMG);
    let framework = [
        format!("Kader {script}"),
        format!("Een {script}"),
        format!("Twee {img}"),
    ];
    let team = [
        "team",
        "scan-1.yaml",
        "scan-2.yaml",
        "scan-3.yaml",
        "scan-4.yaml",
    ];
    let reports: Vec<(&str, Vec<&str>, Vec<String>)> = vec![
        (
            "personal report",
            vec!["report", "scan-0.yaml"],
            vec![format!("noot {script}"), format!("noot {img}")],
        ),
        (
            "personal report with progress",
            vec!["report", "scan-0.yaml", "scan-1.yaml"],
            vec![format!("noot {script}")],
        ),
        (
            "guide",
            vec!["guide", "kwaad"],
            vec![
                format!("Definitie {img}"),
                format!("drijfveer {script}"),
                format!("opmerking {img}"),
                format!("doet {script} iets"),
                format!("doet {img} iets"),
                format!("vraag {script}?"),
                format!("vraag {img}?"),
                "&lt;b&gt;meer&lt;/b&gt;".to_string(),
            ],
        ),
        (
            "scorecard",
            vec!["report", "i1.yaml", "i2.yaml"],
            vec![
                img.to_string(),
                format!("noot {script}"),
                format!("noot {img}"),
                format!("motivering {script} {img}"),
            ],
        ),
        (
            "comparison",
            vec!["compare", "i1.yaml", "i2.yaml", "i3.yaml"],
            vec![img.to_string()],
        ),
        (
            "team report",
            [&team[..], &["--min-group", "3"]].concat(),
            vec![],
        ),
        (
            "team report by team",
            [&team[..], &["--min-group", "3", "--by", "team"]].concat(),
            vec![format!("Team {img}")],
        ),
        (
            "team report by role",
            [&team[..], &["--min-group", "3", "--by", "role"]].concat(),
            vec![format!("Rol {script}")],
        ),
    ];
    for (what, args, texts) in reports {
        let args = [&data[..], &args[..], &["--format", "html"]].concat();
        let html = ok(d, &args, "");
        assert_escaped(&html, what);
        for text in framework.iter().chain(&texts) {
            assert!(
                html.contains(text.as_str()),
                "{what} does not show {text:?}:\n{html}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Paths inside files

/// Files a command wrote or changed under `root`, besides those expected.
fn assert_tree(root: &Path, before: &BTreeSet<String>, expected_new: &[&str], what: &str) {
    let after = tree(root);
    let new: Vec<&String> = after.difference(before).collect();
    let expected: Vec<String> = expected_new.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        new.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        expected,
        "{what}: files created"
    );
    assert!(before.is_subset(&after), "{what}: files removed");
}

fn assert_refused(output: &Output, needles: &[&str], what: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(2),
        "{what}: status 2 expected:\n{stderr}"
    );
    for needle in needles {
        assert!(
            stderr.contains(needle),
            "{what}: {needle:?} not in the message:\n{stderr}"
        );
    }
}

/// Names that look like paths end up in file names in the current folder only, as slugs.
#[test]
fn names_like_paths_stay_in_the_current_folder() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let cwd = root.join("a/b");
    std::fs::create_dir_all(&cwd).unwrap();
    std::fs::write(cwd.join("answers.yaml"), "durf.i1: 3\n").unwrap();
    let before = tree(root);
    let marker = format!("evil-{}", std::process::id());
    let absolute = format!("/tmp/{marker}");
    for name in ["../../evil", "..", "/", &absolute, "a/../../b\\..\\c"] {
        ok(
            &cwd,
            &[
                "scan",
                "eindhoven",
                "--name",
                name,
                "--answers",
                "answers.yaml",
            ],
            "",
        );
    }
    ok(
        &cwd,
        &[
            "interview",
            "eindhoven",
            "--candidate",
            "../../evil",
            "--interviewer",
            &absolute,
            "--competency",
            "durf",
        ],
        "1\n-\n1\n3\n",
    );
    let expected = [
        format!("a/b/interview-eindhoven-evil-tmp-{marker}-{TODAY}.yaml"),
        format!("a/b/scan-eindhoven--{TODAY}-2.yaml"),
        format!("a/b/scan-eindhoven--{TODAY}.yaml"),
        format!("a/b/scan-eindhoven-a-b-c-{TODAY}.yaml"),
        format!("a/b/scan-eindhoven-evil-{TODAY}.yaml"),
        format!("a/b/scan-eindhoven-tmp-{marker}-{TODAY}.yaml"),
    ];
    let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
    assert_tree(root, &before, &expected, "sessions with path-like names");
    let leaked: Vec<_> = std::fs::read_dir("/tmp")
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(&marker))
        .collect();
    assert!(leaked.is_empty(), "files in /tmp: {leaked:?}");
}

/// A result file naming a framework, answers or a note by a path: refused or ignored with a
/// clear message, never a file read or written elsewhere.
#[test]
fn paths_in_result_files_are_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let cwd = root.join("a/b");
    std::fs::create_dir_all(&cwd).unwrap();
    std::fs::write(cwd.join("answers.yaml"), "durf.i1: 3\n").unwrap();
    ok(
        &cwd,
        &[
            "scan",
            "eindhoven",
            "--name",
            "Anna",
            "--answers",
            "answers.yaml",
            "--out",
            "scan.yaml",
        ],
        "",
    );
    let scan = std::fs::read_to_string(cwd.join("scan.yaml")).unwrap();
    // A real framework where the path would lead, relative to the folder and to --data.
    std::fs::create_dir_all(root.join("etc")).unwrap();
    std::fs::write(
        root.join("etc/passwd"),
        std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("data/frameworks/wmo.yaml"),
        )
        .unwrap(),
    )
    .unwrap();
    for (file, from, to) in [
        (
            "framework.yaml",
            "framework: eindhoven",
            "framework: ../../etc/passwd",
        ),
        (
            "absolute.yaml",
            "framework: eindhoven",
            "framework: /etc/passwd",
        ),
    ] {
        let text = scan.replace(from, to);
        // Finished, so that a team report would use it if it could.
        std::fs::write(
            cwd.join(file),
            text.replace("complete: false", "complete: true"),
        )
        .unwrap();
    }
    let interview = std::fs::read_to_string(example("interviews/noor-pieter.yaml")).unwrap();
    std::fs::write(
        cwd.join("interview.yaml"),
        interview.replace("framework: eindhoven", "framework: ../../etc/passwd"),
    )
    .unwrap();
    std::fs::write(
        cwd.join("bad-answers.yaml"),
        "../../etc/passwd: 3\nnotes:\n  ../x: y\n",
    )
    .unwrap();
    let before = tree(root);

    let unknown = "onbekend framework '../../etc/passwd'";
    for (args, needles) in [
        (
            vec!["report", "framework.yaml"],
            vec!["framework.yaml:4:1", unknown],
        ),
        (
            vec!["report", "absolute.yaml"],
            vec!["absolute.yaml:4:1", "onbekend framework '/etc/passwd'"],
        ),
        (
            vec!["scan", "--resume", "framework.yaml"],
            vec!["framework.yaml:4:1", unknown],
        ),
        (
            vec!["report", "interview.yaml"],
            vec!["interview.yaml", unknown],
        ),
        (
            vec!["interview", "--resume", "interview.yaml"],
            vec!["interview.yaml", unknown],
        ),
        (
            vec!["compare", "interview.yaml"],
            vec!["interview.yaml", unknown],
        ),
        (
            vec!["team", "framework.yaml", "absolute.yaml"],
            vec![
                "overgeslagen: framework.yaml: ",
                "`vakwijzer report framework.yaml` zegt wat er mis is",
                "overgeslagen: absolute.yaml: ",
            ],
        ),
        (
            vec![
                "scan",
                "eindhoven",
                "--name",
                "B",
                "--answers",
                "bad-answers.yaml",
            ],
            vec![
                "bad-answers.yaml:1:1",
                "../../etc/passwd",
                "bad-answers.yaml:3:3",
                "../x",
            ],
        ),
        (
            vec!["--data", "../../etc", "scan", "--resume", "framework.yaml"],
            vec![unknown],
        ),
    ] {
        let output = run(&cwd, &args, "3\n");
        assert_refused(&output, &needles, &format!("{args:?}"));
    }
    assert_tree(root, &before, &[], "commands on files with paths");
    assert_eq!(
        std::fs::read_to_string(cwd.join("scan.yaml")).unwrap(),
        scan
    );
}

/// An organisation's framework or scale named by a path is refused with file and line.
#[test]
fn ids_with_paths_in_frameworks_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let org = root.join("org");
    std::fs::create_dir(&org).unwrap();
    let framework = hostile_framework();
    for (id, line) in [
        ("id: ../evil", "2:5"),
        ("id: a/b", "2:5"),
        ("id: /etc/passwd", "2:5"),
    ] {
        std::fs::write(org.join("f.yaml"), framework.replace("id: kwaad", id)).unwrap();
        let before = tree(root);
        for args in [vec!["validate", "org"], vec!["--data", "org", "frameworks"]] {
            let output = run(root, &args, "");
            let shown = id.trim_start_matches("id: ");
            assert_refused(
                &output,
                &[
                    &format!("org/f.yaml:{line}"),
                    &format!("ongeldig id '{shown}'"),
                ],
                &format!("{args:?} with {id}"),
            );
        }
        // A scan of it: nothing created, whatever the id would make of the file name.
        let shown = id.trim_start_matches("id: ");
        let output = run(
            root,
            &["--data", "org", "scan", shown, "--name", "X"],
            "3\n",
        );
        assert_refused(&output, &["org/f.yaml:2:5"], &format!("scan {shown}"));
        assert_tree(root, &before, &[], &format!("a framework with {id}"));
    }
    let with_scale = framework.replace(
        "id: kwaad\n",
        "id: kwaad\nscales:\n  self_scan: ../../etc/passwd\n",
    );
    std::fs::write(org.join("f.yaml"), with_scale).unwrap();
    let output = run(root, &["validate", "org"], "");
    assert_refused(
        &output,
        &["org/f.yaml:4:14", "onbekende schaal '../../etc/passwd'"],
        "a scale named by a path",
    );
    let with_item = framework.replace("id: een.i1", "id: ../een.i1");
    std::fs::write(org.join("f.yaml"), with_item).unwrap();
    let output = run(root, &["validate", "org"], "");
    assert_refused(
        &output,
        &["org/f.yaml", "ongeldig id '../een.i1'"],
        "a statement id",
    );
}

/// A template that includes or extends another by a path fails with a clear message and never
/// reads the file the path leads to.
#[test]
fn templates_cannot_reach_outside_their_names() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let templates = root.join("templates");
    std::fs::create_dir(&templates).unwrap();
    let secret = "GEHEIM-7d1f";
    for file in ["x", "x.tera", "x.md"] {
        std::fs::write(root.join(file), secret).unwrap();
    }
    for (template, needle) in [
        ("{% include \"../x\" %}", "Unknown template `../x`"),
        (
            "{% include \"../x.tera\" %}",
            "Unknown template `../x.tera`",
        ),
        ("{% include \"x\" %}", "Unknown template `x`"),
        (
            "{% include \"/etc/passwd\" %}",
            "Unknown template `/etc/passwd`",
        ),
        (
            "{% extends \"../x.md\" %}",
            "'../x.md', which doesn't exist",
        ),
        ("{% import \"../x\" as m %}", "../x"),
    ] {
        std::fs::write(templates.join("guide.md.tera"), template).unwrap();
        let before = tree(root);
        let output = run(
            root,
            &[
                "--templates",
                "templates",
                "guide",
                "eindhoven",
                "--format",
                "md",
            ],
            "",
        );
        assert_refused(&output, &["sjabloon 'guide.md'", needle], template);
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            !all.contains(secret),
            "{template}: read the file outside:\n{all}"
        );
        assert_tree(root, &before, &[], template);
    }
}

// ---------------------------------------------------------------------------------------------
// Found while writing these tests, not fixed yet (in files another change is working on): run
// with `cargo test --test safety -- --ignored` once fixed.

/// A result naming competencies its framework does not have (`competencies: [../../x]`, or one
/// an organisation removed) must be refused on resume with the file and line, not walked as a
/// session with nothing to ask, which marks it complete and hides its answers.
#[test]
fn unknown_competencies_in_a_result_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("answers.yaml"), "durf.i1: 3\n").unwrap();
    let scan = [
        "scan",
        "eindhoven",
        "--name",
        "Anna",
        "--answers",
        "answers.yaml",
    ];
    ok(d, &[&scan[..], &["--out", "scan.yaml"]].concat(), "");
    let text = std::fs::read_to_string(d.join("scan.yaml"))
        .unwrap()
        .replace(
            "complete: false",
            "competencies:\n- ../../etc/passwd\ncomplete: false",
        );
    std::fs::write(d.join("scan.yaml"), &text).unwrap();
    let interview = std::fs::read_to_string(example("interviews/noor-pieter.yaml"))
        .unwrap()
        .replace(
            "complete: true",
            "competencies:\n- ../../etc/passwd\ncomplete: false",
        );
    std::fs::write(d.join("interview.yaml"), &interview).unwrap();
    for (args, file, before) in [
        (vec!["scan", "--resume", "scan.yaml"], "scan.yaml", &text),
        (
            vec!["interview", "--resume", "interview.yaml"],
            "interview.yaml",
            &interview,
        ),
    ] {
        let output = run(d, &args, "wel\n-\n");
        assert_refused(&output, &[file, "../../etc/passwd"], &format!("{args:?}"));
        assert_eq!(
            &std::fs::read_to_string(d.join(file)).unwrap(),
            before,
            "{file} was changed"
        );
    }
}

/// Control characters in a result or framework file (an escape sequence in a name, which can
/// retitle or rewrite the terminal) must not reach the terminal as they are.
#[test]
fn control_characters_from_files_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("answers.yaml"), "durf.i1: 3\n").unwrap();
    ok(
        d,
        &[
            "scan",
            "eindhoven",
            "--name",
            "Anna",
            "--answers",
            "answers.yaml",
            "--out",
            "s.yaml",
        ],
        "",
    );
    let text = std::fs::read_to_string(d.join("s.yaml"))
        .unwrap()
        .replace("name: Anna", "name: \"Anna\\e]0;pwned\\a\\e[2J\"")
        .replace("notes: {}", "notes:\n  durf: \"noot \\e[5m\"");
    std::fs::write(d.join("s.yaml"), text).unwrap();
    std::fs::create_dir(d.join("org")).unwrap();
    std::fs::write(
        d.join("org/f.yaml"),
        hostile_framework().replace("Kader <script>", "Kader \\e[31m<script>"),
    )
    .unwrap();
    for args in [
        vec!["report", "s.yaml"],
        vec!["report", "s.yaml", "--format", "md"],
        vec!["--data", "org", "frameworks"],
        vec!["--data", "org", "show", "kwaad"],
    ] {
        let output = run(d, &args, "");
        let all = [output.stdout, output.stderr].concat();
        assert!(
            !all.iter().any(|&b| b == 0x1b || b == 0x07),
            "{args:?} writes control characters from a file to the terminal:\n{}",
            String::from_utf8_lossy(&all)
        );
    }
}
