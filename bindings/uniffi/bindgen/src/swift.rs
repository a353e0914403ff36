//! `uniffi-bindgen-swift`: the Swift generator with the options an
//! XCFramework needs (`--headers`, `--modulemap --xcframework`,
//! `--module-name`), from the built library.

fn main() {
    uniffi::uniffi_bindgen_swift();
}
