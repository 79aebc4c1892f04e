//! Guarantee 14: the providers' value sets can grow without breaking users.
//! A `match` on a provider's enum needs a wildcard arm, because AWS adds
//! values (a new capability must not break code that matched every old one).

use pipewright::prelude::*;

fn creates_iam_resources(capability: Capability) -> bool {
    match capability {
        Capability::Iam | Capability::NamedIam => true,
        Capability::AutoExpand => false,
    }
}

fn main() {
    let _ = creates_iam_resources(Capability::Iam);
}
