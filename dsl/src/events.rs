//! EventBridge rules that start a pipeline or react to its state changes.
