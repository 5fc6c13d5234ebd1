//! The JS API for page authors: `verify(text, options)` returns the
//! outcome as plain JSON-like data (serde-wasm-bindgen; 64-bit counters as
//! BigInt, never lossy numbers). Exported by `veristep-api.js`, which
//! `veristep-embed.js` runs in a worker behind `veristep.verify`.

use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::sync::Arc;
use veristep_core::relo_core::{btf_kernel, KernelBtf};
use veristep_core::{asm, KernelVersion, Options, Program, Verdict};
use wasm_bindgen::JsValue;

/// A kernel's BTF by its file (`6.1`, `6.12`), or why it could not be had.
type GivenBtf = (&'static str, Result<Arc<KernelBtf>, String>);

thread_local! {
    /// The kernels' BTF given so far (`btf/linux-K.btf.gz`, by file name
    /// `6.1` / `6.12`), or why it could not be had. One worker keeps them
    /// for every later call: parsing one takes longer than most walks.
    static KERNEL_BTF: RefCell<Vec<GivenBtf>> =
        const { RefCell::new(Vec::new()) };
}

/// The kernel BTF file (`6.1`, `6.12`: `btf/linux-K.btf.gz`) that `text`
/// needs under `kernel` and that was not given yet: what the kernel's BTF
/// decides for it (a BTF-typed helper or program type, a kfunc, a map of
/// maps, kernel pointers in a map value) is decided from that BTF, as
/// libbpf and the kernel decide it, never from the text alone.
pub fn kernel_btf_needed(text: &str, kernel: &str) -> Option<&'static str> {
    let kernel = KernelVersion::parse(kernel)?;
    let prog = asm::parse(text).ok()?;
    if !prog.needs_kernel_btf() || prog.text_load_error("prog").is_some() {
        return None;
    }
    let file = btf_kernel(kernel);
    let given = KERNEL_BTF.with(|k| k.borrow().iter().any(|(f, _)| *f == file));
    (!given).then_some(file)
}

/// A kernel's BTF as fetched (the gzipped file), or why it could not be.
pub fn add_kernel_btf(file: &str, gz: Result<&[u8], String>) -> Result<(), String> {
    let file = ["6.1", "6.12"]
        .into_iter()
        .find(|f| *f == file)
        .ok_or_else(|| format!("no kernel BTF file 'linux-{file}.btf.gz' (6.1 or 6.12)"))?;
    let btf = crate::session::read_kernel_btf(file, gz);
    KERNEL_BTF.with(|k| {
        let mut k = k.borrow_mut();
        k.retain(|(f, _)| *f != file);
        k.push((file, btf));
    });
    Ok(())
}

/// The program as libbpf loads it into `kernel`: relocated against that
/// kernel's BTF when it needs it. `Err(Ok(line))`: libbpf refuses it;
/// `Err(Err(why))`: the BTF was not given or could not be read.
fn loaded(prog: Program, kernel: KernelVersion) -> Result<Program, Result<String, String>> {
    if !prog.needs_kernel_btf() {
        return Ok(prog);
    }
    let file = btf_kernel(kernel);
    let btf = KERNEL_BTF.with(|k| {
        k.borrow()
            .iter()
            .find(|(f, _)| *f == file)
            .map(|(_, b)| b.clone())
    });
    match btf {
        Some(Ok(btf)) => prog.relocated("prog", &btf).map_err(|e| Ok(e.0)),
        Some(Err(why)) => Err(Err(why)),
        None => Err(Err(format!(
            "this program needs the BTF of Linux {file} (btf/linux-{file}.btf.gz), which was not given"
        ))),
    }
}

/// `options` of `verify`: `{ kernel: "6.1", logLevel: 1 }`, both optional.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct ApiOptions {
    kernel: Option<String>,
    log_level: Option<u32>,
}

