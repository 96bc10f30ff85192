//! The header every result file begins with, whatever its kind: schema, kind, framework and its
//! fingerprint, who it is about, when it was begun and saved, what it asks, whether it is done.

/// Declares the struct of a result kind with the header fields in the order they are written,
/// the kind's own fields (`who`: the people it is about, written after the fingerprint) and the
/// rest after `complete`. The fields are spelled once here rather than held in a nested struct,
/// because serde's `flatten` cannot be combined with `deny_unknown_fields` and loses the line of
/// an error in the nested fields; the files stay as they were, field for field.
///
/// ```ignore
/// result_struct! {
///     /// A development plan.
///     pub struct PlanResult {
///         who { pub name: String, }
///         #[serde(default, deserialize_with = "crate::result::unique_keys")]
///         pub actions: BTreeMap<String, String>,
///     }
/// }
/// ```
macro_rules! result_struct {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            who { $( $(#[$who_meta:meta])* pub $who:ident : $who_ty:ty, )* }
            $( $(#[$own_meta:meta])* pub $own:ident : $own_ty:ty, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            pub schema: u32,
            pub kind: $crate::result::ResultKind,
            pub framework: String,
            /// Fingerprint of the framework's content when the result was begun.
            pub fingerprint: String,
            $( $(#[$who_meta])* pub $who: $who_ty, )*
            pub started: String,
            pub updated: String,
            /// The competencies asked; empty means all of the framework.
            #[serde(default, skip_serializing_if = "Vec::is_empty")]
            pub competencies: Vec<String>,
            pub complete: bool,
            $( $(#[$own_meta])* pub $own: $own_ty, )*
        }

        impl $name {
            /// A new, unfinished result of `framework`, begun now, asking `competencies`
            /// (empty: all); the kind's own fields are empty.
            pub fn begin(framework: &$crate::framework::Framework, competencies: Vec<String>) -> Self {
                let now = $crate::result::now();
                $name {
                    schema: $crate::result::SCHEMA_VERSION,
                    kind: <$name as $crate::result::Record>::KIND,
                    framework: framework.id.clone(),
                    fingerprint: $crate::result::fingerprint(framework),
                    $( $who: Default::default(), )*
                    started: now.clone(),
                    updated: now,
                    competencies,
                    complete: false,
                    $( $own: Default::default(), )*
                }
            }

            /// The date part of `started`, for reports and file names.
            pub fn date(&self) -> &str {
                self.started.get(..10).unwrap_or(&self.started)
            }
        }

        impl $crate::result::Header for $name {
            fn schema(&self) -> u32 {
                self.schema
            }
            fn kind(&self) -> $crate::result::ResultKind {
                self.kind
            }
            fn framework(&self) -> &str {
                &self.framework
            }
            fn fingerprint(&self) -> &str {
                &self.fingerprint
            }
            fn competencies(&self) -> &[String] {
                &self.competencies
            }
            fn complete(&self) -> bool {
                self.complete
            }
            fn touch(&mut self) {
                self.updated = $crate::result::now();
            }
            fn set_complete(&mut self) {
                self.complete = true;
            }
        }
    };
}

pub(crate) use result_struct;

/// The header of a result, for what every kind does alike: read, check, resume and save it.
/// Implemented by `result_struct!`.
pub trait Header {
    fn schema(&self) -> u32;
    fn kind(&self) -> super::ResultKind;
    fn framework(&self) -> &str;
    fn fingerprint(&self) -> &str;
    /// The competencies asked; empty means all of the framework.
    fn competencies(&self) -> &[String];
    fn complete(&self) -> bool;
    /// Marks the result as saved now.
    fn touch(&mut self);
    /// Marks the result as finished.
    fn set_complete(&mut self);
}
