//! The stored states pruning compares against (`explored_states`: each a
//! `struct bpf_verifier_state_list`), kept copy-on-write so that the
//! explorer's snapshots share them.

use crate::state::VerifierState;
use std::rc::Rc;

/// A stored state for pruning (`struct bpf_verifier_state_list`).
#[derive(Clone, Debug)]
pub struct Checkpoint {
    pub st: VerifierState,
    pub insn_idx: usize,
    pub branches: u32,
    pub miss_cnt: u32,
    pub hit_cnt: u32,
    /// Dropped from the explored list (still reachable as a liveness parent).
    pub evicted: bool,
    pub cleaned: bool,
    /// 6.12: some state's `loop_entry` names it, so it is kept when
    /// evicted (`used_as_loop_entry`).
    pub used_as_loop_entry: bool,
}

impl Checkpoint {
    /// Drops the state's frames and history, as the kernel frees an
    /// evicted state that is done: memory follows the live states.
    pub fn release(&mut self) {
        self.st.frames = Vec::new();
        self.st.jmp_history = Vec::new();
    }
}

/// The stored states, shared copy-on-write between the checker and its
/// snapshots (see `explore`): a snapshot costs a pointer per checkpoint, and
/// a checkpoint is copied only when changed (liveness, precision, counters)
/// after a snapshot took it.
#[derive(Clone, Debug, Default)]
pub struct Checkpoints {
    /// Chunks of `CHUNK` shared checkpoints: a snapshot copies one pointer
    /// per chunk.
    chunks: Vec<Rc<Vec<Rc<Checkpoint>>>>,
    len: usize,
}

const CHUNK: usize = 1024;

impl Checkpoints {
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn push(&mut self, c: Checkpoint) {
        if self.len.is_multiple_of(CHUNK) {
            self.chunks.push(Rc::new(Vec::with_capacity(CHUNK)));
        }
        if let Some(last) = self.chunks.last_mut() {
            Rc::make_mut(last).push(Rc::new(c));
            self.len += 1;
        }
    }
    pub fn get(&self, i: usize) -> Option<&Checkpoint> {
        self.chunks.get(i / CHUNK)?.get(i % CHUNK).map(|c| &**c)
    }
    pub fn get_mut(&mut self, i: usize) -> Option<&mut Checkpoint> {
        let chunk = Rc::make_mut(self.chunks.get_mut(i / CHUNK)?);
        chunk.get_mut(i % CHUNK).map(Rc::make_mut)
    }
}

impl std::ops::Index<usize> for Checkpoints {
    type Output = Checkpoint;
    fn index(&self, i: usize) -> &Checkpoint {
        &self.chunks[i / CHUNK][i % CHUNK]
    }
}

impl std::ops::IndexMut<usize> for Checkpoints {
    fn index_mut(&mut self, i: usize) -> &mut Checkpoint {
        Rc::make_mut(&mut Rc::make_mut(&mut self.chunks[i / CHUNK])[i % CHUNK])
    }
}
