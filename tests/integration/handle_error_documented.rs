//! The README shows the compiler's exact error for a handle used in another
//! pipeline, as `tests/ui/03_handle_of_another_pipeline.stderr` records it,
//! so a changed message fails here and the README is updated with it.

#[test]
fn the_readme_shows_the_lifetime_error_of_a_handle_of_another_pipeline() {
    let readme = include_str!("../../README.md");
    let stderr = include_str!("../ui/03_handle_of_another_pipeline.stderr");
    let first_error: Vec<&str> = stderr.lines().take_while(|line| !line.is_empty()).collect();
    assert!(first_error[0].starts_with("error[E0521]"), "{stderr}");
    assert!(readme.contains(&first_error.join("\n")), "README.md does not show:\n{}", first_error.join("\n"));
    let second_error = stderr.lines().find(|line| line.starts_with("error: ")).expect("a second error");
    assert!(readme.contains(second_error));
}