#[derive(Serialize, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ApiOutcome {
    /// "accepted", "rejected", "invalid" (the text does not parse) or
    /// "error" (libbpf would not load it: `message` is its line).
    pub verdict: &'static str,
    pub kernel: String,
    /// The kernel's message, byte for byte.
    pub message: Option<String>,
    pub error_insn: Option<u32>,
    pub errno: Option<i32>,
    pub explanation: Option<String>,
    /// The rejection's facts: `{kind, insn, ...}` (e.g. `id`, `alloc_insn`,
    /// `frame`, `owner_frame` for the reference kinds).
    pub reason: Option<ApiReason>,
    pub processed: u64,
    pub total_states: u64,
    pub peak_states: u64,
    pub max_states_per_insn: u64,
    /// The kernel-format log at the asked level.
    pub log: String,
    /// Errors in the program text (verdict "invalid").
    pub diagnostics: Vec<ApiDiagnostic>,
    /// What the text parser read otherwise than written (a constant wider
    /// than its field keeps its low bits, as LLVM's assembler keeps them).
    pub warnings: Vec<ApiDiagnostic>,
}

#[derive(Serialize, Debug, PartialEq)]
pub struct ApiReason {
    pub kind: &'static str,
    pub insn: Option<u32>,
    #[serde(flatten)]
    pub facts: std::collections::BTreeMap<&'static str, ApiFact>,
}

