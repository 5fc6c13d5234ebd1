//! 6.12's `check_kfunc_args()` for the kernel's own kfuncs: each argument
//! against the function's BTF prototype, sorted as
//! `get_kfunc_ptr_arg_type()` sorts it (a scalar, the context, an
//! iterator, a kernel object, memory, memory with its size), with the
//! `KF_TRUSTED_ARGS` / `KF_RCU` rules and the parameter name suffixes
//! (`__ign`, `__nullable`, `__sz`, `__szk`, `__opt`, `__k`,
//! `rdonly_buf_size` / `rdwr_buf_size`).

use crate::btf::{kind_str, Type, KIND_PTR};
use crate::btf_access::{BtfPtr, RCU, TRUSTED};
use crate::env::{Env, VResult, EACCES, EFAULT, EINVAL};
use crate::func_proto::Arg;
use crate::kfuncs::KernelKfunc;
use crate::reason::Reason;
use crate::regs::{RegState, RegType};
use crate::relo_core::KernelBtf;

/// What `check_kfunc_args()` hands back to `check_kfunc_call()`
/// (`struct bpf_kfunc_call_arg_meta`, the parts modelled).
#[derive(Default)]
pub(crate) struct KfuncArgMeta {
    /// The referenced argument a release function releases.
    pub release_regno: Option<u8>,
    /// A referenced argument's id (returned memory is tied to it).
    pub ref_obj_id: u32,
    /// `r0_size`, `r0_rdonly`.
    pub r0_mem: Option<(u64, bool)>,
    /// An open-coded iterator's state argument.
    pub iter: Option<crate::iters::IterArg>,
    /// `arg_constant`: a `__k` argument's value.
    pub arg_constant: Option<u64>,
    /// `ret_btf_id` of `bpf_cast_to_kern_ctx`: the kernel's context struct.
    pub kern_ctx: Option<u32>,
    /// `initialized_dynptr`: the dynptr argument a dynptr kfunc works on.
    pub initialized_dynptr: Option<crate::dynptr::DynptrRef>,
    /// `arg_list_head.field`: the list head a graph kfunc works on.
    pub graph_root: Option<crate::btf_record::Field>,
    /// `subprogno`: a callback argument's subprogram.
    pub subprogno: Option<usize>,
    /// `arg_btf_id`: the allocated object's struct a graph kfunc was given.
    pub arg_btf_id: Option<u32>,
    /// `arg_owning_ref`: `bpf_refcount_acquire` of an owning reference
    /// cannot fail (its R0 is not NULL).
    pub arg_owning_ref: bool,
    /// `map.ptr`, `map.uid` of a workqueue argument: the map (an index in
    /// the program's maps) whose value holds it (6.12).
    pub wq_map: Option<(u32, u32)>,
}

/// `reg2btf_ids[]`: the register types a kfunc takes as the kernel struct
/// they point to.
fn reg2btf(ty: RegType) -> Option<&'static str> {
    Some(match ty {
        RegType::Socket => "sock",
        RegType::SockCommon => "sock_common",
        RegType::TcpSock => "tcp_sock",
        RegType::ConstPtrToMap => "bpf_map",
        _ => return None,
    })
}

/// `BPF_REG_TRUSTED_MODIFIERS`: `MEM_ALLOC`, `PTR_TRUSTED`, `NON_OWN_REF`.
const TRUSTED_MODIFIERS: u32 = TRUSTED | crate::btf_access::ALLOC | crate::btf_access::NON_OWN;

/// `bpf_type_has_unsafe_modifiers()`: any flag but the trusted ones.
fn unsafe_modifiers(reg: &RegState) -> bool {
    reg.maybe_null || BtfPtr::of(reg.aux).is_some_and(|p| p.flags() & !TRUSTED_MODIFIERS != 0)
}

/// `is_trusted_reg()`.
pub(crate) fn is_trusted_reg(reg: &RegState) -> bool {
    if reg.ref_obj_id != 0 {
        return true;
    }
    if reg2btf(reg.ty).is_some() {
        return !unsafe_modifiers(reg);
    }
    reg.ty == RegType::BtfId
        && BtfPtr::of(reg.aux).is_some_and(|p| p.flags() & TRUSTED_MODIFIERS != 0)
        && !unsafe_modifiers(reg)
}

