//! veristep-core: a model of the Linux BPF verifier (5.19 before commit
//! 9d9d00ac, 6.1, 6.7) for calls, callbacks and reference tracking, that
//! returns its verdict, its kernel-format log and a trace of its whole
//! exploration as data. No I/O: the CLI and the web app are views over
//! [`Outcome`].

pub(crate) mod alloc_obj;
pub mod asm;
pub mod btf;
pub mod btf_access;
pub mod btf_record;
pub mod disasm;
pub mod elf;
pub(crate) mod helper_ids;
pub mod insn;
pub mod kallsyms;
pub mod kconfig;
pub(crate) mod kfuncs;
pub mod map_create;
pub mod program;

pub use insn::Insn;
pub use program::{AttachType, MapDef, MapType, ProgFlags, ProgType, Program};

/// Which kernel's rules to apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum KernelVersion {
    /// 5.19.0–5.19.16: before 9d9d00ac (no `callback_ref`).
    V5_19,
    /// 6.1: 9d9d00ac; callbacks verified once.
    #[default]
    V6_1,
    /// Linux 6.12 (named `6.12`; `6.7`, the release that began verifying
    /// callbacks as if called any number of times, is an alias).
    V6_7,
}

impl KernelVersion {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "5.19" => Some(KernelVersion::V5_19),
            "6.1" => Some(KernelVersion::V6_1),
            // the mode follows Linux 6.12; 6.7 is its old name
            "6.7" | "6.12" => Some(KernelVersion::V6_7),
            _ => None,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            KernelVersion::V5_19 => "5.19",
            KernelVersion::V6_1 => "6.1",
            KernelVersion::V6_7 => "6.12",
        }
    }
}

mod alu;
pub(crate) mod backtrack;
mod branches;
mod branches612;
mod calls;
pub(crate) mod cfg;
mod checkpoints;
mod ctx;
mod do_check;
pub mod dynptr;
pub(crate) mod env;
pub mod explore;
mod fastcall;
mod func_arg;
mod func_proto;
pub mod graph;
pub mod heat;
pub(crate) mod helpers;
mod iters;
mod kfunc_args;
mod kptrs;
mod ld;
mod liveness;
mod log;
pub mod logread;
mod mem;
pub(crate) mod mode;
pub mod origin;
mod outcome;
mod precision;
mod print_state;
mod pruning;
mod rcu;
pub mod reason;
mod refs;
mod regs;
pub mod relo_core;
mod stack;
mod state;
pub(crate) mod tnum;
pub mod trace;
mod verify;
mod worklist;

pub use kfuncs::by_btf_id as kfunc_by_btf_id;
pub use kfuncs::by_text_id as kfunc_by_text_id;
pub use log::{reg_value_str, BPF_LOG_LEVEL1, BPF_LOG_LEVEL2, BPF_LOG_STATS};
pub use outcome::{Outcome, Stats, Verdict, VerifierError};
pub use regs::{RegState, RegType};
pub use state::{FuncState, RefState, SlotType, StackSlot};
pub use verify::{verify, verify_streaming, Options};
