//! The examples gallery: corpus programs with a short explanation.

pub struct Example {
    pub id: &'static str,
    pub title: &'static str,
    pub about: &'static str,
    pub text: &'static str,
}

macro_rules! ex {
    ($id:literal, $title:literal, $about:literal, $path:literal) => {
        Example {
            id: $id,
            title: $title,
            about: $about,
            text: include_str!(concat!("../../tests/corpus/", $path)),
        }
    };
}

pub const EXAMPLES: &[Example] = &[
    ex!("release-in-callback", "A callback releases its caller's reference",
        "Main reserves a ring buffer record and bpf_loop's callback discards it. The callback may run many times: 5.19 accepted it (with a loop count above 1, a double free at run time); since 9d9d00ac (6.1) a callback may only release what it acquired. Switch the kernel to compare.",
        "seed/ringbuf_release_in_cb.s"),
    ex!("callback-leaks", "A callback leaks",
        "The callback reserves and returns without releasing. 6.1 checks for leaks at the callback's exit; 5.19 only noticed at main's exit.",
        "seed/ringbuf_leak_in_cb.s"),
    ex!("callback-hands-over", "A callback hands its reference to the caller",
        "The fix's leak_prog: the callback stores its record in the caller's stack and main discards it. Fine if the callback ran once; it runs four times.",
        "seed/leak_prog.s"),
    ex!("nested-callbacks", "Nested callbacks",
        "cb1 reserves and calls bpf_loop with cb2. callback_ref records which frame owns the reference: cb2's exit passes, cb1's exit reports the leak.",
        "seed/nested_cb_leak.s"),
    ex!("second-iteration", "A bug only the second iteration sees",
        "6.1 walks a callback once and accepts; 6.12 (like every kernel since 6.7) verifies it as if called any number of times and finds R0 = 2.",
        "seed/second_iteration.s"),
    ex!("subprog-hole", "A leak through a subprogram inside a callback",
        "A static subprogram called from a callback acquires: the reference is not tagged with the callback's frame, and Linux 6.1 accepts the leak.",
        "seed/nested_cb_subprog_hole.s"),
    ex!("subprog-releases", "A subprogram inside a callback releases the caller's record",
        "The callback hands main's record to a static subprogram that discards it. 6.1 checks ownership only in a callback frame, so the discard passes; but the callback's copy of the reference table is not handed back, main still holds reference 2 and fails at its exit. Step to the discard and to main's exit and compare the acquired_refs tables.",
        "probe3/sub_release_in_cb.s"),
    ex!("dynptr-submit-in-callback", "A callback submits its caller's ring buffer dynptr",
        "Main reserves a record as a dynptr on its stack; bpf_loop's callback submits it. A callback may not release its caller's reference, but both kernels ignore that refusal when they clear a dynptr: main's dynptr slots vanish (step to the callback's submit and look at fp-16 and the reference table) while main keeps the reference, so main's own discard is refused. Switch to 6.12 to see the dynptr printed with its ids.",
        "dynptr/submit_in_cb.s"),
    ex!("dynptr-slice-outlives", "A dynptr slice outlives its dynptr",
        "bpf_dynptr_data gives a slice of a local dynptr; then a store overwrites the dynptr's bytes. 6.1 keeps the slice and accepts the read through it; 6.12 destroys the dynptr and its slices, so the read is refused.",
        "dynptr/local_slice_outlives.s"),
    ex!("timer", "A timer callback",
        "bpf_timer_set_callback pushes a fresh state for the async callback: it is verified after main, as its own frame 0.",
        "callbacks/timer_ok.s"),
    ex!("bounded-loop", "A bounded loop",
        "Privileged programs may loop; the verifier walks every iteration.",
        "cfg/bounded_loop.s"),
    ex!("infinite-loop", "An infinite loop",
        "The verifier sees the same state again at the loop head.",
        "cfg/self_loop.s"),
    ex!("pruning", "Pruning at work",
        "Eight independent branches would be 256 paths; equivalent states are pruned, so far fewer instructions are processed.",
        "limits/many_branches.s"),
    ex!("missing-null-check", "The classic: a missing NULL check",
        "bpf_map_lookup_elem may return NULL; the value must be checked before use.",
        "refs/map_lookup_no_null_check.s"),
    ex!("socket", "A socket reference done right",
        "bpf_sk_lookup_tcp acquires, the NULL check splits the paths, bpf_sk_release releases.",
        "refs/sk_acquire_release.s"),
    ex!("combined-stack", "Too much stack across calls",
        "Each frame rounds its stack to 32 bytes; along one call chain the sum must stay within 512.",
        "subprogs/combined_stack.s"),
    ex!("near-limit", "600 000 steps: near the instruction limit",
        "A loop of 300 000 iterations: the verifier walks each one (two instructions a round) and stays under the 1 000 000-instruction budget. The largest example: use the scrubber and the event buttons rather than stepping.",
        "limits/near_limit.s"),
];

pub fn by_id(id: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.id == id)
}

#[cfg(test)]
mod tests {
    /// The static shell shows a first visit's program and its verdict
    /// before the app runs: Trunk.toml puts that program's text into
    /// index.html (the `example` pattern parameter). It must be the one
    /// the app then opens.
    #[test]
    fn the_shell_opens_the_first_example() {
        let trunk = include_str!("../../Trunk.toml");
        let path = trunk
            .lines()
            .find_map(|l| l.strip_prefix("example = \"@"))
            .and_then(|l| l.strip_suffix('"'))
            .expect("Trunk.toml names the shell's example");
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let text = std::fs::read_to_string(root.join(path)).expect("the shell's example exists");
        assert_eq!(text, super::EXAMPLES[0].text);
    }
}