/// `is_rcu_reg()`.
fn is_rcu_reg(reg: &RegState) -> bool {
    reg.ty == RegType::BtfId && BtfPtr::of(reg.aux).is_some_and(|p| p.has(RCU))
}

/// How `get_kfunc_ptr_arg_type()` sorts a pointer argument (the kinds
/// modelled).
enum PtrArg {
    Ctx,
    Null,
    Iter(crate::kfuncs::IterKfunc),
    BtfId,
    Mem,
    MemSize {
        const_size: bool,
    },
    /// `KF_ARG_PTR_TO_DYNPTR`
    Dynptr,
    /// `KF_ARG_PTR_TO_ALLOC_BTF_ID` (`__alloc`): an object the program
    /// allocated.
    AllocBtfId,
    /// `KF_ARG_PTR_TO_LIST_HEAD` / `_RB_ROOT`.
    GraphRoot(crate::btf_record::FieldType),
    /// `KF_ARG_PTR_TO_LIST_NODE` / `_RB_NODE`.
    GraphNode(crate::btf_record::FieldType),
    /// `KF_ARG_PTR_TO_CALLBACK`: a function pointer argument.
    Callback,
    /// `KF_ARG_PTR_TO_REFCOUNTED_KPTR` (`__refcounted_kptr`).
    RefcountedKptr,
    /// `KF_ARG_PTR_TO_MAP` (`__map`): a map, as a `struct bpf_map`.
    Map,
    /// `KF_ARG_PTR_TO_CONST_STR` (`__str`): a string in a frozen read-only
    /// map.
    ConstStr,
    /// `KF_ARG_PTR_TO_WORKQUEUE`: a `struct bpf_wq` in a map value (6.10+).
    Workqueue,
}

