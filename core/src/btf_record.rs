//! `struct btf_record` (kernel/bpf/btf.c's `btf_parse_fields()`): the
//! special fields of a type in the program's own BTF — of a map value, of a
//! global data section, of an object the program allocates with
//! `bpf_obj_new()` (6.2+) — that loads and stores may not touch: spin locks,
//! timers, the graph roots (`bpf_list_head`, `bpf_rb_root`) with the type
//! and node their `contains:TYPE:NODE` decl tag names, graph nodes
//! (`bpf_list_node`, `bpf_rb_node`), `bpf_refcount` and kptrs.
//!
//! `btf_parse_struct_metas()` gives a record to every struct with a member
//! of one of those types (the `btf_struct_meta` of an allocated object);
//! [`struct_meta`] finds it.

use crate::btf::{Btf, Type, KIND_ARRAY, KIND_DATASEC, KIND_DECL_TAG, KIND_STRUCT, KIND_VAR};

/// `enum btf_field_type`, the kinds modelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldType {
    SpinLock,
    Timer,
    Wq,
    ListHead,
    ListNode,
    RbRoot,
    RbNode,
    Refcount,
    /// A kptr (`__kptr`, `__kptr_untrusted`).
    Kptr,
    /// `__percpu_kptr`.
    PercpuKptr,
}

impl FieldType {
    /// `btf_field_type_name()`.
    pub fn name(self) -> &'static str {
        match self {
            FieldType::SpinLock => "bpf_spin_lock",
            FieldType::Timer => "bpf_timer",
            FieldType::Wq => "bpf_wq",
            FieldType::ListHead => "bpf_list_head",
            FieldType::ListNode => "bpf_list_node",
            FieldType::RbRoot => "bpf_rb_root",
            FieldType::RbNode => "bpf_rb_node",
            FieldType::Refcount => "bpf_refcount",
            FieldType::Kptr => "kptr",
            FieldType::PercpuKptr => "percpu_kptr",
        }
    }

    /// `btf_field_type_size()` on x86-64.
    pub fn size(self) -> u32 {
        match self {
            FieldType::SpinLock | FieldType::Refcount => 4,
            FieldType::Timer | FieldType::Wq | FieldType::ListHead | FieldType::RbRoot => 16,
            FieldType::ListNode => 24,
            FieldType::RbNode => 32,
            FieldType::Kptr | FieldType::PercpuKptr => 8,
        }
    }

    /// `btf_field_type_align()`.
    fn align(self) -> u32 {
        match self {
            FieldType::SpinLock | FieldType::Refcount => 4,
            _ => 8,
        }
    }

    fn by_struct_name(name: &str) -> Option<FieldType> {
        Some(match name {
            "bpf_spin_lock" => FieldType::SpinLock,
            "bpf_timer" => FieldType::Timer,
            "bpf_wq" => FieldType::Wq,
            "bpf_list_head" => FieldType::ListHead,
            "bpf_list_node" => FieldType::ListNode,
            "bpf_rb_root" => FieldType::RbRoot,
            "bpf_rb_node" => FieldType::RbNode,
            "bpf_refcount" => FieldType::Refcount,
            _ => return None,
        })
    }

    /// A graph root (`BPF_GRAPH_ROOT`).
    pub fn is_root(self) -> bool {
        matches!(self, FieldType::ListHead | FieldType::RbRoot)
    }

    /// The root that holds a node of this kind.
    pub fn root(self) -> FieldType {
        match self {
            FieldType::RbNode => FieldType::RbRoot,
            _ => FieldType::ListHead,
        }
    }

    /// The node a root of this kind holds.
    pub fn node(self) -> FieldType {
        match self {
            FieldType::RbRoot => FieldType::RbNode,
            _ => FieldType::ListNode,
        }
    }
}

/// `struct btf_field_graph_root`: what a list head or rbtree root holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GraphRoot {
    /// The struct of the program's BTF its `contains:` tag names.
    pub value_btf_id: u32,
    /// Where the node sits in that struct.
    pub node_offset: u32,
}

/// `struct btf_field`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub off: u32,
    pub ty: FieldType,
    pub root: Option<GraphRoot>,
}

impl Field {
    pub fn size(&self) -> u32 {
        self.ty.size()
    }
}

/// `struct btf_record`: the fields by offset.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    pub fields: Vec<Field>,
}

