//! Why the verifier refused a program, as data.
//!
//! The kernel says why in one line of text; veristep keeps that line byte
//! for byte (`VerifierError::message`) and, next to it, the facts the
//! checker had when it wrote it: a [`Reason`]. Everything said to people —
//! the plain-language explanation, the story of a reference — is derived
//! here from those facts, never by reading the message back.

/// Where an out-of-bounds access pointed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Region {
    Stack,
    MapValue,
    MapKey,
    Packet,
    Context,
    /// Memory a helper returned (`alloc_mem`, `mem`, `rdonly_mem`).
    Memory,
    Socket,
    /// A flow dissector's `struct bpf_flow_keys`.
    FlowKeys,
    /// A writable raw tracepoint's buffer.
    TracepointBuffer,
    /// A kernel struct reached through a BTF pointer (`btf_struct_access`).
    KernelStruct,
}

impl Region {
    pub fn name(self) -> &'static str {
        match self {
            Region::Stack => "stack",
            Region::MapValue => "map_value",
            Region::MapKey => "map_key",
            Region::Packet => "packet",
            Region::Context => "context",
            Region::Memory => "memory",
            Region::Socket => "socket",
            Region::FlowKeys => "flow_keys",
            Region::TracepointBuffer => "tp_buffer",
            Region::KernelStruct => "kernel_struct",
        }
    }
}

