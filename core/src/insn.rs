//! The kernel's 8-byte instruction (`struct bpf_insn`) and its opcode fields
//! (`include/uapi/linux/bpf.h`, `bpf_common.h`).

/// One 8-byte BPF instruction exactly as the kernel receives it.
/// A 64-bit immediate load (`BPF_LD | BPF_IMM | BPF_DW`) takes two of them;
/// the second has `code == 0` and carries the upper 32 bits in `imm`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Insn {
    pub code: u8,
    pub dst: u8,
    pub src: u8,
    pub off: i16,
    pub imm: i32,
}

// instruction classes
pub const BPF_LD: u8 = 0x00;
pub const BPF_LDX: u8 = 0x01;
pub const BPF_ST: u8 = 0x02;
pub const BPF_STX: u8 = 0x03;
pub const BPF_ALU: u8 = 0x04;
pub const BPF_JMP: u8 = 0x05;
pub const BPF_JMP32: u8 = 0x06;
pub const BPF_ALU64: u8 = 0x07;

// size (ld/st)
pub const BPF_W: u8 = 0x00;
pub const BPF_H: u8 = 0x08;
pub const BPF_B: u8 = 0x10;
pub const BPF_DW: u8 = 0x18;

// mode (ld/st)
pub const BPF_IMM: u8 = 0x00;
pub const BPF_ABS: u8 = 0x20;
pub const BPF_IND: u8 = 0x40;
pub const BPF_MEM: u8 = 0x60;
pub const BPF_MEMSX: u8 = 0x80;
pub const BPF_ATOMIC: u8 = 0xc0;

// source
pub const BPF_K: u8 = 0x00;
pub const BPF_X: u8 = 0x08;

// alu ops
pub const BPF_ADD: u8 = 0x00;
pub const BPF_SUB: u8 = 0x10;
pub const BPF_MUL: u8 = 0x20;
pub const BPF_DIV: u8 = 0x30;
pub const BPF_OR: u8 = 0x40;
pub const BPF_AND: u8 = 0x50;
pub const BPF_LSH: u8 = 0x60;
pub const BPF_RSH: u8 = 0x70;
pub const BPF_NEG: u8 = 0x80;
pub const BPF_MOD: u8 = 0x90;
pub const BPF_XOR: u8 = 0xa0;
pub const BPF_MOV: u8 = 0xb0;
pub const BPF_ARSH: u8 = 0xc0;
pub const BPF_END: u8 = 0xd0;
/// `BPF_END` direction, in the source bit: to little / big endian.
pub const BPF_TO_LE: u8 = 0x00;
pub const BPF_TO_BE: u8 = 0x08;

// jump ops
pub const BPF_JA: u8 = 0x00;
pub const BPF_JEQ: u8 = 0x10;
pub const BPF_JGT: u8 = 0x20;
pub const BPF_JGE: u8 = 0x30;
pub const BPF_JSET: u8 = 0x40;
pub const BPF_JNE: u8 = 0x50;
pub const BPF_JSGT: u8 = 0x60;
pub const BPF_JSGE: u8 = 0x70;
pub const BPF_CALL: u8 = 0x80;
pub const BPF_EXIT: u8 = 0x90;
pub const BPF_JLT: u8 = 0xa0;
pub const BPF_JLE: u8 = 0xb0;
pub const BPF_JSLT: u8 = 0xc0;
pub const BPF_JSLE: u8 = 0xd0;
/// `BPF_JCOND` (6.9+): `may_goto` when `src_reg` is `BPF_MAY_GOTO` (0).
pub const BPF_JCOND: u8 = 0xe0;

// atomic ops (in imm)
pub const BPF_FETCH: i32 = 0x01;
pub const BPF_XCHG: i32 = 0xe0 | BPF_FETCH;
pub const BPF_CMPXCHG: i32 = 0xf0 | BPF_FETCH;
/// Linux 6.15's load-acquire and store-release (`BPF_ATOMIC` imm): no
/// modelled kernel knows them, they are parsed and printed to be refused.
pub const BPF_LOAD_ACQ: i32 = 0x100;
pub const BPF_STORE_REL: i32 = 0x110;

