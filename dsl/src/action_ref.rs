//! Naming an action of the pipeline being defined, and the brand every
//! handle carries.
//!
//! The brand is the invariant lifetime `'p` of the [`crate::Pipeline::build`]
//! call that created a handle, so a handle of one pipeline cannot be used in
//! another.

use std::marker::PhantomData;

/// The invariant brand of one pipeline definition.
pub(crate) type Brand<'p> = PhantomData<fn(&'p ()) -> &'p ()>;

/// An action of this pipeline, for ordering (`.after(&handle)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActionRef<'p> {
    pub(crate) stage: usize,
    pub(crate) index: usize,
    pub(crate) brand: Brand<'p>,
}

/// Anything that names an action of this pipeline.
pub trait HasActionRef<'p> {
    /// The action.
    fn action_ref(&self) -> ActionRef<'p>;
}

impl<'p> HasActionRef<'p> for ActionRef<'p> {
    fn action_ref(&self) -> ActionRef<'p> {
        *self
    }
}
