//! One module per policy item. Each is a pure function of its inputs, the parameter set and the date.

pub mod transition;
