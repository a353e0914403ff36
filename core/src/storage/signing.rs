//! HMAC-SHA256 signed, expiring URLs for the local store's file server.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use hmac::{KeyInit, Mac};
use sha2::Sha256;

use super::{BlobKey, StorageError};

type HmacSha256 = hmac::Hmac<Sha256>;

/// Signs and checks `(key, expires)` pairs with a server secret, so a URL
/// such as `/files/jobs/<id>/modern.pdf?expires=…&signature=…` grants access
/// to that one file until that second, and not after.
#[derive(Clone)]
pub struct UrlSigner {
    /// HMAC-SHA256 keyed with the secret, cloned for each message.
    keyed: HmacSha256,
}

impl UrlSigner {
    /// The shortest secret accepted, in bytes (the HMAC-SHA256 output size).
    pub const MIN_SECRET_BYTES: usize = 32;

    /// A signer with `secret`, which must have at least
    /// [`MIN_SECRET_BYTES`](Self::MIN_SECRET_BYTES) bytes.
    pub fn new(secret: impl Into<Vec<u8>>) -> Result<Self, StorageError> {
        let secret = secret.into();
        if secret.len() < Self::MIN_SECRET_BYTES {
            return Err(StorageError::Config(format!(
                "the URL signing secret has {} bytes; at least {} are needed",
                secret.len(),
                Self::MIN_SECRET_BYTES
            )));
        }
        let keyed = <HmacSha256 as KeyInit>::new_from_slice(&secret)
            .map_err(|_| StorageError::Config("the URL signing secret is unusable".into()))?;
        Ok(Self { keyed })
    }

    /// The hex HMAC-SHA256 of `key` and `expires` (Unix seconds).
    pub fn signature(&self, key: &BlobKey, expires: u64) -> String {
        hex::encode(self.mac(key, expires).finalize().into_bytes())
    }

    /// `BASE/KEY?expires=E&signature=HEX`; a trailing `/` of `base_url` is
    /// dropped. Keys need no escaping (see [`BlobKey`]).
    pub fn sign_url(&self, base_url: &str, key: &BlobKey, expires: u64) -> String {
        format!(
            "{}/{key}?expires={expires}&signature={}",
            base_url.trim_end_matches('/'),
            self.signature(key, expires)
        )
    }

    /// Checks that `signature` (hex) signs `key` and `expires`, in constant
    /// time, and that `now` (Unix seconds) is not past `expires`. The
    /// signature is checked first, so only a genuine URL is reported
    /// [`Expired`](StorageError::Expired).
    pub fn verify(
        &self,
        key: &BlobKey,
        expires: u64,
        signature: &str,
        now: u64,
    ) -> Result<(), StorageError> {
        let signature = hex::decode(signature).map_err(|_| StorageError::BadSignature)?;
        self.mac(key, expires)
            .verify_slice(&signature)
            .map_err(|_| StorageError::BadSignature)?;
        if now > expires {
            return Err(StorageError::Expired);
        }
        Ok(())
    }

    fn mac(&self, key: &BlobKey, expires: u64) -> HmacSha256 {
        let mut mac = self.keyed.clone();
        // A key never contains `\n`, so the message is unambiguous.
        mac.update(key.as_str().as_bytes());
        mac.update(b"\n");
        mac.update(expires.to_string().as_bytes());
        mac
    }
}

impl fmt::Debug for UrlSigner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UrlSigner")
            .field("secret", &"<redacted>")
            .finish()
    }
}

/// The current time in Unix seconds (0 if the clock is before 1970).
pub fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use proptest::prelude::*;

    use super::*;

    const SECRET: &[u8] = b"0123456789abcdef0123456789abcdef";

    fn signer() -> UrlSigner {
        UrlSigner::new(SECRET).unwrap()
    }

    fn key(text: &str) -> BlobKey {
        BlobKey::new(text).unwrap()
    }

    #[test]
    fn short_secrets_are_refused() {
        assert!(matches!(
            UrlSigner::new(&SECRET[..31]),
            Err(StorageError::Config(_))
        ));
        assert!(format!("{:?}", signer()).contains("redacted"));
        assert!(!format!("{:?}", signer()).contains("0123"));
    }

    #[test]
    fn a_signed_url_names_the_key_expiry_and_signature() {
        let k = key("jobs/1/modern.pdf");
        let url = signer().sign_url("http://h/files/", &k, 1_700_000_000);
        let signature = signer().signature(&k, 1_700_000_000);
        assert_eq!(signature.len(), 64);
        assert_eq!(
            url,
            format!("http://h/files/jobs/1/modern.pdf?expires=1700000000&signature={signature}")
        );
    }

    #[test]
    fn valid_signatures_pass_until_expiry() {
        let k = key("jobs/1/modern.pdf");
        let signature = signer().signature(&k, 100);
        assert!(signer().verify(&k, 100, &signature, 99).is_ok());
        assert!(signer().verify(&k, 100, &signature, 100).is_ok());
        assert!(matches!(
            signer().verify(&k, 100, &signature, 101),
            Err(StorageError::Expired)
        ));
    }

    #[test]
    fn tampering_is_detected() {
        let k = key("jobs/1/modern.pdf");
        let signature = signer().signature(&k, 100);
        let bad = |result: Result<(), StorageError>| {
            assert!(
                matches!(result, Err(StorageError::BadSignature)),
                "{result:?}"
            );
        };
        let mut flipped = signature.clone().into_bytes();
        flipped[10] = if flipped[10] == b'0' { b'1' } else { b'0' };
        bad(signer().verify(&k, 100, &String::from_utf8(flipped).unwrap(), 0));
        bad(signer().verify(&k, 100, &signature[..62], 0));
        bad(signer().verify(&k, 100, "not hex", 0));
        bad(signer().verify(&k, 100, "", 0));
        bad(signer().verify(&key("jobs/1/classic.pdf"), 100, &signature, 0));
        bad(signer().verify(&k, 101, &signature, 0));
        // An expired URL with a forged expiry is a bad signature, not expired.
        bad(signer().verify(&k, 50, &signature, 75));
        let other = UrlSigner::new(b"another secret of at least 32 bytes!".to_vec()).unwrap();
        bad(other.verify(&k, 100, &signature, 0));
    }

    #[test]
    fn the_clock_is_past_2020() {
        assert!(unix_now() > 1_577_836_800);
    }

    proptest! {
        #[test]
        fn only_the_signed_pair_verifies(
            name in "[a-z0-9._-]{1,20}",
            other in "[a-z0-9._-]{1,20}",
            expires in 0u64..u64::MAX / 2,
            shift in 1u64..1_000_000,
        ) {
            prop_assume!(name != "." && name != ".." && other != "." && other != "..");
            let k = key(&format!("jobs/{name}"));
            let signature = signer().signature(&k, expires);
            prop_assert!(signer().verify(&k, expires, &signature, expires).is_ok());
            prop_assert!(signer().verify(&k, expires + shift, &signature, 0).is_err());
            if name != other {
                let o = key(&format!("jobs/{other}"));
                prop_assert!(signer().verify(&o, expires, &signature, 0).is_err());
            }
        }
    }
}
