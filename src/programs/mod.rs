//! One module per policy item. Each is a pure function of its input (a household, a bill, a loan
//! request, a project), the parameters and the date; none does I/O or keeps state.

pub mod credit;
pub mod dibao;
pub mod education;
pub mod medical;
pub mod monitoring;
pub mod pension;
pub mod result;
pub mod tekun;
pub mod temporary;
pub mod transition;
pub mod work_relief;
