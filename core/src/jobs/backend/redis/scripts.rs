//! The Lua scripts that make each state change atomic, loaded once per
//! process and run with EVALSHA (falling back to EVAL when the server lost
//! them, e.g. after SCRIPT FLUSH or a restart).

use std::sync::LazyLock;

use ::redis::Script;

/// Each script is the shared prelude (key names, lease and queue moves)
/// followed by its own body.
macro_rules! script {
    ($file:literal) => {
        Script::new(concat!(
            include_str!("lua/prelude.lua"),
            include_str!(concat!("lua/", $file))
        ))
    };
}

/// Every script of the store.
pub(super) struct Scripts {
    pub enqueue: Script,
    pub claim: Script,
    pub heartbeat: Script,
    pub complete: Script,
    pub fail: Script,
    pub release: Script,
    pub cancel: Script,
    pub sweep: Script,
}

/// The scripts, hashed once.
pub(super) static SCRIPTS: LazyLock<Scripts> = LazyLock::new(|| Scripts {
    enqueue: script!("enqueue.lua"),
    claim: script!("claim.lua"),
    heartbeat: script!("heartbeat.lua"),
    complete: script!("complete.lua"),
    fail: script!("fail.lua"),
    release: script!("release.lua"),
    cancel: script!("cancel.lua"),
    sweep: script!("sweep.lua"),
});