// src_reg of ld_imm64
pub const BPF_PSEUDO_MAP_FD: u8 = 1;
pub const BPF_PSEUDO_MAP_VALUE: u8 = 2;
/// `ld_imm64` of a kernel variable: `imm` is its BTF id (a typed `__ksym`).
pub const BPF_PSEUDO_BTF_ID: u8 = 3;
pub const BPF_PSEUDO_FUNC: u8 = 4;
// src_reg of call
pub const BPF_PSEUDO_CALL: u8 = 1;
pub const BPF_PSEUDO_KFUNC_CALL: u8 = 2;

pub const MAX_BPF_REG: usize = 11;
pub const BPF_REG_FP: u8 = 10;

impl Insn {
    pub const fn new(code: u8, dst: u8, src: u8, off: i16, imm: i32) -> Self {
        Insn {
            code,
            dst,
            src,
            off,
            imm,
        }
    }
    pub fn class(&self) -> u8 {
        self.code & 0x07
    }
    pub fn size(&self) -> u8 {
        self.code & 0x18
    }
    pub fn mode(&self) -> u8 {
        self.code & 0xe0
    }
    pub fn op(&self) -> u8 {
        self.code & 0xf0
    }
    pub fn source(&self) -> u8 {
        self.code & 0x08
    }
    /// Size in bytes of a load/store.
    pub fn size_bytes(&self) -> u32 {
        match self.size() {
            BPF_B => 1,
            BPF_H => 2,
            BPF_W => 4,
            _ => 8,
        }
    }
    /// `gotol` (`BPF_JMP32 | BPF_JA`, cpu v4) keeps its 32-bit offset in
    /// `imm`; every other jump in `off`.
    pub fn is_gotol(&self) -> bool {
        self.code == BPF_JMP32 | BPF_JA
    }
    /// The jump offset of a jump instruction (`imm` for `gotol`).
    pub fn jmp_off(&self) -> i64 {
        if self.is_gotol() {
            self.imm as i64
        } else {
            self.off as i64
        }
    }
    pub fn is_ld_imm64(&self) -> bool {
        self.code == BPF_LD | BPF_IMM | BPF_DW
    }
    pub fn is_call(&self) -> bool {
        self.code == BPF_JMP | BPF_CALL
    }
    pub fn is_helper_call(&self) -> bool {
        self.is_call() && self.src == 0
    }
    pub fn is_pseudo_call(&self) -> bool {
        self.is_call() && self.src == BPF_PSEUDO_CALL
    }
    pub fn is_kfunc_call(&self) -> bool {
        self.is_call() && self.src == BPF_PSEUDO_KFUNC_CALL
    }
    pub fn is_pseudo_func(&self) -> bool {
        self.is_ld_imm64() && self.src == BPF_PSEUDO_FUNC
    }
    /// The function a bpf-to-bpf call or a function address at index `idx`
    /// names (`idx + imm + 1`, maybe out of the program); None for any
    /// other instruction.
    pub fn subprog_target(&self, idx: usize) -> Option<i64> {
        (self.is_pseudo_call() || self.is_pseudo_func()).then(|| idx as i64 + self.imm as i64 + 1)
    }
    pub fn is_exit(&self) -> bool {
        self.code == BPF_JMP | BPF_EXIT
    }
    /// The 8 little-endian bytes the kernel reads.
    pub fn to_bytes(&self) -> [u8; 8] {
        let mut b = [0u8; 8];
        b[0] = self.code;
        b[1] = (self.dst & 0x0f) | ((self.src & 0x0f) << 4);
        b[2..4].copy_from_slice(&self.off.to_le_bytes());
        b[4..8].copy_from_slice(&self.imm.to_le_bytes());
        b
    }
    pub fn from_bytes(b: [u8; 8]) -> Self {
        Insn {
            code: b[0],
            dst: b[1] & 0x0f,
            src: b[1] >> 4,
            off: i16::from_le_bytes([b[2], b[3]]),
            imm: i32::from_le_bytes([b[4], b[5], b[6], b[7]]),
        }
    }
}
