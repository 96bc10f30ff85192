//! Time and size of the real PDF reports: the personal scan report (with progress) of the
//! example scans and the interview guide for all eight competencies, built from the bundled
//! data exactly as `vakwijzer report --format pdf` and `vakwijzer guide --format pdf` do.
//! Targets: a median under 50 ms and a file under 150 KB each.
//!
//! `cargo bench --bench pdf` runs it; `-- --save DIR` also keeps the PDFs, to look at.

use std::path::Path;
use std::time::{Duration, Instant};

use vakwijzer::framework::Library;
use vakwijzer::layout;
use vakwijzer::render::pdf;
use vakwijzer::report::{guide, personal};
use vakwijzer::result::load_scan;

const RUNS: usize = 50;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// Renders `build()` RUNS times; returns the median time (document building and rendering,
/// everything after loading the inputs) and the last PDF.
fn measure(build: impl Fn() -> pdf::Document) -> (Duration, Vec<u8>) {
    let mut times = Vec::with_capacity(RUNS);
    let mut bytes = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        bytes = pdf::render(&build()).expect("the PDF renders");
        times.push(start.elapsed());
    }
    (median(times), bytes)
}

fn main() {
    let save = std::env::args().skip_while(|a| a != "--save").nth(1);
    let library = Library::load(None).expect("the bundled data loads");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/examples/scans");
    let current = load_scan(&examples.join("sanne-2026-11.yaml"), &library).expect("scan");
    let previous = load_scan(&examples.join("sanne-2026-05.yaml"), &library).expect("scan");
    let framework = library.framework("eindhoven").expect("framework");

    let (report_time, report_pdf) = measure(|| {
        let report = personal::build(
            &library,
            framework,
            library.default_role(&framework.id),
            &current.result,
            &[&previous.result],
            vec![],
        );
        pdf::from_layout(&layout::personal::layout(&report))
    });
    let (guide_time, guide_pdf) = measure(|| {
        let guide = guide::build(&library, framework, &Default::default()).expect("guide");
        pdf::from_layout(&layout::guide::layout(&guide))
    });
    for (name, time, bytes) in [
        ("personal scan report", report_time, &report_pdf),
        ("interview guide (8 competencies)", guide_time, &guide_pdf),
    ] {
        println!(
            "{name}: median {:.1} ms over {RUNS} runs, {:.1} KB (targets: 50 ms, 150 KB)",
            time.as_secs_f64() * 1000.0,
            bytes.len() as f64 / 1024.0
        );
    }
    if let Some(dir) = save {
        std::fs::write(Path::new(&dir).join("report.pdf"), &report_pdf).expect("write");
        std::fs::write(Path::new(&dir).join("guide.pdf"), &guide_pdf).expect("write");
        println!("saved report.pdf and guide.pdf in {dir}");
    }
}
