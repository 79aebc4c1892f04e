//! The cross_account emitter.
