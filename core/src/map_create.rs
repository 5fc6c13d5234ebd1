//! `map_create()` (kernel/bpf/syscall.c) as libbpf meets it: each map
//! type's `map_alloc_check` / `map_alloc` sanity checks on the key size,
//! value size and number of entries, the same in Linux 6.1 and 6.12.
//!
//! libbpf creates every map of an object before it loads any program
//! (`bpf_object__create_maps`), so a map the kernel refuses fails the whole
//! object: no program of it reaches the verifier. The usual cause in real
//! programs is a size left for user space to set (`max_entries` of a ring
//! buffer, a bloom filter's value size), which a loader that does not set
//! it passes on as 0.
//!
//! Flags (but an arena's), NUMA nodes and capabilities are not checked here (veristep runs
//! as root, and objects' flags are those libbpf passes).

use crate::program::{MapDef, MapType, BPF_F_RDONLY_PROG, BPF_F_WRONLY_PROG};

/// `KMALLOC_MAX_SIZE` on x86-64 (6.1 and 6.12).
const KMALLOC_MAX_SIZE: u64 = 4 << 20;
/// `PCPU_MIN_UNIT_SIZE`: the largest per-CPU value.
const PCPU_MIN_UNIT_SIZE: u64 = 32 << 10;
/// `sizeof(struct htab_elem)` on x86-64.
const HTAB_ELEM_SIZE: u64 = 48;
/// `RINGBUF_MAX_DATA_SZ` on x86-64 with 4 KiB pages.
const RINGBUF_MAX_DATA_SZ: u64 = (u32::MAX as u64 / 8 + 1) * 4096 - 4096 * 3;
/// `sysctl_perf_event_max_stack`'s default.
const PERF_EVENT_MAX_STACK: u32 = 127;
const PAGE_SIZE: u32 = 4096;
/// `BPF_F_STACK_BUILD_ID`: a stack trace map of build ids and offsets.
const BPF_F_STACK_BUILD_ID: u32 = 1 << 5;
/// `BPF_F_NO_PREALLOC`: elements allocated when first used (local storage
/// must be created so).
const BPF_F_NO_PREALLOC: u32 = 1;
/// `BPF_F_CLONE`: a socket's storage is copied into its clones.
const BPF_F_CLONE: u32 = 1 << 9;
/// `BPF_F_MMAPABLE`: an array or arena user space may `mmap`.
const BPF_F_MMAPABLE: u32 = 1 << 10;
/// `BPF_F_SEGV_ON_FAULT` (6.9+): a fault in an arena is a signal.
const BPF_F_SEGV_ON_FAULT: u32 = 1 << 17;
/// `BPF_F_NO_USER_CONV` (6.9+): an arena's addresses are not converted.
const BPF_F_NO_USER_CONV: u32 = 1 << 18;

/// `BPF_F_NUMA_NODE`: the map's memory on a given node.
const BPF_F_NUMA_NODE: u32 = 1 << 2;
/// `BPF_F_ACCESS_MASK`: the user's and the program's access flags.
const BPF_F_ACCESS_MASK: u32 = (1 << 3) | (1 << 4) | BPF_F_RDONLY_PROG | BPF_F_WRONLY_PROG;
/// `BPF_LOCAL_STORAGE_MAX_VALUE_SIZE`: `U16_MAX` less `sizeof(struct
/// bpf_local_storage_elem)`, 128 in both modelled kernels' BTF.
const LOCAL_STORAGE_MAX_VALUE_SIZE: u64 = u16::MAX as u64 - 128;
/// `LPM_VAL_SIZE_MAX`: `KMALLOC_MAX_SIZE` less the largest key data (256)
/// and `sizeof(struct lpm_trie_node)` (40 in both kernels' BTF).
const LPM_VAL_SIZE_MAX: u64 = KMALLOC_MAX_SIZE - 256 - 40;

