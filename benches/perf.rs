//! How close vakwijzer stays to the floor as organisations grow (issue 30). Everything runs
//! through the real binary on generated files, and every figure is a ratio of two costs measured
//! in this run, so that the machine's speed and load cancel out as far as they can:
//!
//! - `team` against `cat` of the same scans, in CPU time (user + system, all threads), at
//!   10,000 and 100,000 scans (goal: at most 3×), with `team`'s peak memory (goal: at most
//!   60 MB at 100,000);
//! - `frameworks` against a hello world in Rust (built here with `rustc -O`), in CPU time: the
//!   cost of start-up (goal: at most 2×); against `true`, a process in C that does nothing, too;
//! - `scan --answers` and `team` (100 scans) on a framework of 5,000 statements against one of
//!   500, in CPU time: 10× the statements may cost at most 12× the time (no quadratic path).
//!
//! `cargo bench --bench perf` runs it (a release build); `PERF_SCANS=10000` (a comma-separated
//! list) sets the sizes of the team rounds, 10,000 and 100,000 by default. The scans are written
//! to a temporary folder (about 4 KB each: 400 MB at 100,000) and removed at the end. CPU time is
//! what the children of this process used (`getrusage`), peak memory comes from GNU time
//! (`/usr/bin/time`); Linux only. It prints the figures and exits 0 whether or not a goal is met.
//!
//! Most of a start is the kernel mapping the binary's pages, so where those pages came from
//! counts: a copy of a binary (`cp`) that is still in memory starts 10 to 15% faster than the
//! same file as the linker wrote it, or as it is read from disk after a restart. The two programs
//! compared here are both measured as their linker wrote them; compare binaries by hand in the
//! same state (evict them from the page cache, with `posix_fadvise(DONTNEED)`, then run each once).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// The CPU time (user + system) of the children of this process that have ended, in seconds,
/// to the microsecond (`getrusage`; `/proc/self/stat` counts in clock ticks of 10 ms, as long as
/// a tenth of a start).
fn children_cpu() -> f64 {
    // SAFETY: getrusage only writes the struct it is given, which is plain data.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        assert_eq!(libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage), 0);
        usage
    };
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// A command in `dir` with the environment of a plain run.
fn command(dir: &Path, program: &str, args: &[&str]) -> Command {
    let mut command = Command::new(program);
    command.args(args).current_dir(dir);
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("VAKWIJZER_") {
            command.env_remove(&key);
        }
    }
    command.env("VAKWIJZER_NOW", "2026-12-01T10:00:00Z");
    command
}

