//! The cloudformation emitter.
