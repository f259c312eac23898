//! One module per policy item. Each is a pure function of the household (or date and region), the
//! parameters and the date; none does I/O or keeps state.

pub mod dibao;
pub mod monitoring;
pub mod result;
pub mod tekun;
pub mod temporary;
pub mod transition;
