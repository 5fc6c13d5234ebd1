//! Plain-language readings of register values, in kernel notation.

use veristep_core::{RegState, RegType};

/// [`read_reg`], naming a kernel struct a BTF pointer points to and how
/// far 6.12 trusts it (`trusted_ptr_task_struct`: "a kernel struct
/// task_struct (trusted)").
pub fn read_reg_in(prog: &veristep_core::Program, r: &RegState) -> String {
    if r.ty != RegType::BtfId {
        return read_reg(r);
    }
    let Some(p) = veristep_core::btf_access::BtfPtr::of(r.aux) else {
        return read_reg(r);
    };
    let name = prog
        .kernel_btf
        .as_ref()
        .and_then(|k| k.btf.get(p.id()).ok())
        .map(|t| t.name.clone())
        .unwrap_or_default();
    let mut what = format!("a kernel struct {name}");
    for (f, w) in [
        (veristep_core::btf_access::TRUSTED, "trusted"),
        (veristep_core::btf_access::RCU, "RCU-protected"),
        (
            veristep_core::btf_access::UNTRUSTED,
            "untrusted: read only, never passed on",
        ),
        (
            veristep_core::btf_access::USER,
            "user memory: not readable directly",
        ),
        (
            veristep_core::btf_access::PERCPU,
            "per-CPU: not readable directly",
        ),
    ] {
        if p.has(f) {
            what.push_str(&format!(" ({w})"));
        }
    }
    maybe(r, &what)
        + &if r.ref_obj_id != 0 {
            format!(", holding reference {}", r.ref_obj_id)
        } else {
            String::new()
        }
}

/// "an unknown number 0..7", "the number 3", "a pointer into the stack (fp-8)", ...
pub fn read_reg(r: &RegState) -> String {
    match r.ty {
        RegType::NotInit => "nothing (never written)".into(),
        RegType::Scalar => {
            if r.var_off.is_const() {
                format!("the number {}", r.var_off.value as i64)
            } else if r.umin == 0 && r.umax == u64::MAX && r.smin == i64::MIN {
                "an unknown number".into()
            } else if r.smin < 0 {
                format!("an unknown number {}..{}", r.smin, r.smax)
            } else {
                format!("an unknown number {}..{}", r.umin, r.umax)
            }
        }
        RegType::Ctx => "the program's context".into(),
        RegType::Stack => format!("a pointer into the stack of frame {}", r.frameno),
        RegType::ConstPtrToMap => "a map".into(),
        RegType::MapValue => maybe(r, "a map value"),
        RegType::MapKey => "a map key".into(),
        RegType::Packet => format!("packet data ({} bytes checked)", r.aux as i32),
        RegType::PacketMeta => "packet metadata".into(),
        RegType::PacketEnd => "the end of the packet".into(),
        RegType::AllocMem => maybe(r, "a ring buffer record"),
        RegType::Mem => "memory".into(),
        RegType::Socket => maybe(r, "a socket"),
        RegType::SockCommon => maybe(r, "a socket (common part)"),
        RegType::TcpSock => maybe(r, "a TCP socket"),
        RegType::XdpSock => maybe(
            r,
            "an AF_XDP socket of an xskmap (its queue_id may be read)",
        ),
        RegType::FlowKeys => "the flow keys the dissector fills in".into(),
        RegType::TpBuffer => "the tracepoint's writable buffer".into(),
        RegType::Func => "the address of a function (a callback)".into(),
        RegType::BtfId => maybe(r, "a kernel object"),
        RegType::Buf if r.rdonly => maybe(r, "the iterated element's key (read-only)"),
        RegType::Buf => maybe(r, "the iterated element's value"),
        RegType::ConstPtrToDynptr => {
            "a read-only dynptr (it may be read through, never released)".into()
        }
        RegType::Arena => "an address in the program's arena (any load or store goes)".into(),
    }
    .to_string()
        + &if r.ref_obj_id != 0 {
            format!(", holding reference {}", r.ref_obj_id)
        } else {
            String::new()
        }
}

fn maybe(r: &RegState, what: &str) -> String {
    if r.maybe_null {
        format!("{} or NULL (check it first)", what)
    } else {
        what.to_string()
    }
}
