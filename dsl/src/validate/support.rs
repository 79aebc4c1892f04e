//! The generated support resources and role templates: what the generated
//! service role cannot run, deployment roles in other accounts without
//! permissions, and generated policies past IAM's size limits (see
//! [`crate::support`]).

use super::context::Context;
use crate::Violation;

/// Reports what [`crate::support`] finds about the pipeline's generated roles.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Violation>) {
    out.extend(crate::support::findings(cx.pipeline));
}