impl Record {
    /// `spin_lock_off`: `btf_parse_fields()` keeps the last lock found (a
    /// nested struct may add a second one; the kernel warns).
    pub fn spin_lock_off(&self) -> Option<u32> {
        self.last_off(FieldType::SpinLock)
    }
    /// `refcount_off`, the last one too.
    pub fn refcount_off(&self) -> Option<u32> {
        self.last_off(FieldType::Refcount)
    }
    /// The offset of the last field of kind `t` found (`timer_off`,
    /// `wq_off`). A record holds its fields in the order found, which is
    /// their offsets' order (`finish` refuses any that comes back).
    pub fn last_off(&self, t: FieldType) -> Option<u32> {
        self.fields.iter().rev().find(|f| f.ty == t).map(|f| f.off)
    }
    /// The lock, timer and workqueue of a map whose value has this
    /// record, and the fields of those kinds found before them.
    pub fn special_fields(&self) -> crate::program::SpecialFields {
        let kinds = [FieldType::SpinLock, FieldType::Timer, FieldType::Wq];
        let earlier = self
            .fields
            .iter()
            .filter(|f| kinds.contains(&f.ty) && self.last_off(f.ty) != Some(f.off))
            .map(|f| (f.off, f.ty))
            .collect();
        crate::program::SpecialFields {
            lock_off: self.spin_lock_off(),
            timer_off: self.last_off(FieldType::Timer),
            wq_off: self.last_off(FieldType::Wq),
            earlier,
        }
    }
    pub fn has(&self, t: FieldType) -> bool {
        self.find_type(t).is_some()
    }
    fn find_type(&self, t: FieldType) -> Option<&Field> {
        self.fields.iter().find(|f| f.ty == t)
    }
    /// `btf_record_find()`: the field of kind `t` starting at `off`.
    pub fn find(&self, off: u32, t: FieldType) -> Option<&Field> {
        self.fields.iter().find(|f| f.off == off && f.ty == t)
    }
    /// The first field that `[off, off + size)` overlaps.
    pub fn overlapping(&self, off: i64, size: i64) -> Option<&Field> {
        self.fields
            .iter()
            .find(|f| off < f.off as i64 + f.size() as i64 && (f.off as i64) < off + size)
    }
}

/// Why a record cannot be made: the kernel's errno (the map or BTF load
/// fails).
pub type ParseError = i32;
const EINVAL: i32 = 22;
const E2BIG: i32 = 7;
const EEXIST: i32 = 17;
use crate::env::ENOENT;
const ELOOP: i32 = 40;
const EFAULT: i32 = 14;
/// `BTF_FIELDS_MAX`.
const FIELDS_MAX: usize = 11;
/// `MAX_RESOLVE_DEPTH`.
const MAX_RESOLVE_DEPTH: usize = 32;

/// The fields one walk finds, before `btf_parse_fields()` checks them.
#[derive(Clone)]
struct Found {
    off: u32,
    ty: FieldType,
    /// A root's `contains:` value: (struct name, node member name).
    contains: Option<(String, String)>,
}

/// A kptr's tag on a pointer type (`btf_find_kptr()`): the kind, if the
/// pointee is a struct behind a `kptr` / `kptr_untrusted` /
/// `percpu_kptr` type tag.
fn kptr_type(btf: &Btf, t: &Type) -> Option<FieldType> {
    if t.kind != crate::btf::KIND_PTR {
        return None;
    }
    let tag = btf.get(t.size_or_type).ok()?;
    if tag.kind != crate::btf::KIND_TYPE_TAG {
        return None;
    }
    let ty = match tag.name.as_str() {
        "kptr" | "kptr_untrusted" => FieldType::Kptr,
        "percpu_kptr" => FieldType::PercpuKptr,
        _ => return None,
    };
    // the pointee must be a struct
    let target = btf.skip_mods(tag.size_or_type).ok()?;
    (btf.get(target).ok()?.kind == KIND_STRUCT).then_some(ty)
}

/// `btf_find_decl_tag_value()`: the value of the one `KEY` decl tag on
/// component `comp` (-1: the declaration itself) of type `pt`; two are
/// EEXIST, none ENOENT.
fn decl_tag_value(btf: &Btf, pt: u32, comp: i32, key: &str) -> Result<String, ParseError> {
    let mut found = None;
    for t in btf
        .types
        .iter()
        .filter(|t| t.kind == KIND_DECL_TAG && t.size_or_type == pt && t.int_enc as i32 == comp)
    {
        if let Some(v) = t.name.strip_prefix(key) {
            if found.is_some() {
                return Err(EEXIST);
            }
            found = Some(v.to_string());
        }
    }
    found.ok_or(ENOENT)
}

