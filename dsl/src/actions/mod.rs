//! Typed actions, one file per category. Each action takes its required
//! settings and inputs as arguments of `new(...)` and the optional ones as
//! setters; configuration keys are exactly AWS's.

mod build;
mod deploy;
mod source;

pub use build::CodeBuild;
pub use deploy::EcsDeploy;
pub use source::{CodeCommitSource, CodeCommitVariables, CodeStarConnectionSource, ConnectionVariables};