/// `bpf_map_flags_access_ok()`: not read-only and write-only to programs
/// at once.
fn flags_access_ok(flags: u32) -> bool {
    flags & (BPF_F_RDONLY_PROG | BPF_F_WRONLY_PROG) != (BPF_F_RDONLY_PROG | BPF_F_WRONLY_PROG)
}

/// Why the kernel refused to create a map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CreateError {
    /// `-EINVAL`
    Invalid,
    /// `-E2BIG`
    TooBig,
    /// `-ERANGE`
    Range,
    /// `-EACCES`: a special field in a map read-only (or write-only) to
    /// programs (`map_check_btf()`)
    Access,
    /// `-EOPNOTSUPP`: a special field in a map type that may not hold it
    OpNotSupported,
    /// `-ENOTSUPP` (524, kernel-internal): 6.1's answer for a spin lock in
    /// a map type that may not hold one; libbpf has no words for it
    NotSupp,
    /// `-ENOMEM`: the map's memory is more than the machine has
    /// ([`MACHINE_MEMORY`])
    NoMem,
}

impl CreateError {
    /// libbpf's words for the error (`libbpf_strerror_r`) and its number.
    fn strerror(self) -> (&'static str, i32) {
        match self {
            CreateError::Invalid => ("Invalid argument", -22),
            CreateError::TooBig => ("Argument list too long", -7),
            CreateError::Range => ("Numerical result out of range", -34),
            CreateError::Access => ("Permission denied", -13),
            CreateError::OpNotSupported => ("Operation not supported", -95),
            // libbpf_strerror_r(): strerror_r() knows no errno 524
            CreateError::NotSupp => ("unknown error (-524)", -524),
            CreateError::NoMem => ("Cannot allocate memory", -12),
        }
    }
}

/// The kernel's sanity checks for a map of this type, as `map_create()`
/// runs them (`map_alloc_check`, then the start of `map_alloc`).
pub fn alloc_check(m: &MapDef) -> Result<(), CreateError> {
    check(m, m.max_entries)
}

/// Memory no machine the modelled kernels are checked on has for one map:
/// kernel-diff's virtual machine has 4 GiB, the oracle's 1 GiB. A map that
/// preallocates this much is refused (`bpf_map_area_alloc()` fails:
/// ENOMEM). Below it, whether a large map is created depends on the
/// machine (on the oracle's, an array of 512 MiB is created and one of
/// 2 GiB is not; on kernel-diff's both are): veristep takes it as created,
/// as a machine sized for the program would.
pub const MACHINE_MEMORY: u64 = 4 << 30;

/// `sizeof(struct bucket)` of a hash table (a list head and a spin lock).
const HTAB_BUCKET_SIZE: u64 = 16;

/// The bytes a map of `entries` entries allocates when it is created, for
/// the types that allocate their elements then (arrays, preallocated hash
/// tables, ring buffers, queues, the fd and device arrays); None for the
/// others, which allocate as they fill.
fn prealloc_bytes(m: &MapDef, entries: u32) -> Option<u64> {
    use MapType as T;
    let n = entries as u64;
    let (key, value) = (m.key_size as u64, m.value_size as u64);
    let round8 = |x: u64| x.next_multiple_of(8);
    Some(match m.map_type {
        T::Array => n * round8(value),
        // the pointers, and each CPU's copy (the oracle has one CPU)
        T::PercpuArray => n * 8 + n * round8(value),
        // fd_array: a pointer per entry
        T::ProgArray
        | T::PerfEventArray
        | T::CgroupArray
        | T::ArrayOfMaps
        | T::DevMap
        | T::CpuMap
        | T::XskMap
        | T::Sockmap
        | T::ReuseportSockarray => n * 8,
        T::Hash | T::LruHash | T::PercpuHash | T::LruPercpuHash | T::HashOfMaps
            if m.flags & BPF_F_NO_PREALLOC == 0 =>
        {
            let percpu = matches!(m.map_type, T::PercpuHash | T::LruPercpuHash);
            let elem = HTAB_ELEM_SIZE + round8(key) + if percpu { 8 } else { round8(value) };
            let buckets = n.next_power_of_two() * HTAB_BUCKET_SIZE;
            buckets + n * elem + if percpu { n * round8(value) } else { 0 }
        }
        T::Ringbuf | T::UserRingbuf => n,
        T::Queue | T::Stack => (n + 1) * value,
        _ => return None,
    })
}