impl Env {
    /// `check_kfunc_args()` of 6.12.
    pub(crate) fn check_kfunc_args_612(
        &mut self,
        name: &str,
        k: &KernelKfunc,
        proto: &Type,
        kernel: &KernelBtf,
    ) -> VResult<KfuncArgMeta> {
        let btf = &kernel.btf;
        let nargs = proto.members.len();
        if nargs > 5 {
            return Err(self.fail(EINVAL, &format!("Function {name} has {nargs} > 5 args")));
        }
        let skip = |t: u32| {
            btf.skip_mods(t)
                .ok()
                .and_then(|t| btf.get(t).ok().map(|x| (t, x.clone())))
        };
        let trusted_args = k.trusted_args || k.release;
        let mut meta = KfuncArgMeta::default();
        let mut i = 0;
        while i < nargs {
            let (pname, ty, _) = proto.members[i].clone();
            let regno = i as u8 + 1;
            let because = Reason::ArgumentType { reg: Some(regno) };
            // is_kfunc_arg_ignore()
            if pname.ends_with("__ign") {
                i += 1;
                continue;
            }
            let reg = *self.reg(regno);
            let Some((_, t)) = skip(ty) else {
                i += 1;
                continue;
            };
            if t.kind == crate::btf::KIND_INT || t.is_any_enum() {
                if reg.ty != RegType::Scalar {
                    return Err(self
                        .fail(EINVAL, &format!("R{regno} is not a scalar"))
                        .because(because));
                }
                let buf_size = pname == "rdonly_buf_size" || pname == "rdwr_buf_size";
                if pname.ends_with("__k") || buf_size {
                    if !reg.var_off.is_const() {
                        let msg = if buf_size {
                            format!("R{regno} is not a const")
                        } else {
                            format!("R{regno} must be a known constant")
                        };
                        return Err(self.fail(EINVAL, &msg).because(because));
                    }
                    self.mark_chain_precision(regno);
                    if !buf_size {
                        meta.arg_constant = Some(reg.var_off.value);
                    }
                    if buf_size {
                        meta.r0_mem = Some((reg.var_off.value, pname == "rdonly_buf_size"));
                    }
                }
                i += 1;
                continue;
            }
            if t.kind != KIND_PTR {
                return Err(self.fail(
                    EINVAL,
                    &format!("Unrecognized arg#{i} type {}", kind_str(t.kind)),
                ));
            }
            let nullable = pname.ends_with("__nullable");
            if (trusted_args || k.rcu) && (reg.is_null_const() || reg.maybe_null) && !nullable {
                return Err(self
                    .fail(
                        EACCES,
                        &format!("Possibly NULL pointer passed to trusted arg{i}"),
                    )
                    .because(because));
            }
            if reg.ref_obj_id != 0 {
                if k.release && meta.ref_obj_id != 0 {
                    let have = meta.ref_obj_id;
                    return Err(self.fail(
                        EFAULT,
                        &format!(
                            "verifier internal error: more than one arg with ref_obj_id R{regno} {} {have}",
                            reg.ref_obj_id
                        ),
                    ));
                }
                meta.ref_obj_id = reg.ref_obj_id;
                if k.release {
                    meta.release_regno = Some(regno);
                }
            }
            let (ref_id, ref_t) = if t.size_or_type == 0 {
                (0, Type::default())
            } else {
                skip(t.size_or_type).unwrap_or((0, Type::default()))
            };
            let kind = self.kfunc_ptr_arg_type(name, k, i, &ref_t, ref_id, nullable, proto, btf)?;
            let at = if k.release && reg.ref_obj_id != 0 {
                Arg::ReleaseBtfIdOrNull
            } else {
                Arg::Anything
            };
            match kind {
                PtrArg::Null => {
                    i += 1;
                    continue;
                }
                PtrArg::Iter(kind) => {
                    if name == "bpf_iter_css_task_new" && !self.css_task_iter_allowed() {
                        return Err(self
                            .fail(
                                EINVAL,
                                "css_task_iter is only allowed in bpf_lsm, bpf_iter and sleepable progs",
                            ));
                    }
                    meta.iter = self.process_iter_arg(
                        regno,
                        kind,
                        ref_id,
                        &ref_t.name,
                        ref_t.size_or_type,
                        k.rcu_protected,
                        name,
                    )?;
                    if let Some(it) = meta.iter {
                        meta.ref_obj_id = it.ref_obj_id;
                    }
                    i += 1;
                    continue;
                }
                // `reg->map_ptr` shares a union with a BTF pointer's
                // `btf`, memory's `mem_size` and a dynptr's type: only
                // where all of them are unset is it NULL
                PtrArg::Map
                    if !(matches!(
                        reg.ty,
                        RegType::ConstPtrToMap
                            | RegType::MapValue
                            | RegType::MapKey
                            | RegType::BtfId
                            | RegType::ConstPtrToDynptr
                    ) || (matches!(reg.ty, RegType::Mem | RegType::AllocMem)
                        && reg.aux != 0)) =>
                {
                    return Err(self
                        .fail(EINVAL, &format!("pointer in R{regno} isn't map pointer"))
                        .because(because));
                }
                // the map a workqueue lives in must be the map passed with
                // it (an inner map told apart by its uid)
                PtrArg::Map
                    if meta.wq_map.is_some_and(|(m, uid)| {
                        self.prog
                            .maps
                            .get(reg.aux as usize)
                            .is_some_and(|d| d.wq_off.is_some())
                            && (m != reg.aux || uid != reg.map_uid)
                    }) =>
                {
                    let uid = meta.wq_map.map_or(0, |(_, u)| u);
                    return Err(self
                        .fail(
                            EINVAL,
                            &format!(
                                "workqueue pointer in R1 map_uid={uid} doesn't match map pointer in R2 map_uid={}",
                                reg.map_uid
                            ),
                        )
                        .because(because));
                }
                PtrArg::BtfId | PtrArg::AllocBtfId | PtrArg::Map
                    if (trusted_args || k.rcu) && !is_trusted_reg(&reg) =>
                {
                    if !k.rcu {
                        return Err(self
                            .fail(EINVAL, &format!("R{regno} must be referenced or trusted"))
                            .because(because));
                    }
                    if !is_rcu_reg(&reg) {
                        return Err(self
                            .fail(EINVAL, &format!("R{regno} must be a rcu pointer"))
                            .because(because));
                    }
                }
                _ => {}
            }
            self.check_func_arg_reg_off(&reg, regno, at)?;
            match kind {
                PtrArg::Ctx => {
                    if reg.ty != RegType::Ctx {
                        let have = crate::log::reg_type_str(&self.prog, &reg);
                        return Err(self
                            .fail(
                                EINVAL,
                                &format!("arg#{i} expected pointer to ctx, but got {have}"),
                            )
                            .because(because));
                    }
                    if name == "bpf_cast_to_kern_ctx" {
                        meta.kern_ctx = Some(self.get_kern_ctx_btf_id(btf)?);
                    }
                }
                PtrArg::BtfId => {
                    self.process_kf_arg_ptr_to_btf_id(name, k, i, &reg, &ref_t, btf)?
                }
                // process_wq_func(): the map's workqueue, at its offset
                PtrArg::Workqueue => {
                    if reg.ty != RegType::MapValue {
                        return Err(self
                            .fail(EINVAL, &format!("arg#{i} doesn't point to a map value"))
                            .because(because));
                    }
                    // a record without one has wq_off -EINVAL
                    let wq_off = self
                        .prog
                        .maps
                        .get(reg.aux as usize)
                        .and_then(|m| m.wq_off)
                        .map_or(-22, i64::from);
                    let off = reg.var_off.value as i64 + reg.off as i64;
                    if off != wq_off {
                        return Err(self
                            .fail(
                                EINVAL,
                                &format!(
                                    "off {off} doesn't point to 'struct bpf_wq' that is at {wq_off}"
                                ),
                            )
                            .because(because));
                    }
                    meta.wq_map = Some((reg.aux, reg.map_uid));
                }
                PtrArg::ConstStr => {
                    if reg.ty != RegType::MapValue {
                        return Err(self
                            .fail(EINVAL, &format!("arg#{i} doesn't point to a const string"))
                            .because(because));
                    }
                    let mut scratch = crate::func_arg::ArgMeta::default();
                    self.check_reg_const_str(&reg, regno, &mut scratch)?;
                }
                // a map is taken as the kernel's `struct bpf_map`
                PtrArg::Map => {
                    if reg.ty != RegType::BtfId && reg2btf(reg.ty).is_none() {
                        let have = self.reg_type_name(&reg);
                        return Err(self
                            .fail(
                                EINVAL,
                                &format!("arg#{i} is {have} expected {have} or socket"),
                            )
                            .because(because));
                    }
                    let map_t = btf
                        .find(crate::btf::KIND_STRUCT, "bpf_map")
                        .and_then(|id| btf.get(id).ok().cloned())
                        .unwrap_or_default();
                    self.process_kf_arg_ptr_to_btf_id(name, k, i, &reg, &map_t, btf)?
                }
                PtrArg::Mem => {
                    let Ok(size) = btf.size_of(ref_id) else {
                        return Err(self
                            .fail(
                                EINVAL,
                                &format!(
                                    "arg#{i} reference type('{} {}') size cannot be determined: -22",
                                    kind_str(ref_t.kind).to_uppercase(),
                                    ref_t.name
                                ),
                            )
                            .because(because));
                    };
                    self.check_mem_reg(regno, &reg, size as u64)?;
                }
                PtrArg::MemSize { const_size } => {
                    let optional = pname.ends_with("__opt");
                    let checked = !reg.is_null_const() || !optional;
                    // 6.1 says EINVAL, 6.12 passes the access check's errno on
                    let bad = if checked {
                        self.check_kfunc_mem_size_reg(regno + 1).err().map(|e| {
                            if self.rules.kfuncs_612 {
                                e.errno
                            } else {
                                EINVAL
                            }
                        })
                    } else {
                        None
                    };
                    if let Some(errno) = bad {
                        return Err(self
                            .fail(
                                errno,
                                &format!(
                                    "arg#{i} arg#{} memory, len pair leads to invalid memory access",
                                    i + 1
                                ),
                            )
                            .because(because));
                    }
                    if const_size && !self.reg(regno + 1).var_off.is_const() {
                        return Err(self
                            .fail(EINVAL, &format!("R{} must be a known constant", regno + 1))
                            .because(Reason::ArgumentType {
                                reg: Some(regno + 1),
                            }));
                    }
                    if const_size {
                        meta.arg_constant = Some(self.reg(regno + 1).var_off.value);
                    }
                    // the size argument is this one's
                    i += 1;
                }
                PtrArg::Dynptr => {
                    let uninit = pname.ends_with("__uninit");
                    let parent = meta.initialized_dynptr;
                    let made = self.process_kfunc_dynptr_arg(name, regno, uninit, parent)?;
                    if made.is_some() {
                        meta.initialized_dynptr = made;
                    }
                }
                PtrArg::AllocBtfId => {
                    let p = crate::alloc_obj::alloc_ptr(&reg);
                    let percpu = p.is_some_and(|p| p.has(crate::btf_access::PERCPU));
                    let exact = p.is_some_and(|p| {
                        p.flags() & !(crate::btf_access::ALLOC | crate::btf_access::PERCPU) == 0
                    }) && !reg.maybe_null;
                    if exact && !percpu && name != "bpf_obj_drop_impl" {
                        return Err(self
                            .fail(EINVAL, &format!("arg#{i} expected for bpf_obj_drop_impl()"))
                            .because(because));
                    }
                    if exact && percpu && name != "bpf_percpu_obj_drop_impl" {
                        return Err(self
                            .fail(
                                EINVAL,
                                &format!("arg#{i} expected for bpf_percpu_obj_drop_impl()"),
                            )
                            .because(because));
                    }
                    if !exact {
                        return Err(self
                            .fail(
                                EINVAL,
                                &format!("arg#{i} expected pointer to allocated object"),
                            )
                            .because(Reason::GraphMisuse));
                    }
                    if reg.ref_obj_id == 0 {
                        return Err(self
                            .fail(EINVAL, "allocated object must be referenced")
                            .because(Reason::GraphMisuse));
                    }
                }
                PtrArg::GraphRoot(head) => {
                    meta.graph_root = Some(self.process_graph_root(i, regno, &reg, head)?);
                }
                PtrArg::RefcountedKptr => {
                    let Some(p) = crate::alloc_obj::alloc_ptr(&reg) else {
                        return Err(self
                            .fail(
                                EINVAL,
                                &format!("arg#{i} is neither owning or non-owning ref"),
                            )
                            .because(Reason::GraphMisuse));
                    };
                    // 6.12.95: any reference that is not non-owning (later
                    // 6.12 releases also want it acquired)
                    if !p.has(crate::btf_access::NON_OWN) {
                        meta.arg_owning_ref = true;
                    }
                    let Some(rec) = self.reg_btf_record(&reg) else {
                        return Err(
                            self.fail(EFAULT, "verifier internal error: Couldn't find btf_record")
                        );
                    };
                    if rec.refcount_off().is_none() {
                        return Err(self
                            .fail(
                                EINVAL,
                                &format!("arg#{i} doesn't point to a type with bpf_refcount field"),
                            )
                            .because(Reason::GraphMisuse));
                    }
                    meta.arg_btf_id = Some(p.id());
                }
                PtrArg::Callback => {
                    if reg.ty != RegType::Func {
                        return Err(self
                            .fail(EINVAL, &format!("arg{i} expected pointer to func"))
                            .because(because));
                    }
                    meta.subprogno = Some(reg.aux as usize);
                }
                PtrArg::GraphNode(node) => {
                    if name == "bpf_rbtree_remove" {
                        let non_own = crate::alloc_obj::alloc_ptr(&reg)
                            .is_some_and(|p| p.has(crate::btf_access::NON_OWN));
                        if !non_own || reg.ref_obj_id != 0 {
                            return Err(self
                                .fail(EINVAL, "rbtree_remove node input must be non-owning ref")
                                .because(Reason::GraphMisuse));
                        }
                        if self.in_rbtree_lock_required_cb() {
                            return Err(self
                                .fail(EINVAL, "rbtree_remove not allowed in rbtree cb")
                                .because(Reason::GraphMisuse));
                        }
                    }
                    let Some(root) = meta.graph_root.clone() else {
                        return Err(self.fail(
                            EFAULT,
                            "verifier internal error: a graph node argument without its root",
                        ));
                    };
                    let removing = name == "bpf_rbtree_remove";
                    self.process_graph_node(i, regno, &reg, node, &root, removing)?;
                }
                PtrArg::Null | PtrArg::Iter(_) => {}
            }
            i += 1;
        }
        if k.release && meta.release_regno.is_none() {
            return Err(self
                .fail(
                    EINVAL,
                    &format!("release kernel function {name} expects refcounted PTR_TO_BTF_ID"),
                )
                .because(Reason::ArgumentType { reg: Some(1) }));
        }
        Ok(meta)
    }