/// The walk of `btf_find_field()`: members of struct `t` (or variables of
/// a DATASEC), nested structs and arrays, at most `FIELDS_MAX` fields.
struct Walker<'a> {
    btf: &'a Btf,
    found: Vec<Found>,
    seen_lock: bool,
    seen_timer: bool,
    seen_wq: bool,
}

impl<'a> Walker<'a> {
    fn new(btf: &'a Btf) -> Self {
        Walker {
            btf,
            found: Vec::new(),
            seen_lock: false,
            seen_timer: false,
            seen_wq: false,
        }
    }

    /// `btf_find_field_one()` for one member or variable: `pt` and `comp`
    /// say where its decl tags hang.
    fn one(
        &mut self,
        pt: u32,
        comp: i32,
        var_type: u32,
        off: u32,
        expected_size: u32,
        level: u32,
    ) -> Result<(), ParseError> {
        let btf = self.btf;
        let mut id = var_type;
        let mut nelems: u32 = 1;
        let mut depth = 0;
        loop {
            let Ok(t) = btf.get(id) else { return Ok(()) };
            // btf_type_by_id() of a member: typedefs and modifiers are
            // looked through by __btf_type_is_struct's callers only for
            // arrays; the kernel resolves member types (btf_type_by_id)
            // without skipping, so a typedef'd struct is not a field
            if t.kind == KIND_ARRAY && depth < MAX_RESOLVE_DEPTH {
                let (elem, n) = t.array.unwrap_or((0, 0));
                nelems = nelems.saturating_mul(n);
                id = elem;
                depth += 1;
                continue;
            }
            if depth == MAX_RESOLVE_DEPTH {
                return Err(E2BIG);
            }
            break;
        }
        if nelems == 0 {
            return Ok(());
        }
        let Ok(t) = btf.get(id) else { return Ok(()) };
        let field = if t.kind == KIND_STRUCT {
            FieldType::by_struct_name(&t.name)
        } else {
            kptr_type(btf, t)
        };
        let Some(ty) = field else {
            // a struct of no special name: its members (btf_find_nested_struct)
            if t.kind == KIND_STRUCT {
                let sz = t.size_or_type;
                if expected_size != 0 && expected_size != sz.saturating_mul(nelems) {
                    return Ok(());
                }
                // btf_find_nested_struct(): nesting is bounded (and so is
                // a damaged BTF's struct that contains itself)
                if level >= MAX_RESOLVE_DEPTH as u32 {
                    return Err(E2BIG);
                }
                let before = self.found.len();
                self.members(id, off, level + 1)?;
                let per_elem: Vec<Found> = self.found[before..]
                    .iter()
                    .map(|f| Found {
                        off: f.off,
                        ty: f.ty,
                        contains: f.contains.clone(),
                    })
                    .collect();
                if nelems > 1 && !per_elem.is_empty() {
                    repeatable(&per_elem)?;
                }
                // (at most FIELDS_MAX fields: push() stops a long array)
                for i in 1..if per_elem.is_empty() { 1 } else { nelems } {
                    for f in &per_elem {
                        self.push(Found {
                            off: f.off.saturating_add(i.saturating_mul(sz)),
                            ty: f.ty,
                            contains: f.contains.clone(),
                        })?;
                    }
                }
            }
            return Ok(());
        };
        // one of each of these per struct (btf_get_field_type()'s
        // seen_mask; 6.12.95 lets refcounts repeat)
        let seen = match ty {
            FieldType::SpinLock => Some(&mut self.seen_lock),
            FieldType::Timer => Some(&mut self.seen_timer),
            FieldType::Wq => Some(&mut self.seen_wq),
            _ => None,
        };
        if let Some(s) = seen {
            if *s {
                return Err(E2BIG);
            }
            *s = true;
        }
        let sz = ty.size();
        if expected_size != 0 && expected_size != sz.saturating_mul(nelems) {
            return Ok(());
        }
        if !off.is_multiple_of(ty.align()) {
            return Ok(());
        }
        let contains = if ty.is_root() {
            if t.size_or_type != sz {
                return Ok(());
            }
            let value = decl_tag_value(btf, pt, comp, "contains:").map_err(|_| EINVAL)?;
            let (tname, node) = value.split_once(':').ok_or(EINVAL)?;
            if node.is_empty() {
                return Err(EINVAL);
            }
            Some((tname.to_string(), node.to_string()))
        } else {
            None
        };
        let one = Found {
            off,
            ty,
            contains: contains.clone(),
        };
        if nelems > 1 {
            repeatable(std::slice::from_ref(&one))?;
        }
        for i in 0..nelems {
            self.push(Found {
                off: off.saturating_add(i.saturating_mul(sz)),
                ..one.clone()
            })?;
        }
        Ok(())
    }