/// [`alloc_check`] of `m` with `entries` entries.
fn check(m: &MapDef, entries: u32) -> Result<(), CreateError> {
    check_sizes(m, entries)?;
    match prealloc_bytes(m, entries) {
        Some(b) if b >= MACHINE_MEMORY => Err(CreateError::NoMem),
        _ => Ok(()),
    }
}

/// The checks of [`check`] on the sizes alone, before any allocation.
fn check_sizes(m: &MapDef, entries: u32) -> Result<(), CreateError> {
    use CreateError::{Invalid, Range, TooBig};
    use MapType as T;
    let (key, value) = (m.key_size, m.value_size);
    let fail_if = |c: bool, e: CreateError| if c { Err(e) } else { Ok(()) };
    // find_and_alloc_map(): a type past the kernel's table
    fail_if(m.unknown_type.is_some(), Invalid)?;
    // map_create(): only a bloom filter and an arena take a map_extra
    fail_if(
        m.map_extra != 0 && !matches!(m.map_type, T::BloomFilter | T::Arena),
        Invalid,
    )?;
    // array_map_alloc_check()
    let array = |percpu: bool| -> Result<(), CreateError> {
        fail_if(entries == 0 || key != 4 || value == 0, Invalid)?;
        fail_if(value as u64 > i32::MAX as u64, TooBig)?;
        fail_if(
            percpu && (value as u64).next_multiple_of(8) > PCPU_MIN_UNIT_SIZE,
            TooBig,
        )
    };
    match m.map_type {
        T::Array => array(false),
        T::PercpuArray => array(true),
        // fd_array_map_alloc_check(): only file descriptors are stored
        T::ProgArray | T::PerfEventArray | T::CgroupArray => {
            fail_if(value != 4, Invalid)?;
            array(false)
        }
        // array_of_map_alloc(): bpf_map_meta_alloc() of the inner map's fd
        // first (libbpf passes none without `__array(values, ...)`)
        T::ArrayOfMaps => {
            fail_if(m.inner.is_none(), Invalid)?;
            fail_if(value != 4, Invalid)?;
            array(false)
        }
        T::HashOfMaps if m.inner.is_none() => Err(Invalid),
        // htab_map_alloc_check()
        T::Hash | T::LruHash | T::PercpuHash | T::LruPercpuHash | T::HashOfMaps => {
            let percpu = matches!(m.map_type, T::PercpuHash | T::LruPercpuHash);
            fail_if(entries == 0 || key == 0 || value == 0, Invalid)?;
            fail_if(
                key as u64 + value as u64 >= KMALLOC_MAX_SIZE - HTAB_ELEM_SIZE,
                TooBig,
            )?;
            fail_if(
                percpu && (value as u64).next_multiple_of(8) > PCPU_MIN_UNIT_SIZE,
                TooBig,
            )?;
            // htab_map_alloc(): the buckets, a power of 2 in number, must
            // fit a u32 of bytes
            fail_if(
                entries as u64 > 1 << 31
                    || (entries as u64).next_power_of_two() > u32::MAX as u64 / HTAB_BUCKET_SIZE,
                TooBig,
            )
        }
        // ringbuf_map_alloc()
        T::Ringbuf | T::UserRingbuf => {
            fail_if(
                key != 0
                    || value != 0
                    || !entries.is_power_of_two()
                    || !entries.is_multiple_of(PAGE_SIZE),
                Invalid,
            )?;
            fail_if(entries as u64 > RINGBUF_MAX_DATA_SZ, TooBig)
        }
        // bloom_map_alloc_check(), bloom_map_alloc()
        T::BloomFilter => {
            fail_if(value as u64 > KMALLOC_MAX_SIZE, TooBig)?;
            fail_if(key != 0 || value == 0 || entries == 0, Invalid)
        }
        // queue_stack_map_alloc_check()
        T::Queue | T::Stack => {
            fail_if(entries == 0 || key != 0 || value == 0, Invalid)?;
            fail_if(value as u64 > KMALLOC_MAX_SIZE, TooBig)
        }
        // stack_map_alloc(): frames of 8 bytes, or with BPF_F_STACK_BUILD_ID
        // of `struct bpf_stack_build_id` (32 bytes)
        T::StackTrace => {
            fail_if(
                entries == 0 || key != 4 || value < 8 || value % 8 != 0,
                Invalid,
            )?;
            let frame = if m.flags & BPF_F_STACK_BUILD_ID != 0 {
                32
            } else {
                8
            };
            fail_if(
                value % frame != 0 || value / frame > PERF_EVENT_MAX_STACK,
                Invalid,
            )?;
            fail_if(entries as u64 > 1 << 31, TooBig)
        }
        // sock_map_alloc(), sock_hash_alloc()
        T::Sockmap => fail_if(
            entries == 0 || entries > i32::MAX as u32 || key != 4 || !(value == 4 || value == 8),
            Invalid,
        ),
        T::Sockhash => {
            fail_if(
                entries == 0 || key == 0 || !(value == 4 || value == 8),
                Invalid,
            )?;
            fail_if(key > 512, TooBig)
        }
        // dev_map_init_map(): the value is an ifindex, or with a program fd
        T::DevMap | T::DevMapHash => fail_if(
            entries == 0 || key != 4 || !(value == 4 || value == 8),
            Invalid,
        ),
        // cpu_map_alloc(): a queue size, or with a program fd
        T::CpuMap => fail_if(
            entries == 0 || key != 4 || !(value == 4 || value == 8),
            Invalid,
        ),
        // xsk_map_alloc()
        T::XskMap => fail_if(entries == 0 || key != 4 || value != 4, Invalid),
        // arena_map_alloc(): no key or value, mmapable, and the user
        // range (map_extra, page-aligned) within one 4 GiB half
        T::Arena => {
            let allowed = BPF_F_SEGV_ON_FAULT | BPF_F_MMAPABLE | BPF_F_NO_USER_CONV;
            fail_if(
                key != 0
                    || value != 0
                    || entries == 0
                    || m.flags & BPF_F_MMAPABLE == 0
                    || m.flags & !allowed != 0
                    || !m.map_extra.is_multiple_of(PAGE_SIZE as u64),
                Invalid,
            )?;
            let range = entries as u64 * PAGE_SIZE as u64;
            fail_if(range > 1 << 32, TooBig)?;
            fail_if(
                m.map_extra >> 32 != m.map_extra.wrapping_add(range).wrapping_sub(1) >> 32,
                Range,
            )
        }
        // bpf_local_storage_map_alloc_check(): no entries, an int key, a
        // value, BTF key and value types (for dumping sockets' storage),
        // BPF_F_NO_PREALLOC, and BPF_F_CLONE at most beside it
        t if t.is_local_storage() => fail_if(
            m.flags & !(BPF_F_NO_PREALLOC | BPF_F_CLONE) != 0
                || m.flags & BPF_F_NO_PREALLOC == 0
                || entries != 0
                || key != 4
                || value == 0
                || !m.btf_typed,
            Invalid,
        ),
        // trie_alloc(): a key of a 4-byte prefix length and 1 to 256
        // bytes of data, created with BPF_F_NO_PREALLOC
        T::LpmTrie => fail_if(
            entries == 0
                || m.flags & BPF_F_NO_PREALLOC == 0
                || m.flags & !(BPF_F_NO_PREALLOC | BPF_F_NUMA_NODE | BPF_F_ACCESS_MASK) != 0
                || !flags_access_ok(m.flags)
                || !(4 + 1..=4 + 256).contains(&key)
                || value == 0
                || value as u64 > LPM_VAL_SIZE_MAX,
            Invalid,
        ),
        // cgroup_storage_map_alloc(): the key a `struct
        // bpf_cgroup_storage_key` (16 bytes with its padding) or a cgroup id
        // (8), no entries
        T::CgroupStorage | T::PercpuCgroupStorage => {
            let max = if m.map_type == T::PercpuCgroupStorage {
                LOCAL_STORAGE_MAX_VALUE_SIZE.min(PCPU_MIN_UNIT_SIZE)
            } else {
                LOCAL_STORAGE_MAX_VALUE_SIZE
            };
            fail_if((key != 16 && key != 8) || value == 0, Invalid)?;
            fail_if(value as u64 > max, TooBig)?;
            fail_if(
                m.flags & !(BPF_F_NUMA_NODE | BPF_F_ACCESS_MASK) != 0
                    || !flags_access_ok(m.flags)
                    || entries != 0,
                Invalid,
            )
        }
        // reuseport_array_alloc_check(): a socket's cookie (8) or fd (4),
        // then an array's checks
        T::ReuseportSockarray => {
            fail_if(value != 4 && value != 8, Invalid)?;
            array(false)
        }
        _ => Ok(()),
    }
}

