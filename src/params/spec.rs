//! What a parameter is, independent of any data: its unit, its valid range, its update cycle and how
//! it is looked up. The build script (`build.rs`) includes this file and the catalogue as they are, so
//! the files an analyst edits are checked by the very rules the engine loads them with. It may use
//! only `std` and `rust_decimal`.

use rust_decimal::Decimal;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    YuanPerPersonMonth,
    YuanPerPersonYear,
    YuanPerMonth,
    YuanPerYear,
    YuanPerHour,
    YuanPerDay,
    Yuan,
    Rate,
    Multiple,
    Days,
    Months,
    Years,
    Tier,
    /// 0 (no) or 1 (yes), by region.
    Flag,
    /// A number of people (posts a household may hold).
    Persons,
    /// A month of the year, 1 to 12 (the month the school year starts).
    MonthOfYear,
    Date,
}

/// What kind of value a unit holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Yuan, at most two decimal places.
    Money,
    /// A decimal (a rate or a multiple).
    Rate,
    /// A whole number.
    Count,
    Date,
}

impl Unit {
    pub const ALL: [Unit; 17] = [
        Unit::YuanPerPersonMonth,
        Unit::YuanPerPersonYear,
        Unit::YuanPerMonth,
        Unit::YuanPerYear,
        Unit::YuanPerHour,
        Unit::YuanPerDay,
        Unit::Yuan,
        Unit::Rate,
        Unit::Multiple,
        Unit::Days,
        Unit::Months,
        Unit::Years,
        Unit::Tier,
        Unit::Flag,
        Unit::Persons,
        Unit::MonthOfYear,
        Unit::Date,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Unit::YuanPerPersonMonth => "yuan/person/month",
            Unit::YuanPerPersonYear => "yuan/person/year",
            Unit::YuanPerMonth => "yuan/month",
            Unit::YuanPerYear => "yuan/year",
            Unit::YuanPerHour => "yuan/hour",
            Unit::YuanPerDay => "yuan/day",
            Unit::Yuan => "yuan",
            Unit::Rate => "rate",
            Unit::Multiple => "multiple",
            Unit::Days => "days",
            Unit::Months => "months",
            Unit::Years => "years",
            Unit::Tier => "tier",
            Unit::Flag => "flag",
            Unit::Persons => "persons",
            Unit::MonthOfYear => "monthOfYear",
            Unit::Date => "date",
        }
    }

    /// For display: 元/人·月 and so on.
    pub fn label(self) -> &'static str {
        match self {
            Unit::YuanPerPersonMonth => "元/人·月",
            Unit::YuanPerPersonYear => "元/人·年",
            Unit::YuanPerMonth => "元/月",
            Unit::YuanPerYear => "元/年",
            Unit::YuanPerHour => "元/小时",
            Unit::YuanPerDay => "元/天",
            Unit::Yuan => "元",
            Unit::Rate => "比例",
            Unit::Multiple => "倍",
            Unit::Days => "天",
            Unit::Months => "个月",
            Unit::Years => "年",
            Unit::Tier => "档",
            Unit::Flag => "是否（1 是，0 否）",
            Unit::Persons => "人",
            Unit::MonthOfYear => "月份",
            Unit::Date => "日期",
        }
    }

    pub fn parse(s: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.as_str() == s)
    }

    pub fn kind(self) -> Kind {
        match self {
            Unit::YuanPerPersonMonth
            | Unit::YuanPerPersonYear
            | Unit::YuanPerMonth
            | Unit::YuanPerYear
            | Unit::YuanPerHour
            | Unit::YuanPerDay
            | Unit::Yuan => Kind::Money,
            Unit::Rate | Unit::Multiple => Kind::Rate,
            Unit::Days
            | Unit::Months
            | Unit::Years
            | Unit::Tier
            | Unit::Flag
            | Unit::Persons
            | Unit::MonthOfYear => Kind::Count,
            Unit::Date => Kind::Date,
        }
    }

    /// The range a value of this unit has when its parameter says nothing narrower.
    pub const fn default_limits(self) -> Limits {
        match self {
            Unit::Rate => Limits::SHARE,
            Unit::Multiple => Limits::MULTIPLE,
            Unit::Days => Limits::whole(0, 366),
            Unit::Months => Limits::whole(0, 120),
            Unit::Years => Limits::whole(0, 150),
            Unit::Tier => Limits::whole(1, 3),
            Unit::Flag => Limits::whole(0, 1),
            Unit::Persons => Limits::whole(0, 30),
            Unit::MonthOfYear => Limits::whole(1, 12),
            _ => Limits::MONEY,
        }
    }
}

