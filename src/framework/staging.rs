//! What the layer merge holds while it runs: every document entry with the layer and file it
//! came from, found by key, and what can be read of the files that did not parse.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use super::load::Located;
use super::model::*;

/// What the merged library holds, with the file each part came from, for the cross checks.
#[derive(Default)]
pub(super) struct Staging {
    pub(super) frameworks: Keyed<String, Framework>,
    pub(super) boks: Option<(usize, Located<Boks>)>,
    pub(super) links: Keyed<(String, String), Link>,
    pub(super) categories: Keyed<String, MethodCategory>,
    pub(super) methods: Keyed<String, Method>,
    pub(super) scales: Keyed<String, Scale>,
    pub(super) roles: Keyed<String, Role>,
    pub(super) raters: Keyed<String, RaterKind>,
    pub(super) organisation: Option<Located<OrganisationDocument>>,
    /// The role that is the default for each framework, with the layer that says so.
    pub(super) defaults: HashMap<String, (usize, String)>,
}

/// Entries in the order they were first added, each with its layer, found by key in constant
/// time (a data file may hold many thousands).
pub(super) struct Keyed<K, T> {
    entries: Vec<(usize, Located<T>)>,
    index: HashMap<K, usize>,
}

impl<K, T> Default for Keyed<K, T> {
    fn default() -> Self {
        Keyed {
            entries: Vec::new(),
            index: HashMap::new(),
        }
    }
}

impl<K: Hash + Eq, T> Keyed<K, T> {
    /// Adds or replaces an entry by key. A second entry with the same key in the same layer is
    /// a duplicate (reported); in a later layer it replaces the earlier one (an override).
    pub(super) fn upsert(&mut self, layer: usize, item: Located<T>, key: K) -> bool {
        match self.index.get(&key) {
            Some(&at) if self.entries[at].0 == layer => false,
            Some(&at) => {
                self.entries[at] = (layer, item);
                true
            }
            None => {
                self.index.insert(key, self.entries.len());
                self.entries.push((layer, item));
                true
            }
        }
    }

    pub(super) fn get_mut(&mut self, key: &K) -> Option<&mut (usize, Located<T>)> {
        self.index.get(key).map(|&at| &mut self.entries[at])
    }

    pub(super) fn get(&self, key: &K) -> Option<&Located<T>> {
        self.index.get(key).map(|&at| &self.entries[at].1)
    }

    pub(super) fn iter(&self) -> std::slice::Iter<'_, (usize, Located<T>)> {
        self.entries.iter()
    }

    /// The entries' documents, in order, moved out.
    pub(super) fn into_docs(self) -> Vec<T> {
        self.entries.into_iter().map(|(_, item)| item.doc).collect()
    }
}

/// What can be read of a file that does not parse, to leave out the problems it causes
/// elsewhere: a targets file naming its framework is no news while the framework is broken.
pub(super) struct Broken<'a> {
    kind: Option<&'a str>,
    /// The words of the file (runs of id characters), to look an id up in constant time.
    words: HashSet<&'a str>,
}

impl<'a> Broken<'a> {
    pub(super) fn read(text: &'a str) -> Self {
        let kind = text.lines().find_map(|line| {
            let value = line.strip_prefix("kind")?.trim_start().strip_prefix(':')?;
            let value = value.split(" #").next().unwrap_or_default().trim();
            Some(value.trim_matches(|c| c == '"' || c == '\''))
        });
        let words = text
            .split(|c: char| !(c.is_alphanumeric() || "-_.".contains(c)))
            .filter(|w| !w.is_empty())
            .collect();
        Broken { kind, words }
    }

    /// Whether this file may be where `id`, a thing of kind `what`, is defined: a document of
    /// that kind (or of a kind it does not say) that mentions the id.
    pub(super) fn may_define(&self, what: &str, id: &str) -> bool {
        let kind = match what {
            "framework" => "framework",
            "method" | "category" => "methods",
            "scale" => "scales",
            "boks_row" => "boks",
            _ => return false,
        };
        self.kind.is_none_or(|k| k == kind) && self.words.contains(id)
    }
}
