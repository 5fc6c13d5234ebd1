//! Lessons: a sequence of steps, each a program, a paragraph, a goal to
//! reach in the stepper and optionally a question. Lessons are data
//! (`static/lessons/ID.json`, listed in `static/lessons/index.json`), read
//! at run time, so a teacher writes one without rebuilding the app.

use crate::examples;
use crate::protocol::Summary;
use serde::Deserialize;
use veristep_core::trace::EventKind;
use veristep_core::KernelVersion;

/// `lessons/index.json`: the lessons in teaching order.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Catalogue {
    pub lessons: Vec<Entry>,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Entry {
    pub id: String,
    pub title: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    pub id: String,
    pub title: String,
    pub steps: Vec<Step>,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub title: String,
    /// The program: an example of the gallery by id, or `text`.
    #[serde(default)]
    pub example: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
    /// The kernel mode it opens in ("5.19", "6.1", "6.7"); default 6.1.
    #[serde(default)]
    pub kernel: Option<String>,
    /// The paragraph; blank lines separate paragraphs.
    pub prose: String,
    pub goal: Goal,
    /// How to get there ("press r: next release").
    #[serde(default)]
    pub hint: Option<String>,
    #[serde(default)]
    pub question: Option<Question>,
}

/// What the learner must reach to go on. Exactly one of the fields is set.
#[derive(Clone, Debug, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// An event kind: push, pop, prune, call, callback, return, acquire,
    /// release, reject; reached at or after the state following its
    /// `nth` occurrence (1-based, default 1).
    #[serde(default)]
    pub event: Option<String>,
    #[serde(default)]
    pub nth: Option<usize>,
    /// A position of the trace: reached at or after it.
    #[serde(default)]
    pub step: Option<usize>,
    /// An instruction: reached when it is the current one.
    #[serde(default)]
    pub insn: Option<usize>,
    /// A verdict ("accepted" / "rejected") in a kernel mode: reached when
    /// the shown run is that mode's and has that verdict.
    #[serde(default)]
    pub verdict: Option<String>,
    #[serde(default)]
    pub kernel: Option<String>,
    /// The end of the walk.
    #[serde(default)]
    pub end: Option<bool>,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub prompt: String,
    pub choices: Vec<String>,
    /// Index of the right choice.
    pub answer: usize,
    /// Said once answered.
    #[serde(default)]
    pub explain: Option<String>,
}

/// Event kinds as lessons name them: the kinds a person can jump to.
pub fn event_kind(name: &str) -> Option<EventKind> {
    EventKind::from_name(name).filter(|k| !matches!(k, EventKind::Insn | EventKind::PathDone))
}

impl Step {
    /// The program text and the kernel mode the step opens with.
    pub fn program(&self) -> Result<(String, KernelVersion), String> {
        let text = match (&self.example, &self.text) {
            (Some(id), None) => examples::by_id(id)
                .map(|e| e.text.to_string())
                .ok_or_else(|| format!("no example '{id}'"))?,
            (None, Some(t)) => t.clone(),
            _ => return Err("a step needs exactly one of example and text".into()),
        };
        let kernel = match &self.kernel {
            None => KernelVersion::V6_1,
            Some(k) => KernelVersion::parse(k).ok_or_else(|| format!("unknown kernel '{k}'"))?,
        };
        Ok((text, kernel))
    }
}

impl Goal {
    /// Whether the goal is well formed (one kind of target, known names).
    pub fn check(&self) -> Result<(), String> {
        let set = [
            self.event.is_some(),
            self.step.is_some(),
            self.insn.is_some(),
            self.verdict.is_some(),
            self.end == Some(true),
        ]
        .iter()
        .filter(|b| **b)
        .count();
        if set != 1 {
            return Err("a goal names exactly one of event, step, insn, verdict, end".into());
        }
        if let Some(e) = &self.event {
            event_kind(e).ok_or_else(|| format!("unknown event '{e}'"))?;
        }
        if let Some(v) = &self.verdict {
            if v != "accepted" && v != "rejected" {
                return Err(format!("unknown verdict '{v}'"));
            }
        }
        if let Some(k) = &self.kernel {
            KernelVersion::parse(k).ok_or_else(|| format!("unknown kernel '{k}'"))?;
        }
        Ok(())
    }

    /// The position an event goal names in a run (None: the run has no such event).
    pub fn position(&self, run: &Summary) -> Option<usize> {
        let kind = event_kind(self.event.as_deref()?)?;
        let k = kind.index() as usize;
        let nth = self.nth.unwrap_or(1).max(1);
        run.landmarks.get(k)?.get(nth - 1).copied()
    }

    /// Reached at this position of this run (`insn`: the current instruction).
    pub fn reached(&self, run: &Summary, step: usize, insn: Option<usize>) -> bool {
        if self.event.is_some() {
            return self.position(run).is_some_and(|p| step >= p);
        }
        if let Some(s) = self.step {
            return step >= s.min(run.len);
        }
        if let Some(i) = self.insn {
            return insn == Some(i);
        }
        if let Some(v) = &self.verdict {
            let kernel_ok = self
                .kernel
                .as_deref()
                .and_then(KernelVersion::parse)
                .is_none_or(|k| k == run.kernel);
            return kernel_ok && (v == "accepted") == run.accepted;
        }
        self.end == Some(true) && step == run.len
    }
}

impl Lesson {
    /// Parses a lesson file; every step's program and goal are checked.
    pub fn parse(json: &str) -> Result<Lesson, String> {
        let l: Lesson = serde_json::from_str(json).map_err(|e| e.to_string())?;
        if l.steps.is_empty() {
            return Err("a lesson needs steps".into());
        }
        for (i, s) in l.steps.iter().enumerate() {
            let at = |e: String| format!("step {}: {}", i + 1, e);
            s.program().map_err(at)?;
            s.goal.check().map_err(at)?;
            if let Some(q) = &s.question {
                if q.answer >= q.choices.len() {
                    return Err(at("the answer is not one of the choices".into()));
                }
            }
        }
        Ok(l)
    }
}