/// One end of a range: `mantissa × 10^exponent` (10^10 is 1 × 10^10), included or not. Four bytes,
/// so that the catalogue's entries hold few zeros.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bound {
    pub mantissa: u16,
    pub exponent: i8,
    pub open: bool,
}

impl Bound {
    pub fn decimal(self) -> Decimal {
        let places = u32::from(self.exponent.unsigned_abs());
        let mantissa = i64::from(self.mantissa);
        let value = match self.exponent < 0 {
            true => Decimal::try_new(mantissa, places).ok(),
            false => 10i64
                .checked_pow(places)
                .and_then(|p| p.checked_mul(mantissa))
                .map(Decimal::from),
        };
        value.unwrap_or(Decimal::ZERO)
    }
}

/// The values a parameter may take, from its unit and meaning. Dates have no limits here (the
/// calendar's own range applies).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub min: Bound,
    pub max: Bound,
}

/// A whole number as a bound, included: its trailing zeros in the exponent.
const fn closed(value: u64) -> Bound {
    let (mut mantissa, mut exponent) = (value, 0i8);
    while mantissa > u16::MAX as u64 && mantissa.wrapping_rem(10) == 0 {
        mantissa = mantissa.wrapping_div(10);
        exponent = exponent.wrapping_add(1);
    }
    // Evaluated when the catalogue is compiled: a bound that does not fit stops the build.
    assert!(
        mantissa <= u16::MAX as u64,
        "a bound is at most 65535 × 10^n"
    );
    Bound {
        mantissa: mantissa as u16,
        exponent,
        open: false,
    }
}

impl Limits {
    /// Money: 0 to 10^10 yuan.
    pub const MONEY: Limits = Limits {
        min: closed(0),
        max: closed(10_000_000_000),
    };
    /// Money that must be more than zero (a divisor, a step).
    pub const POSITIVE_MONEY: Limits = Limits {
        min: Bound {
            mantissa: 0,
            exponent: 0,
            open: true,
        },
        max: closed(10_000_000_000),
    };
    /// A share or rate of a whole (a bill, a budget, a premium): 0 to 1.
    pub const SHARE: Limits = Limits {
        min: closed(0),
        max: closed(1),
    };
    /// A share of a household's income, which spending can exceed: 0 to 10.
    pub const SHARE_OF_INCOME: Limits = Limits {
        min: closed(0),
        max: closed(10),
    };
    /// A multiple of a standard: more than 0, at most 10.
    pub const MULTIPLE: Limits = Limits {
        min: Bound {
            mantissa: 0,
            exponent: 0,
            open: true,
        },
        max: closed(10),
    };
    /// Whole numbers from `min` to `max`.
    pub const fn whole(min: u64, max: u64) -> Limits {
        Limits {
            min: closed(min),
            max: closed(max),
        }
    }
}

/// How a parameter's value is found for a region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The county's own value, else its city's, else the province's, else a value without region.
    Regional,
    /// Only a county-level region has one (its own value, else a value without region, which then
    /// means "every county"): a city or the province has none and asking for one is an error. The
    /// minimum-wage tier: no source assigns one to a city or the province.
    CountyOnly,
    /// A date of the calendar the policy sets (the transition period and its windows): a date before
    /// the first value also gets the first value, so a date before the period can say "not yet".
    Calendar,
}

/// A parameter's name and unit (the unit decides the kind of value: money, rate, count or date), its
/// label, the months after which a value is stale (0: a fixed rule, never stale), its range and scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spec {
    pub name: &'static str,
    pub unit: Unit,
    /// Its place in the catalogue's `ALL`.
    pub index: usize,
    /// The Chinese label (the catalogue alone owns it: a parameter file cannot change it).
    pub label: &'static str,
    /// What it is and where it comes from, when the label does not say enough.
    pub description: Option<&'static str>,
    /// A value is stale on a date at least this many months after its `from` (0: never).
    pub cycle_months: u32,
    pub limits: Limits,
    pub scope: Scope,
    /// No calculation reads it: it is kept for reference (a figure of the sources), a full parameter
    /// file need not give it.
    pub informational: bool,
    /// Only the transition period's documents (2021-2025) give it: a value read for a date after
    /// the period is this calculator's choice to carry it on (`transition.carriedValues`). Not
    /// marked: the 资助参保 shares, whose programme says so by a rule of its own
    /// (`medicalPremium.afterPeriod`).
    pub of_the_period: bool,
}