    /// `get_kfunc_ptr_arg_type()`, for the kinds modelled.
    #[allow(clippy::too_many_arguments)]
    fn kfunc_ptr_arg_type(
        &mut self,
        name: &str,
        k: &KernelKfunc,
        i: usize,
        ref_t: &Type,
        ref_id: u32,
        nullable: bool,
        proto: &Type,
        btf: &crate::btf::Btf,
    ) -> VResult<PtrArg> {
        let regno = i as u8 + 1;
        let reg = *self.reg(regno);
        if name == "bpf_cast_to_kern_ctx" {
            return Ok(PtrArg::Ctx);
        }
        // btf_is_prog_ctx_type(): the program type's context struct
        if ref_t.is_composite() && crate::elf::is_ctx_struct(self.prog.prog_type, &ref_t.name) {
            return Ok(PtrArg::Ctx);
        }
        if nullable && reg.is_null_const() {
            return Ok(PtrArg::Null);
        }
        // is_kfunc_arg_alloc_obj()
        let pname = proto.members.get(i).map(|m| m.0.as_str()).unwrap_or("");
        if pname.ends_with("__alloc") {
            return Ok(PtrArg::AllocBtfId);
        }
        if pname.ends_with("__refcounted_kptr") {
            return Ok(PtrArg::RefcountedKptr);
        }
        if ref_t.is_composite() && ref_t.name == "bpf_dynptr" {
            return Ok(PtrArg::Dynptr);
        }
        if let Some(kind) = k.iter.filter(|_| i == 0) {
            return Ok(PtrArg::Iter(kind));
        }
        // is_kfunc_arg_list_head() and the others: the kernel struct
        {
            use crate::btf_record::FieldType as F;
            let graph = match ref_t.name.as_str() {
                "bpf_list_head" => Some(PtrArg::GraphRoot(F::ListHead)),
                "bpf_list_node" => Some(PtrArg::GraphNode(F::ListNode)),
                "bpf_rb_root" => Some(PtrArg::GraphRoot(F::RbRoot)),
                "bpf_rb_node" => Some(PtrArg::GraphNode(F::RbNode)),
                _ => None,
            };
            if let Some(g) = graph.filter(|_| ref_t.kind == crate::btf::KIND_STRUCT) {
                return Ok(g);
            }
        }
        // is_kfunc_arg_const_str()
        if pname.ends_with("__str") {
            return Ok(PtrArg::ConstStr);
        }
        // is_kfunc_arg_map()
        if pname.ends_with("__map") {
            return Ok(PtrArg::Map);
        }
        // is_kfunc_arg_wq()
        if ref_t.kind == crate::btf::KIND_STRUCT && ref_t.name == "bpf_wq" {
            return Ok(PtrArg::Workqueue);
        }
        if reg.ty == RegType::BtfId || reg2btf(reg.ty).is_some() {
            if !ref_t.is_composite() {
                return Err(self.kfunc_ptr_unsupported(name, i, ref_t));
            }
            return Ok(PtrArg::BtfId);
        }
        // is_kfunc_arg_callback(): a pointer to a function prototype
        if ref_t.kind == crate::btf::KIND_FUNC_PROTO {
            return Ok(PtrArg::Callback);
        }
        // is_kfunc_arg_mem_size() / is_kfunc_arg_const_mem_size(): a
        // scalar after it named `__sz` / `__szk`
        let size_arg = proto.members.get(i + 1).and_then(|(n, ty, _)| {
            let scalar = btf
                .skip_mods(*ty)
                .ok()
                .and_then(|t| btf.get(t).ok())
                .is_some_and(|t| t.kind == crate::btf::KIND_INT || t.is_any_enum());
            (scalar && self.reg(regno + 1).ty == RegType::Scalar).then_some(n)
        });
        let mem_size = size_arg.is_some_and(|n| n.ends_with("__sz") || n.ends_with("__szk"));
        self.check_kfunc_mem_pointee(i, ref_t, ref_id, mem_size, false, btf)?;
        Ok(if mem_size {
            PtrArg::MemSize {
                const_size: size_arg.is_some_and(|n| n.ends_with("__szk")),
            }
        } else {
            PtrArg::Mem
        })
    }