/// The kind of a rejection and its facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// A frame exits holding a reference (`check_reference_leak()`):
    /// `frame` is the exiting frame (a callback's since 9d9d00ac).
    UnreleasedReference {
        id: u32,
        alloc_insn: usize,
        frame: usize,
    },
    /// A release of a reference this frame does not own: `id` is the
    /// reference the argument carries (0 if none), `owner_frame` the frame
    /// that acquired it when some frame holds it (`callback_ref`).
    ReferenceNotAcquired {
        id: u32,
        alloc_insn: Option<usize>,
        frame: usize,
        owner_frame: Option<usize>,
    },
    /// A load or store through a register that is not a pointer to memory
    /// (a scalar, a possibly-NULL pointer, a pointer of the wrong kind).
    InvalidMemAccess { reg: u8 },
    /// An access outside the region its pointer may reach.
    OutOfBounds {
        reg: Option<u8>,
        region: Region,
        off: i64,
        size: u64,
    },
    /// A read of a register or stack bytes that hold no value.
    Uninitialized {
        reg: Option<u8>,
        stack_off: Option<i64>,
    },
    /// A read that may reach the stack bytes of a dynptr or an open-coded
    /// iterator (`STACK_DYNPTR`, `STACK_ITER`): their state, not data.
    SpecialStackSlot { reg: Option<u8>, stack_off: i64 },
    /// The frames of one call chain use more than 512 bytes of stack.
    CombinedStackTooLarge { size: i64 },
    /// The walk processed more than the kernel's 1M instructions.
    TooManyInsns { processed: u64 },
    /// The walk came back to the same state inside a loop.
    InfiniteLoop { insn: usize },
    /// A callback returned a value outside its range.
    CallbackReturnRange { min: i64, max: i64 },
    /// Calls (callbacks included) nest deeper than 8 frames.
    CallDepth { frames: usize },
    /// An access whose address is not a multiple of its size where the
    /// kernel requires alignment (the stack always, atomics everywhere).
    MisalignedAccess { reg: u8 },
    /// A store into memory the program may only read: a packet of a type
    /// without direct packet writes, a read-only map value, a map key, a
    /// socket, read-only memory.
    ReadOnly { reg: Option<u8> },
    /// A helper or kfunc argument of the wrong kind (`R1 type=... expected=...`).
    ArgumentType { reg: Option<u8> },
    /// Arithmetic a pointer may not take part in, or a pointer whose
    /// offset is unbounded or modified where it must not be.
    PointerArithmetic { reg: Option<u8> },
    /// A helper this program type, licence or kernel does not offer.
    HelperNotAllowed { func_id: i32 },
    /// `bpf_spin_lock` / `bpf_timer` rules: fields touched directly, calls
    /// while holding a lock, unlocks without a lock.
    LockMisuse,
    /// A BPF exception against its rules (6.7+): `bpf_throw()` where a
    /// callback may be running, the exception callback called directly
    /// or with a bad prototype.
    ExceptionMisuse,
    /// Objects the program allocates (`bpf_obj_new`) and the lists and
    /// rbtrees that own them, against their rules.
    GraphMisuse,
    /// A map value's kernel pointer field (kptr) touched against its rules.
    KptrMisuse { reg: u8 },
    /// A program type or attach type the modelled kernel does not have:
    /// `bpf_prog_load()` refuses it before the verifier (EINVAL, no log).
    NotInKernel,
    /// 6.12's RCU read-side section (or non-preemptible region) used
    /// against its rules: nested, left open, closed twice, a sleeping call
    /// inside, a pointer or iterator used after it closed.
    RcuMisuse,
    /// A division by zero or a shift by the register width or more.
    InvalidAlu,
    /// The program refers to more different maps than the kernel lets one
    /// program use (`MAX_USED_MAPS`, 64): E2BIG before the walk.
    TooManyMaps { limit: usize },
    /// A check of the program's structure before any path is walked
    /// (`check_subprogs`, `check_cfg`, reserved fields, unknown opcodes).
    InvalidProgram,
    /// The kernel tripped over one of its own sanity checks (a `WARN_ONCE`
    /// such as "backtracing misuse") and refused with `EFAULT`, printing
    /// nothing: the log just stops.
    KernelWarning,
    /// The program may not be loaded where its section attaches it: a
    /// hook that cannot sleep for a sleepable program, a function whose
    /// return may not be modified, a map type a sleepable program may not
    /// use, a function no trampoline may attach to (`btf_id_deny`), a
    /// function that never returns for fexit (6.12's `noreturn_deny`).
    AttachTarget,
    /// libbpf could not resolve a CO-RE relocation against the kernel's
    /// BTF and poisoned the instruction, which the walk reached.
    UnresolvedCoreRelocation,
    /// libbpf found no kernel function of a weak kfunc extern's name and
    /// poisoned its call (1.4), or left it as a call of kernel function 0
    /// (1.1), and the walk reached it.
    UnresolvedKfunc,
    /// A struct_ops program no struct_ops map refers to, which libbpf 1.1
    /// loads with `attach_btf_id` 0: the kernel finds no struct for it.
    StructOpsUnreferenced,
    /// The log did not fit in the buffer the loader gave (`log_size`): the
    /// kernel refuses the load with ENOSPC whatever the walk found.
    /// `walk_errno`: what the walk itself returned (0: accepted).
    LogFull { log_size: u32, walk_errno: i32 },
    /// `bpf_snprintf`'s data (R5 bytes, an array of u64) or its format
    /// (`bpf_bprintf_prepare()`'s rules, one u64 per conversion) is
    /// refused; a length that is no multiple of 8 without a message.
    SnprintfFormat { data_len: u64 },
    /// The object was loaded without BTF function info (built without
    /// `-g`, or its BTF refused by the kernel): a callback's address
    /// (`missing btf func_info`), or LD_ABS or a tail call in a
    /// subprogram, needs it.
    NeedsFuncInfo,
    /// A callback (`bpf_loop`, `bpf_for_each_map_elem`, a timer...) is a
    /// global function: the kernel wants a static one.
    CallbackNotStatic,
    /// One `bpf_for_each_map_elem` call site reached with two different
    /// maps (6.1: its `map_ptr_state` poisoned, "tail_call abusing
    /// map_ptr").
    CallSiteTwoMaps,
    /// A callback whose address is loaded but which no walk entered was
    /// removed as dead code, leaving its address pointing at no program:
    /// `jit_subprogs()` warns and refuses with EFAULT, printing nothing.
    DeadCallback,
    /// R10 written (`frame pointer is read only`).
    FramePointerReadOnly,
    /// A pointer into a function's stack would outlive the frame: returned
    /// to the caller, or stored in the caller's stack.
    StackPointerEscape,
    /// A pointer stored to the stack, or read back from it, with fewer
    /// than 8 bytes (`invalid size of register spill` / `fill`).
    PartialPointer,
    /// A store the memory does not take in that form: an immediate
    /// (`BPF_ST`) or atomic store into the context, an atomic on memory
    /// other than the stack and map values.
    StoreForm,
    /// A pointer that must be used at a constant offset (the context, a
    /// kernel struct, a socket) moved by a variable one.
    VariableOffset { reg: Option<u8> },
    /// Classic BPF's packet loads (`LD_ABS`, `LD_IND`) where they may not
    /// be: a program type whose context has no socket buffer for them, or
    /// while the program holds a reference they would leak by ending it.
    LegacyPacketLoad,
    /// A tail call while the program holds a reference: the program it
    /// jumps to never returns here to release it (`id`, acquired at
    /// `alloc_insn`, is the first the kernel lists).
    TailCallLeak { id: u32, alloc_insn: usize },
    /// A kernel function the program type may not call (each subsystem
    /// registers its kfuncs for the types it chooses).
    KfuncNotAllowed { btf_id: i32 },
    /// What veristep does not model stops the walk here; the kernel may
    /// decide otherwise (the message names what is missing).
    NotModelled,
    /// Everything else: the kernel's message is the whole story.
    Other,
}