    fn push(&mut self, f: Found) -> Result<(), ParseError> {
        if self.found.len() >= FIELDS_MAX {
            return Err(E2BIG);
        }
        self.found.push(f);
        Ok(())
    }

    /// `btf_find_struct_field()`: its own `seen_mask`, so a nested struct
    /// may hold a lock of its own beside its container's.
    fn members(&mut self, sid: u32, base: u32, level: u32) -> Result<(), ParseError> {
        let Ok(t) = self.btf.get(sid) else {
            return Ok(());
        };
        let t = t.clone();
        let outer = self.take_seen();
        for (i, (_, mty, bits)) in t.members.iter().enumerate() {
            let bits = if t.kflag { bits & 0xff_ffff } else { *bits };
            if !bits.is_multiple_of(8) {
                return Err(EINVAL);
            }
            self.one(sid, i as i32, *mty, base.saturating_add(bits / 8), 0, level)?;
        }
        (self.seen_lock, self.seen_timer, self.seen_wq) = outer;
        Ok(())
    }

    /// The container's `seen_mask`, set aside (and this walk's cleared).
    fn take_seen(&mut self) -> (bool, bool, bool) {
        let s = (self.seen_lock, self.seen_timer, self.seen_wq);
        (self.seen_lock, self.seen_timer, self.seen_wq) = (false, false, false);
        s
    }
}

/// `btf_parse_fields()` of type `id` (a struct or a DATASEC) of
/// `value_size` bytes: Ok(None) if it has no special field.
pub fn parse_fields(btf: &Btf, id: u32, value_size: u32) -> Result<Option<Record>, ParseError> {
    let Ok(t) = btf.get(id) else {
        return Ok(None);
    };
    let mut w = Walker::new(btf);
    match t.kind {
        KIND_STRUCT => w.members(id, 0, 0)?,
        KIND_DATASEC => {
            let vars: Vec<(u32, u32)> = t.members.iter().map(|(_, v, off)| (*v, *off)).collect();
            return parse_datasec_fields(btf, &vars, value_size);
        }
        _ => return Ok(None),
    }
    finish(btf, w.found, value_size)
}

/// `btf_parse_fields()` of a global data section: its variables (VAR ids)
/// where libbpf placed them (the DATASEC's offsets clang leaves at 0).
pub fn parse_datasec_fields(
    btf: &Btf,
    vars: &[(u32, u32)],
    value_size: u32,
) -> Result<Option<Record>, ParseError> {
    let mut w = Walker::new(btf);
    // btf_find_datasec_var(): each variable, its tags on the VAR
    for &(var, off) in vars {
        let Ok(v) = btf.get(var) else { continue };
        if v.kind != KIND_VAR {
            continue;
        }
        let size = btf.size_of(v.size_or_type).unwrap_or(0);
        w.one(var, -1, v.size_or_type, off, size, 0)?;
    }
    finish(btf, w.found, value_size)
}

/// `btf_repeat_fields()`: only kptrs and graph roots may repeat (an
/// array of them, or of structs holding only them).
fn repeatable(fields: &[Found]) -> Result<(), ParseError> {
    if fields
        .iter()
        .all(|f| f.ty.is_root() || matches!(f.ty, FieldType::Kptr | FieldType::PercpuKptr))
    {
        Ok(())
    } else {
        Err(EINVAL)
    }
}

/// The checks of `btf_parse_fields()` over the fields found.
fn finish(btf: &Btf, found: Vec<Found>, value_size: u32) -> Result<Option<Record>, ParseError> {
    if found.is_empty() {
        return Ok(None);
    }
    // in the order found, as btf_parse_fields() reads them: fields that
    // overlap or come back before one already read are refused
    let mut found = found;
    let mut rec = Record::default();
    let mut next_off = 0;
    for f in found.iter_mut() {
        let size = f.ty.size();
        if f.off.saturating_add(size) > value_size {
            return Err(14);
        }
        if f.off < next_off {
            return Err(EEXIST);
        }
        next_off = f.off.saturating_add(size);
        let root = match f.contains.take() {
            Some((tname, node)) => Some(graph_root(btf, &tname, &node, f.ty)?),
            None => None,
        };
        rec.fields.push(Field {
            off: f.off,
            ty: f.ty,
            root,
        });
    }
    // bpf_{list_head, rb_node} require bpf_spin_lock
    if (rec.has(FieldType::ListHead) || rec.has(FieldType::RbRoot)) && rec.spin_lock_off().is_none()
    {
        return Err(EINVAL);
    }
    if rec.refcount_off().is_none() && rec.has(FieldType::ListNode) && rec.has(FieldType::RbNode) {
        return Err(EINVAL);
    }
    rec.fields.sort_by_key(|f| f.off);
    Ok(Some(rec))
}

