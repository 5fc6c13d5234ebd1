//! Register and stack liveness (`mark_reg_read`, `mark_stack_read`): a
//! read marks the parent chain of stored states up to the write that
//! screens it, so pruning may ignore what no later path reads.

use crate::env::Env;
use crate::regs::{
    ParentLink, ParentRef, RegState, LIVE_READ, LIVE_READ32, LIVE_READ64, LIVE_WRITTEN,
};
use crate::state::VerifierState;

/// Where a register or stack slot lives, for liveness walks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owner {
    Cur,
    Checkpoint(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegLoc {
    pub owner: Owner,
    pub link: ParentLink,
}

impl Env {
    /// Location of the parent of a register or slot of the current state.
    pub fn cur_loc(&self, frame: usize, stack: bool, idx: usize) -> RegLoc {
        RegLoc {
            owner: Owner::Cur,
            link: ParentLink {
                frame: frame as u8,
                stack,
                idx: idx as u16,
            },
        }
    }

    fn loc_state(&self, owner: Owner) -> Option<&VerifierState> {
        match owner {
            Owner::Cur => Some(&self.cur),
            Owner::Checkpoint(i) => self.checkpoints.get(i as usize).map(|c| &c.st),
        }
    }

    fn loc_reg(&self, loc: RegLoc) -> Option<&RegState> {
        let st = self.loc_state(loc.owner)?;
        let f = st.frames.get(loc.link.frame as usize)?;
        if loc.link.stack {
            f.stack.get(loc.link.idx as usize).map(|s| &s.spilled)
        } else {
            f.regs.get(loc.link.idx as usize)
        }
    }

    fn loc_reg_mut(&mut self, loc: RegLoc) -> Option<&mut RegState> {
        let st = match loc.owner {
            Owner::Cur => &mut self.cur,
            Owner::Checkpoint(i) => &mut self.checkpoints.get_mut(i as usize)?.st,
        };
        let f = st.frames.get_mut(loc.link.frame as usize)?;
        if loc.link.stack {
            f.stack
                .get_mut(loc.link.idx as usize)
                .map(|s| &mut s.spilled)
        } else {
            f.regs.get_mut(loc.link.idx as usize)
        }
    }

    /// The liveness parent of `loc`.
    pub fn parent_of(&self, loc: RegLoc) -> Option<RegLoc> {
        let ParentRef {
            cp: parent_cp,
            link,
        } = self.loc_reg(loc)?.parent?;
        let cp = self.checkpoints.get(parent_cp as usize)?;
        // the parent slot must exist in the parent state
        let f = cp.st.frames.get(link.frame as usize)?;
        if link.stack && f.stack.len() <= link.idx as usize {
            return None;
        }
        Some(RegLoc {
            owner: Owner::Checkpoint(parent_cp),
            link,
        })
    }

    /// `mark_reg_read()`: propagates a read up the parentage chain until a
    /// write screens it.
    pub fn mark_reg_read(&mut self, start: RegLoc, first_parent: Option<RegLoc>, flag: u8) {
        let mut state = start;
        let mut parent = first_parent;
        let mut writes = first_parent.is_some() && first_parent == self.parent_of(start);
        let mut cnt = 0u64;
        while let Some(p) = parent {
            let st_live = self.loc_reg(state).map(|r| r.live).unwrap_or(0);
            if writes && st_live & LIVE_WRITTEN != 0 {
                break;
            }
            let Some(preg) = self.loc_reg_mut(p) else {
                break;
            };
            if (preg.live & LIVE_READ) == flag || preg.live & LIVE_READ64 != 0 {
                break;
            }
            preg.live |= flag;
            if flag == LIVE_READ64 {
                preg.live &= !LIVE_READ32;
            }
            state = p;
            parent = self.parent_of(p);
            writes = true;
            cnt += 1;
        }
        if self.longest_mark_read_walk < cnt {
            self.longest_mark_read_walk = cnt;
        }
    }

    /// Read of register `regno` of the current frame.
    pub fn mark_cur_reg_read(&mut self, regno: usize, flag: u8) {
        let fr = self.cur.curframe();
        let loc = self.cur_loc(fr, false, regno);
        let p = self.parent_of(loc);
        self.mark_reg_read(loc, p, flag);
    }

    /// Read of stack slot `spi` of frame `fr`.
    pub fn mark_stack_read(&mut self, fr: usize, spi: usize) {
        let loc = self.cur_loc(fr, true, spi);
        let p = self.parent_of(loc);
        self.mark_reg_read(loc, p, LIVE_READ64);
    }
}
