//! The fingerprint of the rules a record was made with. Any change to what loading or
//! extraction would produce must change it, so it covers the program itself: its version, the
//! [`RULES_VERSION`] below, and the running executable's size and modification time (a
//! rebuilt or reinstalled program never reads another build's records; the gazetteer and word
//! lists are compiled into it).

use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::OnceLock;

/// Bump when a rule changes what a file yields (belt and braces beside the executable's own
/// identity, which already changes with every build).
pub const RULES_VERSION: u32 = 7;

/// The rules fingerprint of this program, computed once.
pub fn fingerprint() -> u64 {
    static FINGERPRINT: OnceLock<u64> = OnceLock::new();
    *FINGERPRINT.get_or_init(|| {
        let mut h = DefaultHasher::new();
        RULES_VERSION.hash(&mut h);
        env!("CARGO_PKG_VERSION").hash(&mut h);
        let exe = std::env::current_exe()
            .ok()
            .and_then(|p| std::fs::metadata(p).ok());
        match exe {
            Some(m) => {
                m.len().hash(&mut h);
                m.modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map(|d| d.as_nanos())
                    .hash(&mut h);
            }
            // Without the executable's identity no record can be matched to this build: a
            // fresh value per run makes every lookup miss.
            None => super::now_ns().hash(&mut h),
        }
        h.finish()
    })
}
