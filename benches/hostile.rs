//! How fast hostile input is refused, and that checking large files grows in a line: the
//! measurements that tests/fuzz.rs once made as timed tests (which failed on a loaded machine).
//! Everything runs through the real binary on generated files, and every figure is a ratio of
//! two times measured in this run, so that the machine's speed and load cancel out:
//!
//! - a framework with 4× the competencies, and 4× the links and methods with unknown
//!   references, each against the smaller: about 4 when linear, 16 when quadratic
//!   (target: under 6);
//! - YAML nested 100,000 deep against 10,000 deep (10× the bytes): refused before it is
//!   parsed, by a scan that grows in a line with the size (target: under 10; before the fix it
//!   grew with the square: 160 KB took 5 s, 4 MB an hour);
//! - a 100 MB file against a tiny one: refused by its size before it is read, so about 1
//!   (target: under 2);
//! - a template that loops without end, against the guide with the built-in template: stopped
//!   at tera's output limit (a bound, not a target; printed to see it stays bounded).
//!
//! `cargo bench --bench hostile` runs it (a release build); it exits 1 when a target is missed.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const RUNS: usize = 5;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// The median time of `vakwijzer ARGS` in `dir`, which must end with `status`.
fn time(dir: &Path, args: &[&str], status: i32) -> Duration {
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let mut command = Command::new(env!("CARGO_BIN_EXE_vakwijzer"));
        command.args(args).current_dir(dir);
        for (key, _) in std::env::vars_os() {
            if key.to_string_lossy().starts_with("VAKWIJZER_") {
                command.env_remove(&key);
            }
        }
        let start = Instant::now();
        let output = command.output().expect("runs vakwijzer");
        times.push(start.elapsed());
        assert_eq!(
            output.status.code(),
            Some(status),
            "vakwijzer {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    median(times)
}

/// A framework of `count` competencies, every other id invalid (so each is placed in the file).
fn many_competencies(count: usize) -> String {
    let mut text = String::from(
        "kind: framework\nid: groot\nname: G\nsource: x\nclusters:\n  - id: c\n    name: C\ncompetencies:\n",
    );
    for i in 0..count {
        let id = if i % 2 == 0 {
            format!("k{i}")
        } else {
            format!("K{i}")
        };
        text.push_str(&format!("  - id: {id}\n    name: N\n    cluster: c\n"));
    }
    text
}

/// `count` links and `count` methods, each naming something that does not exist.
fn many_links_and_methods(dir: &Path, count: usize) {
    let mut links = String::from("kind: links\nlinks:\n");
    let mut methods = String::from("kind: methods\ncategories:\n");
    for i in 0..count {
        links.push_str(&format!(
            "  - framework: eindhoven\n    competency: c{i}\n    status: proposal\n    rationale: x\n    methods: [m{i}]\n"
        ));
        methods.push_str(&format!("  - id: cat{i}\n    name: C\n    source: S\n"));
    }
    methods.push_str("methods:\n");
    for i in 0..count {
        methods.push_str(&format!("  - id: m{i}\n    name: M\n    category: zz{i}\n"));
    }
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join("links.yaml"), links).unwrap();
    std::fs::write(dir.join("methods.yaml"), methods).unwrap();
}

struct Figure {
    what: &'static str,
    small: Duration,
    large: Duration,
    /// The highest ratio that meets the target, if there is one.
    target: Option<f64>,
}

impl Figure {
    fn ratio(&self) -> f64 {
        self.large.as_secs_f64() / self.small.as_secs_f64()
    }
}

fn main() {
    let work = tempfile::tempdir().expect("a temp dir");
    let d = work.path();
    let mut figures = Vec::new();

    std::fs::write(d.join("k5000.yaml"), many_competencies(5_000)).unwrap();
    std::fs::write(d.join("k20000.yaml"), many_competencies(20_000)).unwrap();
    figures.push(Figure {
        what: "framework, 20,000 against 5,000 competencies",
        small: time(d, &["validate", "k5000.yaml"], 2),
        large: time(d, &["validate", "k20000.yaml"], 2),
        target: Some(6.0),
    });

    many_links_and_methods(&d.join("links2500"), 2_500);
    many_links_and_methods(&d.join("links10000"), 10_000);
    figures.push(Figure {
        what: "10,000 against 2,500 links and methods",
        small: time(d, &["validate", "links2500"], 2),
        large: time(d, &["validate", "links10000"], 2),
        target: Some(6.0),
    });

    for (name, depth) in [("deep10000.yaml", 10_000), ("deep100000.yaml", 100_000)] {
        let text = format!("kind: framework\nid: x\nname: {}", "{a: ".repeat(depth));
        std::fs::write(d.join(name), text).unwrap();
    }
    figures.push(Figure {
        what: "YAML nested 100,000 against 10,000 deep",
        small: time(d, &["validate", "deep10000.yaml"], 2),
        large: time(d, &["validate", "deep100000.yaml"], 2),
        target: Some(10.0),
    });

    std::fs::write(d.join("tiny.yaml"), "kind: framework\n").unwrap();
    std::fs::File::create(d.join("huge.yaml"))
        .and_then(|file| file.set_len(100 * 1024 * 1024))
        .unwrap();
    figures.push(Figure {
        what: "a 100 MB file against a tiny one",
        small: time(d, &["validate", "tiny.yaml"], 2),
        large: time(d, &["validate", "huge.yaml"], 2),
        target: Some(2.0),
    });

    let loops = d.join("loops");
    std::fs::create_dir_all(&loops).unwrap();
    std::fs::write(
        loops.join("guide.md.tera"),
        "{% for i in range(end=100000) %}{% for j in range(end=100000) %}\
         xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\
         {% endfor %}{% endfor %}",
    )
    .unwrap();
    let guide = ["guide", "eindhoven", "--format", "md"];
    figures.push(Figure {
        what: "a template writing without end, against the built-in one",
        small: time(d, &guide, 0),
        large: time(d, &[&guide[..], &["--templates", "loops"]].concat(), 2),
        target: None,
    });

    let mut missed = 0;
    println!(
        "{:<58} {:>10} {:>10} {:>7}  target",
        "", "small", "large", "ratio"
    );
    for figure in &figures {
        let ratio = figure.ratio();
        let verdict = match figure.target {
            Some(target) if ratio <= target => format!("<= {target}: ok"),
            Some(target) => {
                missed += 1;
                format!("<= {target}: MISSED")
            }
            None => "(bounded)".to_string(),
        };
        println!(
            "{:<58} {:>8.1}ms {:>8.1}ms {:>7.2}  {verdict}",
            figure.what,
            figure.small.as_secs_f64() * 1000.0,
            figure.large.as_secs_f64() * 1000.0,
            ratio
        );
    }
    if missed > 0 {
        std::process::exit(1);
    }
}
