//! The JS API for page authors: `verify(text, options)` returns the
//! outcome as plain JSON-like data (serde-wasm-bindgen; 64-bit counters as
//! BigInt, never lossy numbers). Exported by `veristep-api.js`, which
//! `veristep-embed.js` runs in a worker behind `veristep.verify`.

use serde::{Deserialize, Serialize};
use veristep_core::{asm, KernelVersion, Options, Verdict};
use wasm_bindgen::JsValue;

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
        }
    }
}

/// The outcome of verifying `text` (pure; the wasm export wraps it).
pub fn outcome(text: &str, kernel: &str, log_level: u32) -> Result<ApiOutcome, String> {
    let kernel = KernelVersion::parse(kernel)
        .ok_or_else(|| format!("unknown kernel '{kernel}' (5.19, 6.1 or 6.12)"))?;
    let prog = match asm::parse(text) {
        Ok(p) => p,
        Err(ds) => {
            let diagnostics: Vec<ApiDiagnostic> = ds
                .into_iter()
                .map(|d| ApiDiagnostic {
                    line: d.line,
                    col: d.col,
                    message: d.message,
                })
                .collect();
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
    })
}

/// `verify(text, { kernel, logLevel })` for JavaScript. Exported only by the
/// `veristep-api` binary: an export here would link the whole verifier into
/// the page's wasm too.
pub fn verify_js(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let opts: ApiOptions = if options.is_undefined() || options.is_null() {
        ApiOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsValue::from_str(&e.to_string()))?
    };
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
    }
}