    /// `process_kf_arg_ptr_to_btf_id()`: a kernel object of the struct the
    /// parameter names (or one starting with it; exactly it when a release
    /// function takes its reference).
    fn process_kf_arg_ptr_to_btf_id(
        &mut self,
        name: &str,
        k: &KernelKfunc,
        i: usize,
        reg: &RegState,
        ref_t: &Type,
        btf: &crate::btf::Btf,
    ) -> VResult<()> {
        let regno = i as u8 + 1;
        let unsafe_ptr = reg.ty == RegType::BtfId && unsafe_modifiers(reg) && !is_rcu_reg(reg);
        if (reg.ty != RegType::BtfId || unsafe_ptr) && reg2btf(reg.ty).is_none() {
            let have = crate::log::reg_type_str_unnamed(reg);
            let trusted = BtfPtr::of(reg.aux).is_some_and(|p| p.has(TRUSTED));
            let want = if trusted { "trusted_ptr_" } else { "ptr_" };
            return Err(self
                .fail(
                    EINVAL,
                    &format!("arg#{i} is {have} expected {want} or socket"),
                )
                .because(Reason::ArgumentType { reg: Some(regno) }));
        }
        let (have_id, off) = match reg2btf(reg.ty) {
            Some(s) => (btf.find(crate::btf::KIND_STRUCT, s).unwrap_or(0), 0),
            None => (BtfPtr::of(reg.aux).map_or(0, |p| p.id()), reg.off as i64),
        };
        let strict = k.release && reg.ref_obj_id != 0;
        let (same, walk_msg) = if strict {
            let same = off == 0
                && btf
                    .get(have_id)
                    .is_ok_and(|t| t.name == ref_t.name && t.is_composite());
            (same, None)
        } else {
            crate::btf_access::struct_ids_match(
                btf,
                have_id,
                off,
                &ref_t.name,
                self.rules.trusted_ptrs,
            )
        };
        if let Some(m) = walk_msg.filter(|_| !same) {
            self.verbose(&format!("{m}\n"));
        }
        // btf_is_projection_of(): a kfunc taking the program's view of a
        // kernel struct (`__sk_buff`, `xdp_md`) takes the struct itself
        let have_name = btf.get(have_id).map(|t| t.name.clone()).unwrap_or_default();
        let projection = matches!(
            (ref_t.name.as_str(), have_name.as_str()),
            ("__sk_buff", "sk_buff") | ("xdp_md", "xdp_buff")
        );
        if !same && !projection {
            return Err(self.kfunc_struct_mismatch(name, i, &ref_t.name, regno, &have_name));
        }
        Ok(())
    }