impl Reason {
    /// The kind's name in JSON (`"unreleased_reference"`, ...).
    pub fn kind(&self) -> &'static str {
        match self {
            Reason::UnreleasedReference { .. } => "unreleased_reference",
            Reason::ReferenceNotAcquired { .. } => "reference_not_acquired",
            Reason::InvalidMemAccess { .. } => "invalid_mem_access",
            Reason::OutOfBounds { .. } => "out_of_bounds",
            Reason::Uninitialized { .. } => "uninitialized",
            Reason::SpecialStackSlot { .. } => "special_stack_slot",
            Reason::CombinedStackTooLarge { .. } => "combined_stack_too_large",
            Reason::TooManyInsns { .. } => "too_many_insns",
            Reason::InfiniteLoop { .. } => "infinite_loop",
            Reason::CallbackReturnRange { .. } => "callback_return_range",
            Reason::CallDepth { .. } => "call_depth",
            Reason::MisalignedAccess { .. } => "misaligned_access",
            Reason::ReadOnly { .. } => "read_only",
            Reason::ArgumentType { .. } => "argument_type",
            Reason::PointerArithmetic { .. } => "pointer_arithmetic",
            Reason::HelperNotAllowed { .. } => "helper_not_allowed",
            Reason::LockMisuse => "lock_misuse",
            Reason::ExceptionMisuse => "exception_misuse",
            Reason::GraphMisuse => "graph_misuse",
            Reason::KptrMisuse { .. } => "kptr_misuse",
            Reason::RcuMisuse => "rcu_misuse",
            Reason::NotInKernel => "not_in_kernel",
            Reason::SnprintfFormat { .. } => "snprintf_format",
            Reason::InvalidAlu => "invalid_alu",
            Reason::TooManyMaps { .. } => "too_many_maps",
            Reason::InvalidProgram => "invalid_program",
            Reason::KernelWarning => "kernel_warning",
            Reason::AttachTarget => "attach_target",
            Reason::UnresolvedCoreRelocation => "unresolved_core_relocation",
            Reason::UnresolvedKfunc => "unresolved_kfunc",
            Reason::StructOpsUnreferenced => "struct_ops_unreferenced",
            Reason::LogFull { .. } => "log_full",
            Reason::NeedsFuncInfo => "needs_func_info",
            Reason::CallbackNotStatic => "callback_not_static",
            Reason::CallSiteTwoMaps => "call_site_two_maps",
            Reason::DeadCallback => "dead_callback",
            Reason::FramePointerReadOnly => "frame_pointer_read_only",
            Reason::StackPointerEscape => "stack_pointer_escape",
            Reason::PartialPointer => "partial_pointer",
            Reason::StoreForm => "store_form",
            Reason::VariableOffset { .. } => "variable_offset",
            Reason::LegacyPacketLoad => "legacy_packet_load",
            Reason::TailCallLeak { .. } => "tail_call_leak",
            Reason::KfuncNotAllowed { .. } => "kfunc_not_allowed",
            Reason::NotModelled => "not_modelled",
            Reason::Other => "other",
        }
    }

    /// The facts as (name, value) pairs, for JSON and the playground.
    pub fn facts(&self) -> Vec<(&'static str, Fact)> {
        use Fact::*;
        match *self {
            Reason::UnreleasedReference {
                id,
                alloc_insn,
                frame,
            } => vec![
                ("id", Int(id as i64)),
                ("alloc_insn", Int(alloc_insn as i64)),
                ("frame", Int(frame as i64)),
            ],
            Reason::ReferenceNotAcquired {
                id,
                alloc_insn,
                frame,
                owner_frame,
            } => {
                let mut v = vec![("id", Int(id as i64)), ("frame", Int(frame as i64))];
                if let Some(a) = alloc_insn {
                    v.push(("alloc_insn", Int(a as i64)));
                }
                if let Some(o) = owner_frame {
                    v.push(("owner_frame", Int(o as i64)));
                }
                v
            }
            Reason::InvalidMemAccess { reg } => vec![("reg", Int(reg as i64))],
            Reason::KptrMisuse { reg } => vec![("reg", Int(reg as i64))],
            Reason::OutOfBounds {
                reg,
                region,
                off,
                size,
            } => {
                let mut v = vec![
                    ("region", Str(region.name())),
                    ("off", Int(off)),
                    ("size", Int(size as i64)),
                ];
                if let Some(r) = reg {
                    v.insert(0, ("reg", Int(r as i64)));
                }
                v
            }
            Reason::Uninitialized { reg, stack_off } => {
                let mut v = Vec::new();
                if let Some(r) = reg {
                    v.push(("reg", Int(r as i64)));
                }
                if let Some(o) = stack_off {
                    v.push(("stack_off", Int(o)));
                }
                v
            }
            Reason::SpecialStackSlot { reg, stack_off } => {
                let mut v = vec![("stack_off", Int(stack_off))];
                if let Some(r) = reg {
                    v.insert(0, ("reg", Int(r as i64)));
                }
                v
            }
            Reason::CombinedStackTooLarge { size } => vec![("size", Int(size))],
            Reason::TooManyInsns { processed } => vec![("processed", Int(processed as i64))],
            Reason::InfiniteLoop { insn } => vec![("loop_insn", Int(insn as i64))],
            Reason::CallbackReturnRange { min, max } => {
                vec![("min", Int(min)), ("max", Int(max))]
            }
            Reason::CallDepth { frames } => vec![("frames", Int(frames as i64))],
            Reason::MisalignedAccess { reg } => vec![("reg", Int(reg as i64))],
            Reason::ArgumentType { reg }
            | Reason::PointerArithmetic { reg }
            | Reason::VariableOffset { reg }
            | Reason::ReadOnly { reg } => reg
                .map(|r| vec![("reg", Int(r as i64))])
                .unwrap_or_default(),
            Reason::HelperNotAllowed { func_id } => vec![("func_id", Int(func_id as i64))],
            Reason::TailCallLeak { id, alloc_insn } => vec![
                ("id", Int(id as i64)),
                ("alloc_insn", Int(alloc_insn as i64)),
            ],
            Reason::KfuncNotAllowed { btf_id } => vec![("btf_id", Int(btf_id as i64))],
            Reason::LogFull {
                log_size,
                walk_errno,
            } => vec![
                ("log_size", Int(i64::from(log_size))),
                ("walk_errno", Int(i64::from(walk_errno))),
            ],
            Reason::TooManyMaps { limit } => {
                vec![("limit", Int(i64::try_from(limit).unwrap_or(i64::MAX)))]
            }
            Reason::SnprintfFormat { data_len } => {
                vec![("data_len", Int(i64::try_from(data_len).unwrap_or(i64::MAX)))]
            }
            Reason::LockMisuse
            | Reason::ExceptionMisuse
            | Reason::GraphMisuse
            | Reason::RcuMisuse
            | Reason::NotInKernel
            | Reason::InvalidAlu
            | Reason::InvalidProgram
            | Reason::KernelWarning
            | Reason::AttachTarget
            | Reason::UnresolvedCoreRelocation
            | Reason::UnresolvedKfunc
            | Reason::StructOpsUnreferenced
            | Reason::NeedsFuncInfo
            | Reason::CallbackNotStatic
            | Reason::CallSiteTwoMaps
            | Reason::DeadCallback
            | Reason::FramePointerReadOnly
            | Reason::StackPointerEscape
            | Reason::PartialPointer
            | Reason::StoreForm
            | Reason::LegacyPacketLoad
            | Reason::NotModelled
            | Reason::Other => Vec::new(),
        }
    }

    /// The rejection in plain words, for people.
    pub fn explanation(&self) -> String {
        match *self {
            Reason::UnreleasedReference { frame, .. } if frame > 0 => {
                "An object acquired on this path (a socket, a ring buffer record, a kernel object) is still held when this function returns. Since commit 9d9d00ac a callback must release what it acquires before its own exit: it may run many times, and each run would leak one more.".into()
            }
            Reason::UnreleasedReference { .. } => {
                "An object acquired on this path (a socket, a ring buffer record, a kernel object) is still held when the program exits. Every acquire needs a matching release on every path.".into()
            }
            Reason::ReferenceNotAcquired { owner_frame: Some(o), frame, .. } if o != frame => {
                "This call releases a reference that another frame acquired. Since commit 9d9d00ac a callback may only release references it acquired itself: a callback can run many times, so releasing its caller's object would free it more than once.".into()
            }
            Reason::ReferenceNotAcquired { .. } => {
                "This call releases a reference that no frame on this path holds: it was released already, or the value passed is not the acquired pointer.".into()
            }
            Reason::InvalidMemAccess { .. } => {
                "The register is not a pointer to memory here: a number, a pointer that may still be NULL (check it against 0 first), or a pointer that cannot be dereferenced.".into()
            }
            Reason::OutOfBounds { region, .. } => match region {
                Region::Stack => "The stack access is outside the function's 512-byte frame (or its offset is not known well enough to tell).".into(),
                Region::MapValue => "The access falls outside the map value: check the offset against the value size first.".into(),
                Region::MapKey => "The access falls outside the map key.".into(),
                Region::Packet => "The packet access is not covered by a bounds check against data_end.".into(),
                Region::Context => "This field of the context is not accessible, or not with this size, for this program type.".into(),
                Region::Memory => "The access falls outside the memory the helper returned.".into(),
                Region::Socket => "The access falls outside the socket fields this program may read.".into(),
                Region::FlowKeys => "The access falls outside struct bpf_flow_keys.".into(),
                Region::TracepointBuffer => "The tracepoint buffer is reached at constant, non-negative offsets only.".into(),
                Region::KernelStruct => "The read does not fall on a field of the kernel struct (as the kernel's BTF lays it out), or reads a pointer field only partly.".into(),
            },
            Reason::Uninitialized { stack_off: Some(_), .. } => {
                "The instruction reads stack bytes that were never written on this path.".into()
            }
            Reason::Uninitialized { .. } => {
                "The instruction reads a register that holds no value on this path.".into()
            }
            Reason::SpecialStackSlot { .. } => {
                "The read may reach stack bytes that hold a dynptr or an open-coded iterator. Those bytes are the verifier's record of the object, not data: only the object's own helpers and kernel functions take them, through a pointer to its first slot; no load, even at a variable offset, and no memory argument may read them.".into()
            }
            Reason::CombinedStackTooLarge { .. } => {
                "The stacks of the functions along one call chain add up to more than 512 bytes.".into()
            }
            Reason::TooManyInsns { .. } => {
                "The verifier walked more than one million instructions; loops with unknown bounds or too many paths exhaust it.".into()
            }
            Reason::InfiniteLoop { .. } => {
                "The verifier reached the same state again inside a loop: the loop can run forever.".into()
            }
            Reason::CallbackReturnRange { min, max } => format!(
                "A callback must return a number in [{}, {}] (R0 set, not a pointer).",
                min, max
            ),
            Reason::CallDepth { .. } => {
                "Calls nest deeper than 8 frames (callbacks count as frames).".into()
            }
            Reason::MisalignedAccess { .. } => {
                "The address is not a multiple of the access size; the kernel requires aligned stack accesses (its spill tracking relies on them) and aligned atomics everywhere.".into()
            }
            Reason::ArgumentType { .. } => {
                "A helper argument has the wrong kind of value: check for NULL first, or pass the pointer the helper expects.".into()
            }
            Reason::PointerArithmetic { .. } => {
                "This arithmetic on a pointer is not allowed: only adding or subtracting a bounded number keeps a pointer the verifier can check.".into()
            }
            Reason::HelperNotAllowed { .. } => {
                "This helper is not available here: not to this program type, not without a GPL-compatible licence, or not in this kernel.".into()
            }
            Reason::ReadOnly { .. } => {
                "This memory is read-only to the program: the packet of a program type without direct packet writes, a map the loader made read-only (a `const` global), a map key, or a kernel object such as a socket. Its bytes can be read, not written.".into()
            }
            Reason::KptrMisuse { .. } => {
                "This map value field holds a kernel pointer (a kptr): only an aligned 8-byte load or store may touch it, helpers may not read it, and a referenced kptr changes hands only through bpf_kptr_xchg, which returns the old pointer for the program to release.".into()
            }
            Reason::NotInKernel => {
                "This kernel does not have the program's type or attach type (netfilter programs came with Linux 6.4, unix socket hooks with 6.7, and Debian builds its kernels without infrared decoders, lirc_mode2): loading fails before the verifier runs, with EINVAL and an empty log.".into()
            }
            Reason::RcuMisuse => {
                "An RCU read-side section (bpf_rcu_read_lock … bpf_rcu_read_unlock) or a non-preemptible region (bpf_preempt_disable … bpf_preempt_enable) must be closed before the program ends, matched, and not contain anything that may sleep (nor, with preemption disabled, a call of a global function); what was read inside an RCU section (an RCU pointer, an RCU-protected iterator) is not usable after it closes.".into()
            }
            Reason::ExceptionMisuse => {
                "bpf_throw() unwinds the whole program to its exception callback, so it may not run inside a callback (a bpf_loop or timer callback, nor the exception callback itself, nor anything they call): the helper that called the callback would never get control back. The exception callback is called only by the kernel, with the cookie bpf_throw() was given (one integer argument), and its return value is the program's.".into()
            }
            Reason::GraphMisuse => {
                "An object the program allocates with bpf_obj_new is its own to use until it hands it over: bpf_obj_drop frees it, pushing it on a bpf_list_head or adding it to a bpf_rb_root gives it to the collection (its pointer stays usable, not owned, only until the collection's bpf_spin_lock is released). Its special fields (list nodes, locks, reference counts) are touched by the kfuncs only, and a collection only under its lock, with objects of the type its contains: tag names.".into()
            }
            Reason::LockMisuse => {
                "A bpf_spin_lock or bpf_timer is used against its rules: its fields may be touched only through the helpers, a lock must be released before calls or exit, and only a held lock can be released.".into()
            }
            Reason::SnprintfFormat { data_len } => format!(
                "bpf_snprintf takes its data as an array of u64 (R5, here {data_len} bytes, must be a multiple of 8; otherwise the kernel refuses without a message) and checks its format against it: one value per conversion, and only the conversions the kernel knows (%d %i %u %x %X with l or ll, %c, %s, %p and its forms %pK %px %ps %pS %pB %pks %pus %pi4 %pI4 %pi6 %pI6)."
            ),
            Reason::InvalidAlu => {
                "The arithmetic is undefined: a division by the constant zero, or a shift by at least the register width.".into()
            }
            Reason::TooManyMaps { limit } => format!(
                "One program may use at most {limit} different maps (the kernel's MAX_USED_MAPS), and this one refers to more: the load fails with E2BIG before any path is walked (Linux 6.1 says nothing in the log, 6.12 says why). Split the program, or share maps between fewer of its parts, e.g. one map of structs instead of several maps."
            ),
            Reason::NeedsFuncInfo => {
                "The program was loaded without BTF function info (the object was built without -g, or the kernel refused its BTF, as libbpf's 'BTF loading error' warning says): without it the kernel cannot check a callback's prototype or the return of a subprogram that holds LD_ABS or a tail call, so it refuses them. Build with clang -g, and fix what made the kernel refuse the BTF.".into()
            }
            Reason::CallbackNotStatic => {
                "A callback must be a static function: a global one is verified on its own, against its BTF prototype, not as the callback the helper calls. Declare it static.".into()
            }
            Reason::InvalidProgram => {
                "The program's structure is refused before any path is walked: a jump out of its function, unreachable code, a loop the kernel does not allow, or an instruction with reserved fields set.".into()
            }
            Reason::KernelWarning => {
                "The kernel stopped on one of its internal sanity checks (a WARN in verifier.c) and refused the load with EFAULT without a message; the log simply ends at this instruction. The program reached a case the kernel's own code did not expect.".into()
            }
            Reason::AttachTarget => {
                "The program cannot be loaded where its section attaches it: the hook or function may not sleep, its return value may not be modified, a sleepable program uses a map type it may not, the function is one the kernel's trampoline itself calls (migrate_disable, migrate_enable, and in 6.12 __rcu_read_lock/unlock: refused without a message), or, in 6.12, an fexit or fmod_ret program targets a function that never returns (do_exit, make_task_dead, ...).".into()
            }
            Reason::LogFull {
                log_size,
                walk_errno,
            } => format!(
                "The verifier's log did not fit in the {} bytes of the log buffer (log_size), so the kernel refused the load with ENOSPC {}. Give a larger buffer or a lower log level.",
                log_size,
                if walk_errno == 0 {
                    "although the program itself passed"
                } else {
                    "instead of the walk's own error"
                }
            ),
            Reason::UnresolvedCoreRelocation => {
                "libbpf could not find this field or type in the kernel's BTF and replaced the instruction with an invalid call, and the walk reached it. Guard the access (bpf_core_field_exists, bpf_core_type_exists) or describe the kernel's layout with a flavour (struct name___flavour).".into()
            }
            Reason::UnresolvedKfunc => {
                "This kernel has no kernel function of that name, so libbpf replaced the call with an invalid one, and the walk reached it. Guard the call with bpf_ksym_exists(), or use the function only on kernels that have it.".into()
            }
            Reason::StructOpsUnreferenced => {
                "No struct_ops map of the object refers to this program, so libbpf 1.1 loads it without a struct (attach_btf_id 0) and the kernel has nothing to check it against. Put it in a member of a SEC(\".struct_ops\") variable, or leave it out (libbpf 1.4 refuses it before loading).".into()
            }
            Reason::CallSiteTwoMaps => {
                "This bpf_for_each_map_elem call is reached with one map on one path and another map on another (the compiler merged two calls into one). Linux 6.1 remembers one map per call site and refuses a site that has seen two; 6.12 walks each path with its own map. Give each call site one map, for example by calling the helper in two functions marked __noinline.".into()
            }
            Reason::DeadCallback => {
                "The program loads a callback's address (r2 = cb ll) but the walk never entered the callback: no helper call was reached with it (or, in 6.12, bpf_loop was called with 0 iterations). After the walk the kernel deletes code no path reached; the callback was laid out last, so its address now points past the program, and the kernel's jit_subprogs() finds no function there and refuses the load with EFAULT and no message. Remove the unused address, or pass it to the helper on a path the verifier walks.".into()
            }
            Reason::FramePointerReadOnly => {
                "R10 is the frame pointer: the verifier tracks every stack access relative to it, so no instruction may change it. Copy it first (r1 = r10) and move the copy.".into()
            }
            Reason::StackPointerEscape => {
                "A function's stack lives only while the function runs: a pointer into it may not be returned to the caller, nor stored in the caller's stack, where it would outlive the frame it points into. Pass the caller's own stack down instead.".into()
            }
            Reason::PartialPointer => {
                "A pointer is saved to the stack and read back only whole, by an 8-byte store of the register and an 8-byte load of its slot. A narrower store or load would split the pointer, and the verifier would lose what it points to (and a program could leak part of a kernel address). Spill and fill pointers with u64 accesses.".into()
            }
            Reason::StoreForm => {
                "This memory does not take this form of store. The context takes only a store of a register (*(u32 *)(r1 + off) = r2): the kernel rewrites each context access into the real structure's, and cannot rewrite an immediate store or an atomic. Atomic operations work on the stack and on map values (and the memory a program owns), not on the context, the packet or kernel objects. Load the value, change it, and store it back.".into()
            }
            Reason::VariableOffset { .. } => {
                "This pointer (to the context, a kernel struct, a socket) must be used at a constant offset: the kernel checks or rewrites each access by the field the offset names, which a variable offset hides. Add only constants to it, or copy the field out first.".into()
            }
            Reason::LegacyPacketLoad => {
                "LD_ABS and LD_IND are classic BPF's packet loads, kept for socket filters: only program types whose context is a socket buffer with them (socket_filter, sched_cls, sched_act) have them. A load past the packet ends the program at once, returning 0, so it may not run while the program holds a reference (a socket it must release) or a lock. Read the packet directly (data, data_end) or with bpf_skb_load_bytes instead.".into()
            }
            Reason::TailCallLeak { id, alloc_insn } => format!(
                "A tail call does not return: the program it jumps to replaces this one, so reference {id} (acquired at instruction {alloc_insn}) and any other this program still holds would never be released. Release them before the tail call."
            ),
            Reason::KfuncNotAllowed { .. } => {
                "This kernel function is not open to this program type: each kernel subsystem registers its kfuncs for the program types it chooses (the kernel's test kfuncs for sched_cls, tracing and syscall programs). Call it from a program of one of those types, or find a helper this type has.".into()
            }
            Reason::NotModelled => {
                "veristep does not model what this instruction needs (the message says what), so its walk stops here. This is a limit of veristep, not the kernel's verdict: the kernel may accept the program or refuse it for another reason.".into()
            }
            Reason::Other => {
                "The kernel rejects the program at this instruction; the message is the kernel's own.".into()
            }
        }
    }
}

