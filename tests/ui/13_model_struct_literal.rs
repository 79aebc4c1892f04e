//! Guarantee 13: the model can grow without breaking users. A model struct
//! cannot be written as a literal outside pipewright, where a field AWS adds
//! would break it; its builder (`ArtifactStoreBuilder`, ...) is the way, or a
//! constructor such as `ArtifactStore::s3`.

use pipewright::model::{ArtifactStore, ArtifactStoreType};

fn main() {
    let store = ArtifactStore {
        store_type: ArtifactStoreType::S3,
        location: "bucket".into(),
        encryption_key: None,
    };
    let _ = store;
}
