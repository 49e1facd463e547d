// serde
