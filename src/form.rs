//! The offline HTML form (`vakwijzer form`): a self-scan to fill in a browser, without a
//! terminal. The page keeps every answer in the browser as it is given and saves a scan result
//! file that the other commands read as if `scan` had written it.
//!
//! The page is the one HTML output with a script. Its Content-Security-Policy allows exactly
//! that script and that stylesheet (by their SHA-256 hashes) and no network at all, so a text
//! from a framework that slipped past escaping could still run nothing and send nothing.

use base64::Engine;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::Result;
use crate::framework::{Framework, Scale};
use crate::render::template::Templates;
use crate::result::{self, ResultKind, SCHEMA_VERSION};
use crate::{i18n, t};

/// The form as its template sees it (`report` in `form.html.tera`).
#[derive(Debug, Serialize)]
pub struct Form {
    pub title: String,
    pub framework: String,
    /// The role's name, when the form was made for one.
    pub role: Option<String>,
    pub scale: Scale,
    pub competencies: Vec<FormCompetency>,
    pub statement_count: usize,
    /// What the page's script needs, as JSON (`script_data`).
    #[serde(skip)]
    pub script: ScriptData,
}

#[derive(Debug, Serialize)]
pub struct FormCompetency {
    pub id: String,
    pub name: String,
    pub definition: Option<String>,
    /// The label of its note, "Een voorbeeld uit je praktijk bij ...?".
    pub note_label: String,
    pub statements: Vec<Statement>,
}

#[derive(Debug, Serialize)]
pub struct Statement {
    pub id: String,
    pub text: String,
}

/// The fixed fields of the result file the page writes, and its messages.
#[derive(Debug, Serialize)]
pub struct ScriptData {
    /// Where the browser keeps the answers: one key per form, so that two forms (another
    /// framework, another version of it, another role) never share answers, and the same form
    /// made again goes on with them.
    pub key: String,
    /// The first line of every result file.
    pub header: String,
    pub schema: u32,
    pub kind: ResultKind,
    pub framework: String,
    pub fingerprint: String,
    pub role: Option<String>,
    /// The statement ids, in order: what counts towards "complete".
    pub statements: Vec<String>,
    /// Catalogue texts the script shows, with their `{placeholders}`.
    pub messages: std::collections::BTreeMap<&'static str, String>,
}

/// The texts the page's script shows.
const SCRIPT_MESSAGES: [(&str, &str); 7] = [
    ("progress", "form.progress"),
    ("name_needed", "form.name_needed"),
    ("saved", "form.saved"),
    ("saved_incomplete", "form.saved_incomplete"),
    ("clear_confirm", "form.clear_confirm"),
    ("cleared", "form.cleared"),
    ("not_kept", "form.not_kept"),
];

/// The form for a framework's self-scan, for everyone or for one role (its id and name).
pub fn build(framework: &Framework, scale: &Scale, role: Option<(String, String)>) -> Form {
    let competencies: Vec<FormCompetency> = framework
        .scan_competencies(&[])
        .into_iter()
        .map(|competency| FormCompetency {
            id: competency.id.clone(),
            name: competency.name.clone(),
            definition: competency.definition.clone(),
            note_label: t!(
                "scan.note_question",
                competency = competency.name.trim_end_matches('.')
            ),
            statements: competency
                .indicators
                .iter()
                .map(|item| Statement {
                    id: item.id.clone(),
                    text: item.text.clone(),
                })
                .collect(),
        })
        .collect();
    let statements: Vec<String> = competencies
        .iter()
        .flat_map(|c| c.statements.iter().map(|s| s.id.clone()))
        .collect();
    let fingerprint = result::fingerprint(framework);
    let (role_id, role_name) = role.unzip();
    let key = format!(
        "vakwijzer-form:{}:{}:{}",
        framework.id,
        fingerprint,
        role_id.as_deref().unwrap_or("")
    );
    let messages = SCRIPT_MESSAGES
        .iter()
        .map(|(name, key)| (*name, i18n::text(key)))
        .collect();
    Form {
        title: t!("form.title", framework = &framework.name),
        framework: framework.name.clone(),
        role: role_name,
        scale: scale.clone(),
        statement_count: statements.len(),
        competencies,
        script: ScriptData {
            key,
            header: format!("# {}", t!("result.file_header")),
            schema: SCHEMA_VERSION,
            kind: ResultKind::Scan,
            framework: framework.id.clone(),
            fingerprint,
            role: role_id,
            statements,
            messages,
        },
    }
}

/// The page: `form.html` with `form.css` and `form.js` inline, and a policy that allows
/// those two and nothing else.
pub fn render(form: &Form, templates: &Templates) -> Result<String> {
    let style = templates.render("form.css", form)?;
    let script = templates.render("form.js", form)?;
    let csp = content_security_policy(&script, &style);
    let data = script_json(&form.script);
    templates.render_with(
        "form.html",
        form,
        &[
            ("style", &style),
            ("script", &script),
            ("script_data", &data),
            ("csp", &csp),
        ],
    )
}

/// No network of any kind, no plugins, no frames, no form submission; only the page's own
/// script and stylesheet, named by hash (an inline script added by anyone else is refused).
pub fn content_security_policy(script: &str, style: &str) -> String {
    format!(
        "default-src 'none'; script-src '{}'; style-src '{}'; img-src 'none'; font-src 'none'; \
         connect-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; \
         worker-src 'none'; manifest-src 'none'; form-action 'none'; base-uri 'none'",
        csp_hash(script),
        csp_hash(style)
    )
}

/// A CSP source for an inline element's exact text: `sha256-` and its digest in base64.
fn csp_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The script's data as JSON that can stand inside `<script type="application/json">`: a `<`
/// in a framework's text could otherwise close the element (`</script>`), so every `<` is
/// written as its JSON escape, which only a string can hold and the script reads back as `<`.
fn script_json(data: &ScriptData) -> String {
    serde_json::to_string(data)
        .unwrap_or_default()
        .replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_names_the_script_and_style_by_hash_and_allows_no_network() {
        let policy = content_security_policy("alert(1)", "p{}");
        // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
        assert!(
            policy.contains("script-src 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='")
        );
        assert!(policy.contains("default-src 'none'"));
        assert!(policy.contains("connect-src 'none'"));
        assert!(!policy.contains("unsafe"));
    }

    #[test]
    fn script_data_cannot_close_its_element() {
        let data = ScriptData {
            key: "k".into(),
            header: "# </script><script>alert(1)</script>".into(),
            schema: 1,
            kind: ResultKind::Scan,
            framework: "f".into(),
            fingerprint: "sha256:0".into(),
            role: None,
            statements: vec![],
            messages: Default::default(),
        };
        let json = script_json(&data);
        assert!(!json.contains('<'));
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["header"], "# </script><script>alert(1)</script>");
    }
}