#[derive(Serialize, Debug, PartialEq)]
#[serde(untagged)]
pub enum ApiFact {
    Int(i64),
    Str(&'static str),
}

fn api_reason(e: &veristep_core::VerifierError) -> ApiReason {
    ApiReason {
        kind: e.reason.kind(),
        insn: e.insn.map(|i| i as u32),
        facts: e
            .reason
            .facts()
            .into_iter()
            .map(|(k, v)| {
                let v = match v {
                    veristep_core::reason::Fact::Int(n) => ApiFact::Int(n),
                    veristep_core::reason::Fact::Str(s) => ApiFact::Str(s),
                };
                (k, v)
            })
            .collect(),
    }
}

#[derive(Serialize, Debug, PartialEq)]
pub struct ApiDiagnostic {
    pub line: u32,
    pub col: u32,
    pub message: String,
}

impl From<&asm::Diagnostic> for ApiDiagnostic {
    fn from(d: &asm::Diagnostic) -> Self {
        ApiDiagnostic {
            line: d.line,
            col: d.col,
            message: d.message.clone(),
        }
    }
}

impl ApiOutcome {
    /// A program that was never walked: no counters, no log.
    fn not_verified(
        verdict: &'static str,
        kernel: KernelVersion,
        message: Option<String>,
        diagnostics: Vec<ApiDiagnostic>,
    ) -> Self {
        ApiOutcome {
            verdict,
            kernel: kernel.name().to_string(),
            message,
            error_insn: None,
            errno: None,
            explanation: None,
            reason: None,
            processed: 0,
            total_states: 0,
            peak_states: 0,
            max_states_per_insn: 0,
            log: String::new(),
            diagnostics,
            warnings: Vec::new(),
        }
    }
}

/// The outcome of verifying `text` (pure; the wasm export wraps it), loaded
/// as libbpf loads it, against the kernel's BTF when it needs it
/// ([`add_kernel_btf`]).
pub fn outcome(text: &str, kernel: &str, log_level: u32) -> Result<ApiOutcome, String> {
    outcome_with(text, kernel, log_level, loaded)
}

/// [`outcome`] for a program that needs no kernel BTF; one that needs it is
/// an error. The static shell's first verdict uses it (`veristep-shell`):
/// the code that reads and applies a kernel's BTF is half the JS API's
/// wasm, and the shell leaves such programs to the app.
pub fn outcome_without_btf(text: &str, kernel: &str, log_level: u32) -> Result<ApiOutcome, String> {
    outcome_with(text, kernel, log_level, |p, k| {
        if p.needs_kernel_btf() {
            Err(Err(format!(
                "this program needs the BTF of Linux {}",
                btf_kernel(k)
            )))
        } else {
            Ok(p)
        }
    })
}

/// How a program reaches the verifier: `Err(Ok(line))` libbpf refuses it,
/// `Err(Err(why))` it cannot be loaded here.
type Loader = fn(Program, KernelVersion) -> Result<Program, Result<String, String>>;

fn outcome_with(
    text: &str,
    kernel: &str,
    log_level: u32,
    load: Loader,
) -> Result<ApiOutcome, String> {
    let kernel = KernelVersion::parse(kernel)
        .ok_or_else(|| format!("unknown kernel '{kernel}' (5.19, 6.1 or 6.12)"))?;
    let prog = match asm::parse(text) {
        Ok(p) => p,
        Err(ds) => {
            let diagnostics: Vec<ApiDiagnostic> = ds.iter().map(ApiDiagnostic::from).collect();
            let message = diagnostics.first().map(|d| d.message.clone());
            return Ok(ApiOutcome::not_verified(
                "invalid",
                kernel,
                message,
                diagnostics,
            ));
        }
    };
    // libbpf refuses it whatever the kernel's BTF (a call of the entry, a
    // map the kernel cannot create): the kernel never sees it
    if let Some(line) = prog.text_load_error("prog") {
        return Ok(ApiOutcome::not_verified(
            "error",
            kernel,
            Some(format!("libbpf: {line}")),
            Vec::new(),
        ));
    }
    let warnings: Vec<ApiDiagnostic> = prog.warnings.iter().map(ApiDiagnostic::from).collect();
    let prog = match load(prog, kernel) {
        Ok(p) => p,
        Err(Ok(line)) => {
            return Ok(ApiOutcome::not_verified(
                "error",
                kernel,
                Some(format!("libbpf: {line}")),
                Vec::new(),
            ))
        }
        Err(Err(why)) => return Err(why),
    };
    let o = veristep_core::verify(
        &prog,
        &Options {
            kernel,
            // the kernel's levels: 1, 2 and 4 (BPF_LOG_STATS) and their sums
            log_level: log_level.min(7),
            trace: false,
            log_size: None,
        },
    );
    Ok(ApiOutcome {
        verdict: if o.verdict == Verdict::Accepted {
            "accepted"
        } else {
            "rejected"
        },
        kernel: kernel.name().to_string(),
        message: o.error.as_ref().map(|e| e.message.clone()),
        error_insn: o.error.as_ref().and_then(|e| e.insn).map(|i| i as u32),
        errno: o.error.as_ref().map(|e| e.errno),
        explanation: o.error.as_ref().map(|e| e.explanation.clone()),
        reason: o.error.as_ref().map(api_reason),
        processed: o.stats.processed,
        total_states: o.stats.total_states,
        peak_states: o.stats.peak_states,
        max_states_per_insn: o.stats.max_states_per_insn,
        log: o.log,
        diagnostics: Vec::new(),
        warnings,
    })
}

fn api_options(options: JsValue) -> Result<ApiOptions, JsValue> {
    if options.is_undefined() || options.is_null() {
        Ok(ApiOptions::default())
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsValue::from_str(&e.to_string()))
    }
}

/// `kernelBtfNeeded(text, { kernel })` for JavaScript: the file to fetch
/// (`btf/linux-K.btf.gz`: `6.1` or `6.12`) before `verify`, or undefined.
pub fn kernel_btf_needed_js(text: &str, options: JsValue) -> Result<Option<String>, JsValue> {
    let opts = api_options(options)?;
    Ok(kernel_btf_needed(text, opts.kernel.as_deref().unwrap_or("6.1")).map(str::to_string))
}

