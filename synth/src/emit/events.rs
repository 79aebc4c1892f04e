//! The events emitter.