    /// `check_css_task_iter_allowlist()`: LSM programs, BPF iterators and
    /// sleepable programs.
    fn css_task_iter_allowed(&self) -> bool {
        use crate::program::{AttachType, ProgType};
        match self.prog.prog_type {
            ProgType::Lsm => true,
            ProgType::Tracing if self.prog.expected_attach_type == Some(AttachType::TraceIter) => {
                true
            }
            _ => self.in_sleepable(),
        }
    }

    /// `get_kern_ctx_btf_id()`: the kernel struct behind the program
    /// type's context, as `struct bpf_ctx_convert` pairs them in the
    /// kernel's BTF (`BPF_PROG_TYPE_SCHED_CLS_kern` is a `struct sk_buff`).
    fn get_kern_ctx_btf_id(&mut self, btf: &crate::btf::Btf) -> VResult<u32> {
        let member = format!(
            "BPF_PROG_TYPE_{}_kern",
            self.prog.prog_type.name().to_uppercase()
        );
        let ty = btf
            .find(crate::btf::KIND_STRUCT, "bpf_ctx_convert")
            .and_then(|c| btf.get(c).ok())
            .and_then(|c| c.members.iter().find(|(n, _, _)| *n == member).map(|m| m.1))
            .unwrap_or(0);
        if btf.get(ty).is_ok_and(|t| t.is_composite()) {
            return Ok(ty);
        }
        Err(self
            .fail(EINVAL, &format!("kern ctx type id {ty} is not a struct"))
            .because(Reason::ArgumentType { reg: Some(1) }))
    }

