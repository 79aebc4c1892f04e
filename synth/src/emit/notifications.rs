//! The notifications emitter.
