//! A package whose pipelines are synthesized by its build script.
