//! Guarantee 14: the providers' value sets can grow without breaking users.
//! A `match` on a provider's enum needs a wildcard arm, because AWS adds
//! values (a new canned ACL must not break code that matched every old one).

use pipewright::prelude::*;

fn header(acl: CannedAcl) -> &'static str {
    match acl {
        CannedAcl::Private => "private",
        CannedAcl::PublicRead => "public-read",
        CannedAcl::PublicReadWrite => "public-read-write",
        CannedAcl::AuthenticatedRead => "authenticated-read",
        CannedAcl::AwsExecRead => "aws-exec-read",
        CannedAcl::BucketOwnerRead => "bucket-owner-read",
        CannedAcl::BucketOwnerFullControl => "bucket-owner-full-control",
        CannedAcl::LogDeliveryWrite => "log-delivery-write",
    }
}

fn main() {
    let _ = header(CannedAcl::Private);
}