/// A fact's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fact {
    Int(i64),
    Str(&'static str),
}

fn whose(owner: usize) -> String {
    if owner == 0 {
        "frame 0 (the program's main frame)".to_string()
    } else {
        format!("frame {} (a callback)", owner)
    }
}

/// Where the failing instruction runs, for the story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FrameContext {
    pub frameno: usize,
    pub callsite: usize,
    pub in_callback: bool,
}

impl FrameContext {
    fn describe(&self) -> String {
        if self.in_callback {
            format!(
                "frame {}, the callback called at instruction {}",
                self.frameno, self.callsite
            )
        } else if self.frameno == 0 {
            "frame 0, the main program".to_string()
        } else {
            format!(
                "frame {}, a subprogram called at instruction {}",
                self.frameno, self.callsite
            )
        }
    }
}

/// The story of a reference error in plain words: which instruction
/// acquired the reference, which frame owns it (`callback_ref`), and why
/// this frame may not release it or must release it. `owner_of(id)` is the
/// owning frame of a reference the failing frame holds.
pub fn reference_story(
    reason: &Reason,
    at: usize,
    ctx: FrameContext,
    owner_of: impl Fn(u32) -> Option<usize>,
) -> Option<String> {
    let where_ = ctx.describe();
    match *reason {
        Reason::ReferenceNotAcquired {
            id,
            alloc_insn: Some(alloc),
            owner_frame: Some(owner),
            ..
        } => Some(format!(
            "Instruction {at} (in {where_}) releases reference {id}, acquired at instruction {alloc} by {owner}. \
             Since 9d9d00ac a callback may release only references it acquired itself (callback_ref = its frame): \
             bpf_loop and bpf_for_each_map_elem may run the callback many times, or never, so releasing the caller's \
             reference could free it twice.",
            owner = whose(owner),
        )),
        Reason::UnreleasedReference { id, alloc_insn, .. } => {
            let owner = whose(owner_of(id).unwrap_or(ctx.frameno));
            Some(if ctx.in_callback {
                format!(
                    "Instruction {at} returns from {where_}, still holding reference {id}, acquired at instruction {alloc_insn} by {owner}. \
                     A callback may run many times: since 9d9d00ac every reference it acquires must be released before it returns.",
                )
            } else {
                format!(
                    "Instruction {at} exits {where_}, still holding reference {id}, acquired at instruction {alloc_insn} by {owner}. \
                     Every acquired reference must be released on every path before the program exits.",
                )
            })
        }
        _ => None,
    }
}