/// libbpf's first line when the kernel refuses to create `m`
/// (`bpf_object__create_map`): a map created with BTF key or value types
/// is retried without them first, and says so.
pub fn libbpf_line(m: &MapDef, e: CreateError) -> String {
    if m.btf_typed {
        return retry_line(m, e);
    }
    failed_line(&m.name, e)
}

/// libbpf's line for map `name` the kernel refused, created without BTF
/// key or value types (or after the retry without them).
pub fn failed_line(name: &str, e: CreateError) -> String {
    let (what, errno) = e.strerror();
    format!("map '{name}': failed to create: {what}({errno})")
}

/// The first of `maps` the kernel refuses to create, as libbpf reports it.
///
/// libbpf sizes only a perf event array of no entries (one per possible
/// CPU, `bpf_object__create_map`); any other size of 0 goes to the kernel
/// as it is (a ring buffer's too: `adjust_ringbuf_sz(0)` is 0 "so that the
/// user sees the error"), and a map that needs entries is refused. Tools
/// that size such maps at run time (`bpf_map__set_max_entries`) are
/// verified as sized with [`MapDef::max_entries`] set first (the CLI's
/// `--map-entries`, a text program's `.map` line).
pub fn first_failure(maps: &[MapDef]) -> Option<String> {
    let (i, m, e) = first_refused(maps)?;
    // a map created before it whose BTF was refused warned first; one
    // refused with its BTF warns with the size check's errno (map_alloc
    // runs before map_check_btf)
    Some(match first_warning(&maps[..i]) {
        Some(w) => w,
        None if m.btf_retry.is_some() => retry_line(m, e),
        None => libbpf_line(m, e),
    })
}

