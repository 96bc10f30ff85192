//! The fast reader of scans (`vakwijzer::result::canonical`, issue 30) against serde_yaml, the
//! reader it stands in for: on every text it reads, it must read what serde_yaml reads, and it
//! must read the scans vakwijzer writes with ordinary names, or it saves nothing.
//!
//! The texts are scans as vakwijzer writes them (serde_yaml's own output, with the header line),
//! with names, teams and notes drawn from characters that YAML treats specially, and the same
//! texts mutated line by line and byte by byte.
//! `VAKWIJZER_FUZZ_CASES` sets the number of cases (256 by default).

mod common;

use std::collections::BTreeMap;

use proptest::prelude::*;

use vakwijzer::result::{Answer, ResultKind, ScanResult, canonical};

fn config() -> ProptestConfig {
    common::proptest_config(256, "tests/canonical-regressions.txt")
}

/// What serde_yaml reads of a text as a scan, if it reads one.
fn serde(text: &str) -> Option<ScanResult> {
    serde_yaml::from_str(text).ok()
}

/// The text vakwijzer saves a scan as: a comment line, then serde_yaml's output.
fn written(scan: &ScanResult) -> String {
    format!(
        "# vakwijzer-resultaat: persoonsgegevens.\n{}",
        serde_yaml::to_string(scan).unwrap()
    )
}

/// Whatever the fast reader reads of `text` is what serde_yaml reads of it.
fn agrees(text: &str) -> std::result::Result<(), TestCaseError> {
    if let Some(fast) = canonical::scan(text) {
        prop_assert_eq!(Some(fast), serde(text), "{:?}", text);
    }
    Ok(())
}

/// Texts from characters YAML reads specially, mixed with letters.
fn hostile() -> impl Strategy<Value = String> + Clone {
    let pieces = prop::sample::select(vec![
        "a", "Jan", "de Vries", "é", "Ø", " ", "  ", ":", ": ", " #", "#", "'", "\"", "\\", "-",
        "- ", "?", ",", "[", "]", "{", "}", "&", "*", "!", "|", ">", "%", "@", "`", "~", "null",
        "true", "1", "0", "01", "0x1", "1e3", ".5", "\n", "\t", "\r", "\u{85}", "\u{a0}",
        "\u{2028}", "\u{feff}", "\u{200b}", "---", "...", "😀",
    ]);
    prop::collection::vec(pieces, 0..6).prop_map(|pieces| pieces.concat())
}

/// Plain texts, as most names and notes are.
fn ordinary() -> impl Strategy<Value = String> + Clone {
    "[A-Z][a-zé]{1,8}( [a-z]{1,8}){0,3}"
}

fn answers() -> impl Strategy<Value = BTreeMap<String, Answer>> {
    let answer = prop_oneof![
        (0u8..=255).prop_map(Answer::Score),
        Just(Answer::NotApplicable)
    ];
    prop::collection::btree_map("[a-z]{1,10}\\.i[0-9]", answer, 1..12)
}

fn scan(text: impl Strategy<Value = String> + Clone) -> impl Strategy<Value = ScanResult> {
    (
        text.clone(),
        prop::option::of(text.clone()),
        prop::option::of(text.clone()),
        prop::collection::vec("[a-z]{1,10}", 0..3),
        any::<bool>(),
        answers(),
        prop::collection::btree_map("[a-z]{1,10}", text, 0..3),
    )
        .prop_map(
            |(name, team, role, competencies, complete, answers, notes)| ScanResult {
                schema: 1,
                kind: ResultKind::Scan,
                framework: "eindhoven".into(),
                fingerprint: "sha256:d656f8bf80e049ea".into(),
                name,
                team,
                role,
                started: "2026-11-02T09:00:00Z".into(),
                updated: "2026-11-02T09:10:00Z".into(),
                competencies,
                complete,
                answers,
                notes,
            },
        )
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn reads_the_scans_vakwijzer_writes(scan in scan(ordinary())) {
        let text = written(&scan);
        prop_assert_eq!(canonical::scan(&text), Some(scan), "{}", text);
    }

    #[test]
    fn reads_hostile_texts_as_serde_yaml_does_or_not_at_all(scan in scan(hostile())) {
        let text = written(&scan);
        agrees(&text)?;
        if let Some(fast) = canonical::scan(&text) {
            prop_assert_eq!(fast, scan);
        }
    }

    #[test]
    fn reads_mutated_scans_as_serde_yaml_does_or_not_at_all(
        scan in scan(ordinary()),
        edits in prop::collection::vec((any::<prop::sample::Index>(), hostile(), 0..4usize), 1..4),
    ) {
        let mut text = written(&scan);
        for (at, piece, how) in edits {
            let mut at = at.index(text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
            match how {
                // Insert, replace the rest of the line, delete a character, repeat the line.
                0 => text.insert_str(at, &piece),
                1 => text.replace_range(at..end, &piece),
                2 => {
                    if let Some(c) = text[at..].chars().next() {
                        text.replace_range(at..at + c.len_utf8(), "");
                    }
                }
                _ => {
                    let start = text[..at].rfind('\n').map_or(0, |n| n + 1);
                    let line = format!("{}\n", &text[start..end]);
                    text.insert_str(start, &line);
                }
            }
        }
        agrees(&text)?;
    }
}

/// Every scan among the bundled examples is in the form the fast reader reads, and it reads
/// each as serde_yaml does.
#[test]
fn reads_the_bundled_example_scans() {
    let mut read = 0;
    for folder in ["scans", "team", "team-2026-voorjaar"] {
        let folder = std::path::Path::new("data/examples").join(folder);
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            if !text.contains("\nkind: scan\n") {
                continue;
            }
            let fast = canonical::scan(&text);
            assert!(fast.is_some(), "{} is read", path.display());
            assert_eq!(fast, serde(&text), "{}", path.display());
            read += 1;
        }
    }
    assert!(read >= 10, "{read} example scans");
}