/// `addKernelBtf(file, bytes)` for JavaScript; `bytes` undefined with
/// `why` when the file could not be fetched.
pub fn add_kernel_btf_js(
    file: &str,
    gz: Option<Vec<u8>>,
    why: Option<String>,
) -> Result<(), JsValue> {
    let gz = gz.ok_or_else(|| why.unwrap_or_else(|| "not fetched".to_string()));
    add_kernel_btf(file, gz.as_deref().map_err(String::clone)).map_err(|e| JsValue::from_str(&e))
}

/// `verify(text, { kernel, logLevel })` for JavaScript. Exported only by the
/// `veristep-api` binary: an export here would link the whole verifier into
/// the page's wasm too.
pub fn verify_js(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    verify_js_with(text, options, outcome)
}

/// `verify(text, { kernel, logLevel })` of the static shell's worker
/// (`veristep-shell`): a program that needs a kernel's BTF is an error.
pub fn verify_shell_js(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    verify_js_with(text, options, outcome_without_btf)
}

fn verify_js_with(
    text: &str,
    options: JsValue,
    outcome: fn(&str, &str, u32) -> Result<ApiOutcome, String>,
) -> Result<JsValue, JsValue> {
    let opts = api_options(options)?;
    let o = outcome(
        text,
        opts.kernel.as_deref().unwrap_or("6.1"),
        opts.log_level.unwrap_or(1),
    )
    .map_err(|e| JsValue::from_str(&e))?;
    let ser = serde_wasm_bindgen::Serializer::new().serialize_large_number_types_as_bigints(true);
    o.serialize(&ser)
        .map_err(|e| JsValue::from_str(&e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_program_libbpf_refuses_is_an_error_with_its_line() {
        let text = include_str!("../../tests/corpus/subprogs/call_to_entry.s");
        let o = outcome(text, "6.12", 1).expect("known kernel");
        assert_eq!(o.verdict, "error");
        assert_eq!(
            o.message.as_deref(),
            Some("libbpf: prog 'prog': bad call relo against 'prog' in section 'tracepoint'")
        );
        assert_eq!(o.processed, 0);
    }

    #[test]
    fn a_program_that_needs_the_kernels_btf_is_verified_against_it() {
        let text = include_str!("../../tests/corpus/kptr/kptr_get_ctx.s");
        // never verified as written: the caller is told what to fetch
        assert_eq!(kernel_btf_needed(text, "6.12"), Some("6.12"));
        assert_eq!(kernel_btf_needed(text, "6.1"), Some("6.1"));
        let e = outcome(text, "6.12", 1).expect_err("no BTF given");
        assert!(e.contains("btf/linux-6.12.btf.gz"), "{e}");
        add_kernel_btf(
            "6.12",
            Ok(include_bytes!("../../static/btf/linux-6.12.btf.gz")),
        )
        .expect("a known file");
        add_kernel_btf(
            "6.1",
            Ok(include_bytes!("../../static/btf/linux-6.1.btf.gz")),
        )
        .expect("a known file");
        assert_eq!(kernel_btf_needed(text, "6.12"), None);
        // Linux 6.12's vmlinux has no test kfuncs: libbpf refuses it there
        // (tests/corpus/kptr/kptr_get_ctx.6.12.json) ...
        let o = outcome(text, "6.12", 1).expect("BTF given");
        assert_eq!(o.verdict, "error", "{o:?}");
        assert_eq!(
            o.message.as_deref(),
            Some("libbpf: extern (func ksym) 'bpf_kfunc_call_test_kptr_get': not found in kernel or module BTFs")
        );
        // ... and 6.1 verifies it (kptr_get_ctx.6.1.json)
        let o = outcome(text, "6.1", 1).expect("BTF given");
        assert_eq!(o.verdict, "rejected", "{o:?}");
        assert_eq!(
            o.message.as_deref(),
            Some("arg#0 expected pointer to map value")
        );
        assert_eq!(o.error_insn, Some(2));
        // a file that could not be fetched is said, not guessed around
        add_kernel_btf("6.1", Err("HTTP 404".to_string())).expect("a known file");
        let e = outcome(text, "6.1", 1).expect_err("no BTF");
        assert!(e.contains("HTTP 404"), "{e}");
        assert!(add_kernel_btf("5.4", Err(String::new())).is_err());
    }

    #[test]
    fn the_shells_verify_leaves_a_program_that_needs_btf_to_the_app() {
        let text = include_str!("../../tests/corpus/kptr/kptr_get_ctx.s");
        add_kernel_btf(
            "6.1",
            Ok(include_bytes!("../../static/btf/linux-6.1.btf.gz")),
        )
        .expect("a known file");
        let e = outcome_without_btf(text, "6.1", 0).expect_err("never as written");
        assert!(e.contains("BTF of Linux 6.1"), "{e}");
        let seed = include_str!("../../tests/corpus/seed/ringbuf_release_in_cb.s");
        let o = outcome_without_btf(seed, "6.1", 0).expect("needs no BTF");
        assert_eq!(o, outcome(seed, "6.1", 0).expect("needs no BTF"));
    }

    #[test]
    fn a_program_that_needs_no_btf_asks_for_none() {
        let text = include_str!("../../tests/corpus/seed/ringbuf_release_in_cb.s");
        assert_eq!(kernel_btf_needed(text, "6.1"), None);
        assert_eq!(kernel_btf_needed("r11 = 1\n", "6.1"), None);
    }

    #[test]
    fn a_map_the_kernel_cannot_create_is_an_error_with_libbpfs_line() {
        let text = include_str!("../../tests/corpus/maps2/map_without_sizes.s");
        let o = outcome(text, "6.1", 1).expect("known kernel");
        assert_eq!(o.verdict, "error", "{o:?}");
        assert_eq!(
            o.message.as_deref(),
            Some("libbpf: map 'm': failed to create: Invalid argument(-22)")
        );
    }

    #[test]
    fn btf_the_kernel_refuses_is_libbpfs_first_line() {
        // `__uint(max_entries, 1 << 30)` in the oracle's C: an int[2^30]
        let text = include_str!("../../tests/corpus/maps2/huge_map_entries_btf_refused.s");
        let o = outcome(text, "6.1", 1).expect("known kernel");
        assert_eq!(o.verdict, "error", "{o:?}");
        assert_eq!(o.message.as_deref(), Some("libbpf: BTF loading error: -22"));
    }

    #[test]
    fn outcomes_carry_verdict_message_and_counters() {
        let seed = include_str!("../../tests/corpus/seed/ringbuf_release_in_cb.s");
        let o = outcome(seed, "6.1", 1).expect("known kernel");
        assert_eq!(o.verdict, "rejected");
        assert_eq!(
            o.message.as_deref(),
            Some("func bpf_ringbuf_discard#133 reference has not been acquired before")
        );
        assert_eq!(o.error_insn, Some(18));
        let r = o.reason.as_ref().expect("a reason");
        assert_eq!(r.kind, "reference_not_acquired");
        assert_eq!(r.insn, Some(18));
        assert_eq!(r.facts.get("owner_frame"), Some(&ApiFact::Int(0)));
        assert_eq!(r.facts.get("alloc_insn"), Some(&ApiFact::Int(4)));
        assert!(o.processed > 0 && o.log.contains("processed"));
        assert_eq!(outcome(seed, "5.19", 0).expect("ok").verdict, "accepted");
        let bad = outcome("r11 = 1\n", "6.1", 1).expect("ok");
        assert_eq!(bad.verdict, "invalid");
        assert_eq!(bad.diagnostics[0].line, 1);
        assert!(outcome(seed, "4.0", 1).is_err());
        // read as LLVM reads it, and said
        let wide = outcome("r0 = 0x100000000\nexit\n", "6.1", 1).expect("ok");
        assert_eq!(wide.verdict, "accepted");
        assert_eq!(wide.warnings.len(), 1);
        assert_eq!((wide.warnings[0].line, wide.warnings[0].col), (1, 6));
    }
}