fn run(mut command: Command) {
    let output = command.output().expect("runs the program");
    assert!(
        output.status.success(),
        "{command:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The CPU time of `runs` runs of `program ARGS`, per run, in seconds.
fn cpu(dir: &Path, program: &str, args: &[&str], runs: usize) -> f64 {
    let before = children_cpu();
    for _ in 0..runs {
        run(command(dir, program, args));
    }
    (children_cpu() - before) / runs as f64
}

/// The median wall time of `runs` runs.
fn wall(dir: &Path, program: &str, args: &[&str], runs: usize) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            run(command(dir, program, args));
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

/// The peak resident memory of one run of `program ARGS`, in megabytes (GNU time).
fn peak_mb(dir: &Path, program: &str, args: &[&str]) -> f64 {
    let report = dir.join(".time");
    let report_arg = report.display().to_string();
    let mut all = vec!["-f", "%M", "-o", &report_arg, program];
    all.extend(args);
    run(command(dir, "/usr/bin/time", &all));
    let kb: f64 = std::fs::read_to_string(&report)
        .expect("GNU time's report")
        .trim()
        .parse()
        .expect("kilobytes");
    kb / 1024.0
}

/// A data folder with one framework `big` of `statements` statements in 50 competencies.
fn big_framework(dir: &Path, statements: usize) {
    let per = statements / 50;
    let mut text =
        String::from("kind: framework\nid: big\nname: Groot\nsource: bench\ncompetencies:\n");
    for c in 0..50 {
        text.push_str(&format!(
            "  - id: c{c}\n    name: Competentie {c}\n    indicators:\n"
        ));
        for i in 0..per {
            text.push_str(&format!(
                "      - id: c{c}.i{i}\n        text: Stelling {i} van competentie {c}\n"
            ));
        }
    }
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join("big.yaml"), text).unwrap();
}

/// An answers file answering every statement of `big`.
fn big_answers(path: &Path, statements: usize) {
    let per = statements / 50;
    let mut text = String::new();
    for c in 0..50 {
        for i in 0..per {
            text.push_str(&format!("c{c}.i{i}: {}\n", 1 + (c + i) % 5));
        }
    }
    std::fs::write(path, text).unwrap();
}

/// `count` copies of the scan at `scan` in `folder`, 40 teams in a folder each, each copy of
/// another person.
fn round(scan: &Path, folder: &Path, count: usize) {
    let text = std::fs::read_to_string(scan).unwrap();
    let name_line = text
        .lines()
        .find(|l| l.starts_with("name:"))
        .expect("a scan names its person")
        .to_string();
    for team in 0..40.min(count) {
        std::fs::create_dir_all(folder.join(format!("team-{team:02}"))).unwrap();
    }
    for n in 0..count {
        let copy = text.replacen(&name_line, &format!("name: Persoon {n}"), 1);
        let file = format!("team-{:02}/scan-{n:06}.yaml", n % 40);
        std::fs::write(folder.join(file), copy).unwrap();
    }
}

/// A program that prints a line, in Rust, built with `rustc -O` (`RUSTC` when set, as cargo
/// sets it): what every Rust process costs before it does anything.
fn hello_world(dir: &Path) -> std::path::PathBuf {
    let source = dir.join("hello.rs");
    std::fs::write(&source, "fn main() {\n    println!(\"hallo\");\n}\n").unwrap();
    let program = dir.join("hello");
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_string());
    let status = Command::new(rustc)
        .arg("-O")
        .arg("-o")
        .arg(&program)
        .arg(&source)
        .status()
        .expect("runs rustc");
    assert!(status.success(), "rustc builds the hello world");
    program
}

struct Figure {
    what: String,
    base: f64,
    measured: f64,
    unit: &'static str,
    goal: f64,
}