/// The first of `maps` the kernel refuses to create: its index, the map
/// and why.
fn first_refused(maps: &[MapDef]) -> Option<(usize, &MapDef, CreateError)> {
    maps.iter().enumerate().find_map(|(i, m)| {
        let entries = match (m.max_entries, m.map_type) {
            (0, MapType::PerfEventArray) => 1,
            (n, _) => n,
        };
        check(m, entries).err().map(|e| (i, m, e))
    })
}

/// The map [`first_failure`] reports, when only its size of 0 makes the
/// kernel refuse it: a size its tool's loader sets at run time.
pub fn refused_for_its_size(maps: &[MapDef]) -> Option<&MapDef> {
    let (_, m, _) = first_refused(maps)?;
    sized_at_run_time(std::slice::from_ref(m)).next()
}

/// libbpf's warning for the first of `maps` whose BTF types the kernel
/// refused ([`MapDef::btf_retry`]): created without them, and the first
/// line libbpf prints for an object that then fails to load.
pub fn first_warning(maps: &[MapDef]) -> Option<String> {
    maps.iter()
        .find_map(|m| m.btf_retry.map(|e| retry_line(m, e)))
}

fn retry_line(m: &MapDef, e: CreateError) -> String {
    let (what, errno) = e.strerror();
    format!(
        "Error in bpf_create_map_xattr({}):{what}({errno}). Retrying without BTF.",
        m.name
    )
}