    /// The end of `get_kfunc_ptr_arg_type()` (both kernels): memory a
    /// kfunc takes points to a scalar or a struct of scalars, or, with a
    /// length after it, to void (`ok_anyway`: a pointee the caller takes by
    /// other rules). The struct walk's lines go to the log first.
    pub(crate) fn check_kfunc_mem_pointee(
        &mut self,
        i: usize,
        ref_t: &Type,
        ref_id: u32,
        mem_size: bool,
        ok_anyway: bool,
        btf: &crate::btf::Btf,
    ) -> VResult<()> {
        let mut lines = Vec::new();
        let scalar = ref_t.kind == crate::btf::KIND_INT
            || ref_t.is_any_enum()
            || (ref_id != 0 && crate::btf_access::is_scalar_struct(btf, ref_id, 0, &mut lines));
        for l in lines {
            self.verbose(&format!("{l}\n"));
        }
        let void = ref_id == 0;
        if scalar || ok_anyway || (mem_size && void) {
            return Ok(());
        }
        // btf_type_str() of type 0 (void): BTF_KIND_UNKN
        let (kind, tname) = if void {
            ("UNKNOWN".to_string(), String::new())
        } else {
            (kind_str(ref_t.kind).to_uppercase(), ref_t.name.clone())
        };
        Err(self
            .fail(
                EINVAL,
                &format!(
                    "arg#{i} pointer type {kind} {tname} must point to {}scalar, or struct with scalar",
                    if mem_size { "void, " } else { "" }
                ),
            )
            .because(Reason::ArgumentType {
                reg: Some(i as u8 + 1),
            }))
    }

    /// `check_mem_reg()`: NULL, or `size` bytes read, then written.
    pub(crate) fn check_mem_reg(&mut self, regno: u8, reg: &RegState, size: u64) -> VResult<()> {
        if reg.is_null_const() {
            return Ok(());
        }
        self.with_not_null(regno, |env| {
            env.helper_mem_access(regno, size, false, true, None)?;
            env.helper_mem_access(regno, size, true, true, None)
        })
    }

    /// `check_kfunc_mem_size_reg()`: the memory before `size_regno` for
    /// as many bytes as the size may be, read then written.
    pub(crate) fn check_kfunc_mem_size_reg(&mut self, size_regno: u8) -> VResult<()> {
        self.with_not_null(size_regno - 1, |env| {
            let mut am = crate::func_arg::ArgMeta::default();
            env.check_mem_size_reg(size_regno, false, true, &mut am)?;
            env.check_mem_size_reg(size_regno, true, true, &mut am)
        })
    }
}
