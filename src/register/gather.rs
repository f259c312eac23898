//! A household's rows wherever they are in the register: a register exported sorted by village
//! and name has the rows of one household apart. The first pass ([`DuplicateIds::note`]) finds the
//! ids met again after other households; the second joins each household's runs of rows into one
//! [`Group`], held until its last run is read, and gives the households out in the order of their
//! first row (for a register whose households' rows are together, as they come). Memory: the
//! households still open, and those read after the first of them, so it grows only with how far
//! apart the rows of a household are.

use std::collections::VecDeque;

use super::{DuplicateIds, Group};

/// See the module documentation.
pub struct Gather {
    ids: DuplicateIds,
    /// Households in the order of their first row, each with the runs of rows still to come
    /// (where one still open is held, counted from the first household queued, is kept beside its
    /// id by [`DuplicateIds`]).
    queue: VecDeque<(Group, u32)>,
    /// Households given out so far (the place of the queue's front).
    given: u64,
}

impl Gather {
    /// The second pass over a register whose first pass noted its ids in `ids`.
    pub fn new(ids: DuplicateIds) -> Self {
        Gather {
            ids,
            queue: VecDeque::new(),
            given: 0,
        }
    }

    /// A run of rows read (consecutive rows with one id, or one row without an id), in input order.
    pub fn push(&mut self, g: Group) {
        let fragment = match g.id.is_empty() {
            true => None,
            false => self.ids.next_fragment(&g.id),
        };
        let Some((left, held)) = fragment else {
            self.queue.push_back((g, 0));
            return;
        };
        let i = held
            .and_then(|place| place.checked_sub(self.given))
            .and_then(|i| usize::try_from(i).ok());
        if let Some((household, rest)) = i.and_then(|i| self.queue.get_mut(i)) {
            *rest = left;
            if left == 0 {
                *held = None;
            }
            household.join(g);
            return;
        }
        if left > 0 {
            *held = Some(self.given.saturating_add(self.queue.len() as u64));
        }
        self.queue.push_back((g, left));
    }

    /// The next household whose rows have all been read, in the order of first rows.
    pub fn pop(&mut self) -> Option<Group> {
        if self.queue.front().is_some_and(|(_, left)| *left > 0) {
            return None;
        }
        self.take()
    }

    /// At the end of the input: the households still held, in order (all complete when the two
    /// passes read the same register).
    pub fn finish(&mut self) -> Option<Group> {
        self.take()
    }

    fn take(&mut self) -> Option<Group> {
        let (g, _) = self.queue.pop_front()?;
        self.given = self.given.saturating_add(1);
        Some(g)
    }
}