/// The maps of `maps` that libbpf would pass to the kernel with no entries
/// where the kernel needs some: the usual reason a real tool's object does
/// not load without its loader.
pub fn sized_at_run_time(maps: &[MapDef]) -> impl Iterator<Item = &MapDef> {
    maps.iter()
        .filter(|m| m.max_entries == 0 && m.map_type != MapType::PerfEventArray)
        .filter(|m| check(m, 1).is_ok() || check(m, PAGE_SIZE).is_ok())
}

/// libbpf's `adjust_ringbuf_sz()` (4 KiB pages): the kernel wants a ring
/// buffer of a power-of-2 number of pages; libbpf passes such a size
/// through and rounds any other up (0, and a size no u32 can round up to,
/// stay as they are, for the kernel to refuse).
pub fn adjust_ringbuf_sz(sz: u32) -> u32 {
    const PAGE: u32 = 4096;
    if sz == 0 || (sz.is_multiple_of(PAGE) && (sz / PAGE).is_power_of_two()) {
        return sz;
    }
    let mut mul: u32 = 1;
    while mul <= u32::MAX / PAGE {
        if mul * PAGE > sz {
            return mul * PAGE;
        }
        mul <<= 1;
    }
    sz
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ring_buffer_sizes() {
        let rb = |n| MapDef::new("rb", MapType::Ringbuf, 0, 0, n);
        assert_eq!(alloc_check(&rb(4096)), Ok(()));
        assert_eq!(alloc_check(&rb(1 << 24)), Ok(()));
        assert_eq!(alloc_check(&rb(0)), Err(CreateError::Invalid));
        assert_eq!(alloc_check(&rb(2048)), Err(CreateError::Invalid));
        assert_eq!(alloc_check(&rb(3 * 4096)), Err(CreateError::Invalid));
        // a size of 0 reaches the kernel as it is
        assert_eq!(
            first_failure(&[rb(4096), rb(0)]).as_deref(),
            Some("map 'rb': failed to create: Invalid argument(-22)")
        );
        assert_eq!(sized_at_run_time(&[rb(4096), rb(0)]).count(), 1);
        assert_eq!(
            first_failure(&[rb(4096), rb(2048)]).as_deref(),
            Some("map 'rb': failed to create: Invalid argument(-22)")
        );
    }

    #[test]
    fn hash_buckets_and_memory() {
        let h = |n| MapDef::new("h", MapType::Hash, 4, 4, n);
        // 2^27 entries: 2^27 buckets fit a u32 of bytes; one more needs 2^28
        assert_eq!(check_sizes(&h(1 << 27), 1 << 27), Ok(()));
        assert_eq!(alloc_check(&h((1 << 27) + 1)), Err(CreateError::TooBig));
        // ... but 2^27 preallocated elements of 64 bytes are 8 GiB
        assert_eq!(alloc_check(&h(1 << 27)), Err(CreateError::NoMem));
        assert_eq!(alloc_check(&h(1 << 20)), Ok(()));
        let a = |n| MapDef::new("a", MapType::Array, 4, 8, n);
        assert_eq!(alloc_check(&a(1 << 28)), Ok(()));
        assert_eq!(alloc_check(&a(1 << 29)), Err(CreateError::NoMem));
        assert_eq!(
            first_failure(&[a(1 << 29)]).as_deref(),
            Some("map 'a': failed to create: Cannot allocate memory(-12)")
        );
    }

    #[test]
    fn typed_maps_are_retried_without_btf() {
        let mut h = MapDef::new("h", MapType::Hash, 0, 8, 4);
        h.btf_typed = true;
        assert_eq!(
            first_failure(&[h]).as_deref(),
            Some("Error in bpf_create_map_xattr(h):Invalid argument(-22). Retrying without BTF.")
        );
    }

    #[test]
    fn arrays_and_hashes() {
        let ok = |t, k, v, n| alloc_check(&MapDef::new("m", t, k, v, n));
        assert_eq!(ok(MapType::Array, 4, 8, 1), Ok(()));
        assert_eq!(ok(MapType::Array, 8, 8, 1), Err(CreateError::Invalid));
        assert_eq!(ok(MapType::Array, 4, 1 << 24, 1), Ok(()));
        assert_eq!(
            ok(MapType::PercpuArray, 4, 40 << 10, 1),
            Err(CreateError::TooBig)
        );
        assert_eq!(ok(MapType::ProgArray, 4, 8, 4), Err(CreateError::Invalid));
        assert_eq!(ok(MapType::Hash, 4, 8, 0), Err(CreateError::Invalid));
        assert_eq!(ok(MapType::Hash, 4, 4 << 20, 1), Err(CreateError::TooBig));
        assert_eq!(
            ok(MapType::BloomFilter, 0, 0, 10),
            Err(CreateError::Invalid)
        );
    }

    #[test]
    fn lpm_tries_and_cgroup_storage() {
        let with = |t, k, v, n, flags| {
            let mut m = MapDef::new("m", t, k, v, n);
            m.flags = flags;
            alloc_check(&m)
        };
        use CreateError::{Invalid, TooBig};
        // trie_alloc(): BPF_F_NO_PREALLOC, a prefix length and 1..=256 bytes
        assert_eq!(with(MapType::LpmTrie, 8, 8, 16, 1), Ok(()));
        assert_eq!(with(MapType::LpmTrie, 8, 8, 16, 0), Err(Invalid));
        assert_eq!(with(MapType::LpmTrie, 4, 8, 16, 1), Err(Invalid));
        assert_eq!(with(MapType::LpmTrie, 260, 8, 16, 1), Ok(()));
        assert_eq!(with(MapType::LpmTrie, 261, 8, 16, 1), Err(Invalid));
        assert_eq!(with(MapType::LpmTrie, 8, 8, 0, 1), Err(Invalid));
        assert_eq!(with(MapType::LpmTrie, 8, 8, 4, 1 | 128 | 256), Err(Invalid));
        // cgroup_storage_map_alloc(): a 16- or 8-byte key, no entries
        assert_eq!(with(MapType::CgroupStorage, 16, 8, 0, 0), Ok(()));
        assert_eq!(with(MapType::CgroupStorage, 12, 8, 0, 0), Err(Invalid));
        assert_eq!(with(MapType::CgroupStorage, 8, 8, 0, 0), Ok(()));
        assert_eq!(with(MapType::CgroupStorage, 4, 8, 0, 0), Err(Invalid));
        assert_eq!(with(MapType::CgroupStorage, 8, 8, 1, 0), Err(Invalid));
        assert_eq!(with(MapType::CgroupStorage, 8, 8, 0, 1), Err(Invalid));
        assert_eq!(with(MapType::CgroupStorage, 8, 65407, 0, 0), Ok(()));
        assert_eq!(with(MapType::CgroupStorage, 8, 65408, 0, 0), Err(TooBig));
        assert_eq!(
            with(MapType::PercpuCgroupStorage, 8, 32769, 0, 0),
            Err(TooBig)
        );
    }

    #[test]
    fn arenas() {
        let arena = |flags, entries, extra| {
            let mut m = MapDef::new("a", MapType::Arena, 0, 0, entries);
            m.flags = flags;
            m.map_extra = extra;
            alloc_check(&m)
        };
        assert_eq!(arena(1 << 10, 10, 0), Ok(()));
        assert_eq!(arena(0, 10, 0), Err(CreateError::Invalid));
        assert_eq!(arena(1 << 10 | 1, 10, 0), Err(CreateError::Invalid));
        assert_eq!(arena(1 << 10, 10, 4097), Err(CreateError::Invalid));
        assert_eq!(arena(1 << 10, (1 << 20) + 1, 0), Err(CreateError::TooBig));
        assert_eq!(arena(1 << 10, 2, (1 << 32) - 4096), Err(CreateError::Range));
    }
}
