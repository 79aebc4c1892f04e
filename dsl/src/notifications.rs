//! CodeStar Notifications rules that report on a pipeline.
