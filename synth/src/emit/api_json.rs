//! The api_json emitter.