/// A catalogue entry, completed with the builder methods below.
pub const fn def(name: &'static str, unit: Unit, label: &'static str) -> Spec {
    Spec {
        name,
        unit,
        index: 0,
        label,
        description: None,
        cycle_months: 0,
        limits: unit.default_limits(),
        scope: Scope::Regional,
        informational: false,
        of_the_period: false,
    }
}

impl Spec {
    /// Updated every `months` months: a value at least that old is reported as stale.
    pub const fn every(mut self, months: u32) -> Spec {
        self.cycle_months = months;
        self
    }
    pub const fn limits(mut self, limits: Limits) -> Spec {
        self.limits = limits;
        self
    }
    pub const fn county_only(mut self) -> Spec {
        self.scope = Scope::CountyOnly;
        self
    }
    pub const fn calendar(mut self) -> Spec {
        self.scope = Scope::Calendar;
        self
    }
    pub const fn informational(mut self) -> Spec {
        self.informational = true;
        self
    }
    /// Only the transition period's documents give it (see [`Spec::of_the_period`]).
    pub const fn of_the_period(mut self) -> Spec {
        self.of_the_period = true;
        self
    }
    pub const fn about(mut self, description: &'static str) -> Spec {
        self.description = Some(description);
        self
    }
    pub const fn at(mut self, index: usize) -> Spec {
        self.index = index;
        self
    }

    /// The value checked against the unit and the limits, normalised (`441.00` → `441`), or the
    /// problem in Chinese.
    pub fn check(&self, d: Decimal) -> Result<Decimal, String> {
        let kind = self.unit.kind();
        if d.is_sign_negative() && !d.is_zero() {
            return Err("取值不能为负数".into());
        }
        let n = d.normalize();
        match kind {
            Kind::Money if n.scale() > 2 => return Err("金额最多两位小数".into()),
            Kind::Count if n.scale() != 0 => {
                return Err(format!("应为整数（{}）", self.range_text()))
            }
            Kind::Rate if n.scale() > 10 => return Err("小数位数过多（最多10位）".into()),
            _ => {}
        }
        let (min, max) = (self.limits.min, self.limits.max);
        let below = if min.open {
            n <= min.decimal()
        } else {
            n < min.decimal()
        };
        let above = if max.open {
            n >= max.decimal()
        } else {
            n > max.decimal()
        };
        if below || above {
            return Err(format!("超出取值范围：{}", self.range_text()));
        }
        Ok(n)
    }

    /// The range in words, for messages and the documentation: `应在 0 到 1 之间（含）`.
    pub fn range_text(&self) -> String {
        let (min, max) = (self.limits.min, self.limits.max);
        let lo = min.decimal().normalize();
        let hi = max.decimal().normalize();
        let unit = match self.unit.kind() {
            Kind::Money => "元",
            _ => "",
        };
        match (min.open, self.unit) {
            (_, Unit::Flag) => "应为 0（否）或 1（是）".into(),
            (true, _) => format!("应大于 {lo}{unit}，不超过 {hi}{unit}"),
            (false, _) => format!("应在 {lo} 到 {hi}{unit} 之间（含两端）"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// A bound of four bytes still reaches 10^10 yuan: 1 × 10^10, not 65535 at most.
    #[test]
    fn bounds_are_their_decimals() {
        assert_eq!(Limits::MONEY.max.decimal(), d("10000000000"));
        assert_eq!(Limits::MONEY.min.decimal(), Decimal::ZERO);
        assert_eq!(Limits::whole(1, 366).max.decimal(), d("366"));
        assert_eq!(Limits::whole(0, 70_000).max.decimal(), d("70000"));
        let tenth = Bound {
            mantissa: 5,
            exponent: -1,
            open: false,
        };
        assert_eq!(tenth.decimal(), d("0.5"));
    }

    /// The ends are kept as written: 10^10 yuan included, a cent more refused; an open zero refused.
    #[test]
    fn values_are_checked_against_the_bounds() {
        let money = def("a", Unit::Yuan, "a");
        assert_eq!(money.check(d("10000000000")), Ok(d("10000000000")));
        assert_eq!(
            money.check(d("10000000000.01")),
            Err("超出取值范围：应在 0 到 10000000000元 之间（含两端）".into())
        );
        let step = def("b", Unit::Yuan, "b").limits(Limits::POSITIVE_MONEY);
        assert_eq!(
            step.check(Decimal::ZERO),
            Err("超出取值范围：应大于 0元，不超过 10000000000元".into())
        );
        let days = def("c", Unit::Days, "c").limits(Limits::whole(1, 366));
        assert_eq!(
            days.check(d("367")),
            Err("超出取值范围：应在 1 到 366 之间（含两端）".into())
        );
    }
}
