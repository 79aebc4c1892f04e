//! What the builders of the model structs report when a required field is
//! missing.
//!
//! The model structs are `#[non_exhaustive]`, so fields AWS adds do not break
//! code that uses them; outside this crate they are built with their
//! builders (`ArtifactStoreBuilder`, `ConditionBuilder`, ...), whose optional
//! fields default to absent.

/// A model struct's builder was asked to build before one of its required
/// fields was set.
///
/// ```
/// use pipewright_dsl::model::EncryptionKeyBuilder;
///
/// let error = EncryptionKeyBuilder::default().build().unwrap_err();
/// assert_eq!(error.structure(), "EncryptionKey");
/// assert_eq!(error.field(), "id");
/// assert_eq!(
///     error.to_string(),
///     "EncryptionKey: the required field `id` is not set; call `.id(...)` on EncryptionKeyBuilder before `.build()`"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
#[error("{structure}: the required field `{field}` is not set; call `.{field}(...)` on {structure}Builder before `.build()`")]
pub struct MissingField {
    structure: &'static str,
    field: &'static str,
}

impl MissingField {
    /// `field` of `structure` was not set.
    pub(crate) fn new(structure: &'static str, field: &'static str) -> MissingField {
        MissingField { structure, field }
    }

    /// The struct being built, e.g. `RuleTypeId`.
    pub fn structure(&self) -> &'static str {
        self.structure
    }

    /// The field that was not set, e.g. `provider`.
    pub fn field(&self) -> &'static str {
        self.field
    }
}

/// Gives each builder a public `build` whose error names the struct as well
/// as the field (derive_builder's own error knows only the field).
macro_rules! build_naming_the_struct {
    ($($structure:ident => $builder:ident),* $(,)?) => {$(
        impl $builder {
            /// Builds the value; fails with [`MissingField`](crate::model::MissingField)
            /// when a required field is not set.
            pub fn build(&self) -> Result<$structure, $crate::model::MissingField> {
                self.build_fields()
                    .map_err(|error| $crate::model::MissingField::new(stringify!($structure), error.field_name()))
            }
        }
    )*};
}
pub(crate) use build_naming_the_struct;