fn main() {
    let bin = env!("CARGO_BIN_EXE_vakwijzer");
    let work = tempfile::tempdir().expect("a temp dir");
    let d = work.path();
    let mut figures = Vec::new();
    let mut notes = Vec::new();

    // team against cat, on rounds of the bundled framework.
    let sizes: Vec<usize> = std::env::var("PERF_SCANS")
        .ok()
        .map(|list| {
            list.split(',')
                .filter_map(|n| n.trim().parse().ok())
                .collect()
        })
        .unwrap_or_else(|| vec![10_000, 100_000]);
    let one = d.join("one.yaml");
    let answers = d.join("eindhoven-answers.yaml");
    let shown = Command::new(bin)
        .args(["show", "eindhoven", "--format", "json"])
        .output()
        .expect("shows the framework");
    let framework: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    let mut text = String::new();
    for competency in framework["competencies"].as_array().unwrap() {
        for indicator in competency["indicators"].as_array().unwrap() {
            text.push_str(&format!("{}: 4\n", indicator["id"].as_str().unwrap()));
        }
    }
    std::fs::write(&answers, text).unwrap();
    let (answers_arg, one_arg) = (answers.display().to_string(), one.display().to_string());
    run(command(
        d,
        bin,
        &[
            "scan",
            "eindhoven",
            "--name",
            "Bench",
            "--team",
            "Noord",
            "--answers",
            &answers_arg,
            "-o",
            &one_arg,
        ],
    ));
    for scans in sizes {
        let folder = d.join(format!("round-{scans}"));
        round(&one, &folder, scans);
        let folder_arg = folder.display().to_string();
        let runs = if scans > 20_000 { 2 } else { 3 };
        let cat = cpu(
            d,
            "sh",
            &[
                "-c",
                "find \"$0\" -name '*.yaml' -exec cat {} + > /dev/null",
                &folder_arg,
            ],
            runs,
        );
        let team = cpu(d, bin, &["team", &folder_arg], runs);
        figures.push(Figure {
            what: format!("team against cat, {scans} scans (CPU)"),
            base: cat,
            measured: team,
            unit: "s",
            goal: 3.0,
        });
        let peak = peak_mb(d, bin, &["team", &folder_arg]);
        notes.push(format!(
            "peak memory of team at {scans} scans: {peak:.1} MB (goal at 100,000: at most 60 MB)"
        ));
        std::fs::remove_dir_all(&folder).unwrap();
    }

    // Start-up: a command that loads the bundled data against a hello world in Rust, built here
    // as vakwijzer is (optimised), and against a process that does nothing (`true`, in C). The
    // three are measured in turns, so that a change in the machine's load falls on all three.
    let hello = hello_world(d);
    let hello = hello.to_str().expect("a temp path in UTF-8");
    let (mut bare, mut rust, mut frameworks) = (0.0, 0.0, 0.0);
    for _ in 0..6 {
        bare += cpu(d, "true", &[], 50);
        rust += cpu(d, hello, &[], 50);
        frameworks += cpu(d, bin, &["frameworks"], 50);
    }
    figures.push(Figure {
        what: "start-up: frameworks against hello world (CPU)".to_string(),
        base: rust / 6.0 * 1000.0,
        measured: frameworks / 6.0 * 1000.0,
        unit: "ms",
        goal: 2.0,
    });
    notes.push(format!(
        "start-up against true (CPU): frameworks {:.3} ms, true {:.3} ms: {:.2}x; a Rust hello \
         world is {:.2}x true",
        frameworks / 6.0 * 1000.0,
        bare / 6.0 * 1000.0,
        frameworks / bare,
        rust / bare
    ));
    notes.push(format!(
        "start-up in wall time: frameworks {:.2} ms, hello world {:.2} ms, true {:.2} ms \
         (medians of 51)",
        wall(d, bin, &["frameworks"], 51).as_secs_f64() * 1000.0,
        wall(d, hello, &[], 51).as_secs_f64() * 1000.0,
        wall(d, "true", &[], 51).as_secs_f64() * 1000.0
    ));

    // 10× the statements: scan --answers, then team on 100 of those scans, each run 5 times.
    const RUNS: usize = 5;
    let mut scan_costs = Vec::new();
    let mut team_costs = Vec::new();
    for statements in [500, 5_000] {
        let data = d.join(format!("data{statements}"));
        big_framework(&data, statements);
        let answers = d.join(format!("answers{statements}.yaml"));
        big_answers(&answers, statements);
        let out = d.join(format!("scan{statements}.yaml"));
        let (data_arg, answers_arg, out_arg) = (
            data.display().to_string(),
            answers.display().to_string(),
            out.display().to_string(),
        );
        let scan = [
            "--data",
            &data_arg,
            "scan",
            "big",
            "--name",
            "Bench",
            "--answers",
            &answers_arg,
            "-o",
            &out_arg,
        ];
        // In CPU time, which the wait for the disk to take the saved file is not part of.
        // Each run writes the file anew: -o does not replace a result without a yes.
        let mut scan_cpu = 0.0;
        for _ in 0..RUNS {
            let _ = std::fs::remove_file(&out);
            let before = children_cpu();
            run(command(d, bin, &scan));
            scan_cpu += children_cpu() - before;
        }
        scan_costs.push(scan_cpu / RUNS as f64);
        let folder = d.join(format!("round{statements}"));
        round(&out, &folder, 100);
        let folder_arg = folder.display().to_string();
        let team = ["--data", &data_arg, "team", &folder_arg];
        team_costs.push(cpu(d, bin, &team, RUNS));
    }
    for (what, costs) in [
        ("scan --answers", &scan_costs),
        ("team, 100 scans", &team_costs),
    ] {
        figures.push(Figure {
            what: format!("{what}: 5,000 against 500 statements (CPU)"),
            base: costs[0] * 1000.0,
            measured: costs[1] * 1000.0,
            unit: "ms",
            goal: 12.0,
        });
    }

    println!(
        "{:<52} {:>10} {:>10} {:>7}  goal",
        "", "base", "measured", "ratio"
    );
    for figure in &figures {
        let ratio = figure.measured / figure.base.max(f64::EPSILON);
        let verdict = if ratio <= figure.goal {
            "met"
        } else {
            "missed"
        };
        println!(
            "{:<52} {:>8.3}{:<2} {:>8.3}{:<2} {:>7.2}  <= {}: {verdict}",
            figure.what, figure.base, figure.unit, figure.measured, figure.unit, ratio, figure.goal
        );
    }
    for note in notes {
        println!("{note}");
    }
}
