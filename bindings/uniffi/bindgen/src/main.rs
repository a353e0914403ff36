//! `uniffi-bindgen`: generates the foreign-language sources of the uniffi
//! bindings from the built library (library mode, no UDL):
//! `uniffi-bindgen generate --library PATH/libresume_engine_uniffi.so
//! --language kotlin --out-dir OUT`.

fn main() {
    uniffi::uniffi_bindgen_main();
}
