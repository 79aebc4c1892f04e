//! The mistakes the typed layer must reject at compile time (DESIGN.md,
//! "What the compiler must reject"), one case per file in `tests/ui/`, each
//! with the compiler's message in its `.stderr`. Bless changed messages with
//! `TRYBUILD=overwrite cargo test --test compile_fail` and read them.

#[test]
fn mis_wired_pipelines_do_not_compile() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
