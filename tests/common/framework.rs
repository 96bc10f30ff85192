//! A framework as the binary shows it (`show FRAMEWORK --format json`): what a test expects
//! on screen and in the files comes from there, not from a copy of data/.

use std::path::Path;

pub struct Item {
    pub id: String,
    pub text: String,
}

pub struct Competency {
    pub id: String,
    pub name: String,
    /// The behaviour indicators: the statements of a self-scan.
    pub indicators: Vec<Item>,
    /// The interview questions.
    pub questions: Vec<Item>,
}

impl Competency {
    /// Question `number`, counted from 1 as the interview numbers them.
    pub fn question(&self, number: usize) -> &Item {
        &self.questions[number - 1]
    }
}

fn items(list: &serde_json::Value) -> Vec<Item> {
    list.as_array()
        .map(|list| {
            list.iter()
                .map(|i| Item {
                    id: i["id"].as_str().unwrap().to_string(),
                    text: i["text"].as_str().unwrap().to_string(),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Every competency of `framework`, in framework order.
pub fn competencies(framework: &str) -> Vec<Competency> {
    let output = super::command(Path::new(super::ROOT))
        .args(["show", framework, "--format", "json"])
        .output()
        .expect("runs vakwijzer show");
    assert!(
        output.status.success(),
        "show {framework} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("show gives JSON");
    json["competencies"]
        .as_array()
        .expect("a list of competencies")
        .iter()
        .map(|c| Competency {
            id: c["id"].as_str().unwrap().to_string(),
            name: c["name"].as_str().unwrap().to_string(),
            indicators: items(&c["indicators"]),
            questions: items(&c["questions"]),
        })
        .collect()
}

/// The competencies `ids` of `framework`, in the order given.
pub fn competencies_of(framework: &str, ids: &[&str]) -> Vec<Competency> {
    let mut all = competencies(framework);
    ids.iter()
        .map(|id| {
            let at = all
                .iter()
                .position(|c| c.id == *id)
                .unwrap_or_else(|| panic!("no competency {id} in {framework}"));
            all.remove(at)
        })
        .collect()
}

/// The first `count` characters of `text`: enough to know a wrapped line by its opening.
pub fn opening(text: &str, count: usize) -> String {
    text.chars().take(count).collect()
}
