//! The mistakes the typed layer must reject at compile time (DESIGN.md,
//! "What the compiler must reject"), one case per file in `tests/ui/`, each
//! with the compiler's message in its `.stderr`.
//!
//! The `.stderr` files hold rustc 1.95's exact wording, which changes from
//! one compiler release to the next, so the suite runs on rustc 1.95 only;
//! with any other compiler it is listed as ignored, with the reason, and
//! `cargo test -- --include-ignored` runs it anyway to show the differences.
//! After moving to a new compiler, regenerate the files with
//! `TRYBUILD=overwrite cargo test --test integration compile_fail`, read every
//! changed message, and change the version below and the README.

// Before `#[test]`, which reads `ignore` when it expands.
#[rustversion::attr(
    not(stable(1.95)),
    ignore = "the compile-fail messages in tests/ui are rustc 1.95's; regenerate them for this compiler (see tests/integration/compile_fail.rs)"
)]
#[test]
fn mis_wired_pipelines_do_not_compile() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
