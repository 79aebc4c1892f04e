//! The roles a target account must hold for cross-account actions.
