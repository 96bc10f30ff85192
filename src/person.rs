//! When two names are the same person. One rule for every command that decides it: the team
//! report's "older scan of the same person", the `--since` matching of rounds, and `forget`.
//! A name typed twice by hand differs in case, in composed or decomposed accents ("é" as one
//! character or as "e" plus a combining accent) and in spacing (a double space, a non-breaking
//! space pasted from a document); none of that makes another person.

use unicode_normalization::UnicodeNormalization;

/// The form in which two names are compared: Unicode NFC, case folded, every run of white space
/// (the non-breaking spaces U+00A0, U+2007, U+202F and other Unicode spaces included) as one
/// space, trimmed. An empty result means "no name".
pub fn normalized_name(name: &str) -> String {
    let composed: String = name.nfc().collect();
    let folded = composed.to_lowercase();
    folded
        .split(|c: char| c.is_whitespace() || is_invisible_space(c))
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether two names are the same person.
pub fn same_person(a: &str, b: &str) -> bool {
    let a = normalized_name(a);
    !a.is_empty() && a == normalized_name(b)
}

/// Whether two names that are not the same person may still be one person spelled otherwise:
/// the same letters but for accents, hyphens, dots and commas ("Noor el-Amrani"), the words of
/// one name (two or more) all in the other ("Noor Amrani", "El Amrani, Noor"), or a typo (one
/// edit in a short name, two in a longer one). `forget` shows such names and leaves the
/// decision to the person running it.
pub fn maybe_same_person(a: &str, b: &str) -> bool {
    if same_person(a, b) {
        return false;
    }
    let (a, b) = (loose_name(a), loose_name(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let words = |name: &str| -> std::collections::BTreeSet<String> {
        name.split(' ').map(str::to_string).collect()
    };
    let (words_a, words_b) = (words(&a), words(&b));
    let (fewer, more) = if words_a.len() <= words_b.len() {
        (&words_a, &words_b)
    } else {
        (&words_b, &words_a)
    };
    if fewer.len() >= 2 && fewer.is_subset(more) {
        return true;
    }
    let shortest = a.chars().count().min(b.chars().count());
    let typos = if shortest < 8 { 1 } else { 2 };
    strsim::levenshtein(&a, &b) <= typos
}

/// A name without accents and punctuation, for `maybe_same_person`.
fn loose_name(name: &str) -> String {
    let bare: String = normalized_name(name)
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| {
            if matches!(c, '-' | '.' | ',' | '\'' | '\u{2019}') {
                ' '
            } else {
                c
            }
        })
        .collect();
    bare.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Spaces that `char::is_whitespace` does not count but that separate words on screen: the
/// zero-width space and joiners pasted from web pages and word processors.
fn is_invisible_space(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_spacing_and_composition_make_no_other_person() {
        let cases = [
            ("Noor El Amrani", "noor el amrani"),
            ("Noor  El Amrani", "Noor El Amrani"),
            ("Noor\u{00A0}El Amrani", "Noor El Amrani"),
            ("Noor\u{202F}El\tAmrani ", " Noor El Amrani"),
            ("Noor\u{200B} El Amrani", "Noor El Amrani"),
            ("Ren\u{0065}\u{0301}e", "Ren\u{00E9}e"),
            ("MEHMET YILMAZ", "mehmet yilmaz"),
        ];
        for (a, b) in cases {
            assert!(same_person(a, b), "{a:?} and {b:?}");
        }
    }

    #[test]
    fn other_names_and_no_name_are_not_the_same_person() {
        assert!(!same_person("Noor El Amrani", "Noor Amrani"));
        assert!(!same_person("Sanne", "Sanne de Vries"));
        assert!(!same_person("", ""));
        assert!(!same_person(" \u{00A0} ", ""));
    }

    #[test]
    fn other_spellings_may_be_the_same_person_and_other_names_not() {
        let near = [
            ("Noor El Amrani", "Noor el-Amrani"),
            ("Noor El Amrani", "Noor Amrani"),
            ("Noor El Amrani", "El Amrani, Noor"),
            ("Noor El Amrani", "Nour El Amrani"),
            ("Ren\u{00E9}e Jansen", "Renee Jansen"),
            ("Mehmet Yilmaz", "Mehmet Y\u{0131}lmaz"),
        ];
        for (a, b) in near {
            assert!(maybe_same_person(a, b), "{a:?} and {b:?}");
        }
        let other = [
            ("Noor El Amrani", "noor  el amrani"),
            ("Noor El Amrani", "Noor"),
            ("Noor El Amrani", "Sanne de Vries"),
            ("Anna Vos", "Bea Smit"),
            ("Jan", "Jip"),
            ("", "Noor"),
        ];
        for (a, b) in other {
            assert!(!maybe_same_person(a, b), "{a:?} and {b:?}");
        }
    }

    #[test]
    fn the_normal_form_is_lower_case_single_spaced() {
        assert_eq!(
            normalized_name("  Sanne\u{00A0}\u{00A0}DE  Vries "),
            "sanne de vries"
        );
    }
}