/// `btf_find_graph_root()` + `btf_parse_graph_root()`: the struct a root's
/// tag names and its node member's offset.
fn graph_root(
    btf: &Btf,
    tname: &str,
    node: &str,
    root: FieldType,
) -> Result<GraphRoot, ParseError> {
    let value_btf_id = btf.find(KIND_STRUCT, tname).ok_or(ENOENT)?;
    let t = btf.get(value_btf_id).map_err(|_| EINVAL)?;
    let want = root.node();
    let mut found = None;
    for (name, mty, bits) in &t.members {
        if name != node {
            continue;
        }
        if found.is_some() {
            return Err(EINVAL);
        }
        let n = btf.get(*mty).map_err(|_| EINVAL)?;
        if n.kind != KIND_STRUCT || n.name != want.name() {
            return Err(EINVAL);
        }
        let bits = if t.kflag { bits & 0xff_ffff } else { *bits };
        if !bits.is_multiple_of(8) || !(bits / 8).is_multiple_of(want.align()) {
            return Err(EINVAL);
        }
        found = Some(bits / 8);
    }
    Ok(GraphRoot {
        value_btf_id,
        node_offset: found.ok_or(ENOENT)?,
    })
}

/// `alloc_obj_fields[]`: the struct names whose presence as a member gives
/// a struct its `btf_struct_meta`.
const ALLOC_OBJ_FIELDS: &[&str] = &[
    "bpf_spin_lock",
    "bpf_list_head",
    "bpf_list_node",
    "bpf_rb_root",
    "bpf_rb_node",
    "bpf_refcount",
];

/// `btf_find_struct_meta()`: the record of struct `id` of the program's
/// BTF, if it has one — a direct member of one of the special types, or a
/// kptr. Err: the kernel refuses the program's BTF at load.
pub fn struct_meta(btf: &Btf, id: u32) -> Result<Option<Record>, ParseError> {
    let Ok(t) = btf.get(id) else {
        return Ok(None);
    };
    if t.kind != KIND_STRUCT {
        return Ok(None);
    }
    let special = t.members.iter().any(|(_, mty, _)| {
        btf.get(*mty).is_ok_and(|m| {
            (m.kind == KIND_STRUCT && ALLOC_OBJ_FIELDS.contains(&m.name.as_str()))
                || kptr_type(btf, m).is_some()
        })
    });
    if !special {
        return Ok(None);
    }
    match parse_fields(btf, id, t.size_or_type)? {
        Some(r) => Ok(Some(r)),
        // "The record cannot be unset"
        None => Err(14),
    }
}

/// What the kernel (6.2+) checks of the program's BTF's own structs when
/// it loads that BTF, and the errno it refuses the whole BTF with:
/// `btf_parse_struct_metas()` — every struct with a direct member of a
/// special type (or a kptr) must have a record — then
/// `btf_check_and_fixup_fields()` of 6.12.95 on each: a root's contained
/// struct has a record (else EFAULT), and a struct that is both a graph
/// root and a graph node owns no root type (ELOOP: no ownership cycles).
pub fn struct_metas_refusal(btf: &Btf) -> Option<ParseError> {
    let mut metas = Vec::new();
    for id in 1..btf.types.len() as u32 {
        match struct_meta(btf, id) {
            Err(e) => return Some(e),
            Ok(Some(r)) => metas.push(r),
            Ok(None) => {}
        }
    }
    for rec in &metas {
        let node = rec
            .fields
            .iter()
            .any(|f| matches!(f.ty, FieldType::ListNode | FieldType::RbNode));
        for root in rec.fields.iter().filter_map(|f| f.root.as_ref()) {
            match struct_meta(btf, root.value_btf_id) {
                Ok(Some(owned)) => {
                    if node && owned.fields.iter().any(|f| f.ty.is_root()) {
                        return Some(ELOOP);
                    }
                }
                _ => return Some(EFAULT),
            }
        }
    }
    None
}
