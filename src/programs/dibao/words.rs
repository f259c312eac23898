//! The 低保 card in words: income and its deductions, the standard, the 补差, each 加发, and the
//! route taken or why there is none.

use super::joins::{Join, Leaves, Then};
use super::supplements::group_words;
use super::year::{self, monthly, Change, Level, Stretch};
use super::{
    said, Deduction, DibaoFigures, GradualCheck, GradualExit, Route, StandardOf, Supplement, WageOf,
};
use crate::base::money::Money;
use crate::input::model::{Area, Household, WorkPlace};
use crate::policy::explain::Explanation;
use crate::policy::rules::{self, RuleId};
use crate::programs::assistance;
use crate::programs::groups::Group;
use rust_decimal::Decimal;
use std::fmt::Write as _;

/// The card's steps and reasons: income, figures, then the route 低保 took or why none.
pub(super) fn explain(f: &DibaoFigures, h: &Household<'_>, e: &mut Explanation) {
    explain_income(f, h, e);
    facts(f, e);
    if f.working.covered == 0 {
        year_steps(f, h, e);
        return;
    }
    let standard = f.standard;
    if !f.working.assets_passed {
        e.step(
            rules::DIBAO_ASSETS,
            "家庭财产状况经核查不符合条件。".into(),
            None,
        );
        e.reason("家庭财产状况不符合低保条件。");
    }
    if f.working.below && f.working.assets_passed {
        let (base, n) = (f.base, f.working.covered);
        e.step(
            rules::DIBAO_BASE_METHOD,
            format!(
                "人均收入低于标准：补差 = (标准 − 人均) × 人数 = 标准 {standard} × {n} 人 − 月计算收入 {} 元（{} ÷ 12）= {base} 元/月{}，人均收入不先舍入，按补差计算。",
                income_below(f),
                f.counted_income,
                under_a_fen(f),
            ),
            Some(base.to_fen_string()),
        );
        let per_capita = below_text(f, standard);
        e.reason(format!(
            "人均月收入 {per_capita} 元低于低保标准 {standard} 元，符合低保条件，补差 {base} 元/月。"
        ));
        for s in &f.supplements {
            supplement_step(s, standard, e);
        }
        for s in &f.supplements {
            e.reason(format!(
                "{}属{}，加发 {} 元/月。",
                s.member,
                said(&s.reason),
                s.monthly
            ));
        }
    } else if !f.working.below {
        explain_above(f, h, e);
    }
    year_steps(f, h, e);
    explain_route(f, h, e);
}

/// The 加发 that end or start within the year, the children who join the household's 低保 within
/// it (paid 0.00 on the date when it had none), and the year's amount (rule
/// `annual.endsWithinYear`).
fn year_steps(f: &DibaoFigures, h: &Household<'_>, e: &mut Explanation) {
    let w = &f.working;
    let Some(paid) = f
        .paid
        .or(f.joins_later().then_some(Money::ZERO))
        .filter(|_| !w.changes.is_empty() || !w.joins.is_empty())
    else {
        return;
    };
    let first = paid.round_fen();
    let stretches = f.stretches(first, &w.joins);
    // The changes of the household on the date, to the month a member's joining replaces it.
    let end = year::ends(&stretches).next().unwrap_or(12);
    let mut names = Vec::new();
    for c in &f.working.changes {
        if let Some(m) = h.members.get(c.index) {
            change_step(m.label.as_ref(), c, end.saturating_sub(c.months), e);
            names.push(m.label.as_ref());
        }
    }
    // The household on the date after its 渐退 period, when that ends before a member joins.
    let until = f.gradual_exit.as_ref().map(|g| g.until.as_str());
    if let (Some(t), Some(until)) = (&w.then, until) {
        if w.joins.first().is_none_or(|j| t.from < j.months) {
            then_step(t, until, t.from, e);
        }
    }
    let sum = year_sum(&stretches);
    let joined = join_steps(f, h, first, &stretches, e);
    let annual = f.annual().ok().flatten().unwrap_or_default();
    e.step(
        rules::ANNUAL_ENDS_WITHIN_YEAR,
        format!("全年 = 月额 × 月数：{sum} = {annual} 元；家庭人员构成的其他变化不计。"),
        Some(annual.to_fen_string()),
    );
    if !names.is_empty() {
        e.reason(format!(
            "{}的加发在测算日期起12个月内变化，全年按各月的加发计算，共 {annual} 元。",
            names.join("、")
        ));
    }
    if !joined.is_empty() {
        let mut leaves = w.joins.iter().map(|j| j.leaves);
        let first = leaves.next();
        let leaves = match first {
            Some(l) if leaves.all(|o| o == l) => leaves_words(l),
            _ => "不再领取孤儿、事实无人抚养儿童基本生活费或特困供养到期",
        };
        let none = if f.joins_later() {
            "（测算日期不享受低保，月额 0.00）"
        } else {
            ""
        };
        e.reason(format!(
            "{}在测算日期起12个月内满18周岁，{leaves}，此后计入家庭低保{none}，全年按各月计算，共 {annual} 元。",
            joined.join("、")
        ));
    }
}

/// The children who join the household's 低保 within the year (`paid`: its amount a month now),
/// each with the household as it then is, its 加发 changing after and its 渐退 period's end
/// (`stretches`: the year); their names.
fn join_steps<'h>(
    f: &DibaoFigures,
    h: &'h Household<'_>,
    paid: Money,
    stretches: &[Stretch<'_>],
    e: &mut Explanation,
) -> Vec<&'h str> {
    let mut names: Vec<&str> = Vec::new();
    let mut before = paid;
    let rule = if f.joins_route() {
        rules::DIBAO_JOINS_ROUTE
    } else {
        rules::ANNUAL_ENDS_WITHIN_YEAR
    };
    for j in &f.working.joins {
        let Some(m) = h.members.get(j.index) else {
            continue;
        };
        names.push(m.label.as_ref());
        // The month the household with the member joined gives way to the next stretch.
        let end = stretches
            .iter()
            .zip(year::ends(stretches))
            .find(|(s, _)| s.from == j.months)
            .map_or(12, |(_, end)| end);
        let gained = j.paid_months().min(end).saturating_sub(j.months);
        let none = if f.joins_later() && before.is_zero() {
            "（测算日期不享受低保）"
        } else {
            ""
        };
        let others = if f.working.covered > 0 || names.len() > 1 {
            "其余成员按测算日期计，"
        } else {
            ""
        };
        e.step(
            rule,
            format!(
                "{}：{} 满{}周岁，{}，此后计入家庭低保：家庭低保由 {before} 元/月{none}变为 {} 元/月（{others}{}按{}周岁计{}{}）：自测算日期起前 {} 个月按原额（满周岁前一日所在的月按原额，不足一月按一月计），其后 {gained} 个月按新额。",
                m.label,
                j.birthday,
                j.age,
                leaves_words(j.leaves),
                j.after,
                names.join("、"),
                j.age,
                route_then(f, j.route),
                period_words(j),
                j.months,
            ),
            Some(j.after.to_fen_string()),
        );
        if f.joins_later() {
            e.fact_text(
                format!("纳入低保：{}", m.label),
                format!("{} 起", j.birthday),
            );
        }
        for c in &j.changes {
            if let Some(m) = h.members.get(c.index) {
                let k = end.saturating_sub(c.months.max(j.months));
                change_step(m.label.as_ref(), c, k, e);
            }
        }
        if let (Some(t), Some((_, until))) = (&j.then, &j.period) {
            then_step(t, until, t.from.max(j.months), e);
        }
        before = j.after;
    }
    names
}

/// A 加发 that changes within the year: `k` months at the amount after (of the stretch of the
/// year it changes in; none: the household is by then another, after a member joined).
fn change_step(label: &str, c: &Change, k: u32, e: &mut Explanation) {
    let group = |l: Level| l.map_or("不属加发对象", |(g, _)| g.label());
    let (before, after) = (monthly(c.before), monthly(c.after));
    let months = if k == 0 {
        "满周岁前家庭低保已按成员计入后的家庭重新核算，这一变化不再计".to_string()
    } else {
        format!(
            "自测算日期起前 {} 个月按原额（满周岁所在的月按原额，不足一月按一月计），其后 {k} 个月按新额",
            c.months
        )
    };
    e.step(
        rules::ANNUAL_ENDS_WITHIN_YEAR,
        format!(
            "{label}：{} 满{}周岁，加发由 {before} 元/月（{}）变为 {after} 元/月（{}）：{months}。",
            c.birthday,
            c.age,
            group(c.before),
            group(c.after)
        ),
        Some(after.to_fen_string()),
    );
}

/// A household after its 渐退 period (its last day `until`), from month `from` of the year.
fn then_step(t: &Then, until: &str, from: u32, e: &mut Explanation) {
    e.step(
        rules::ANNUAL_ENDS_WITHIN_YEAR,
        format!("渐退期至 {until} 止，{}。", then_words(t, from)),
        Some(t.paid.to_fen_string()),
    );
}

/// What a household gets after its 渐退 period, from month `from` of the year, in words.
fn then_words(t: &Then, from: u32) -> String {
    let then = match t.route {
        Some(Route::SinglePerson) => "仍属边缘家庭，参照“单人户”",
        Some(Route::Base) => "低于标准，整户补差",
        _ => "不符合低保",
    };
    format!(
        "期满后不再是低保家庭，按当时的家庭重新核算：{then}，{} 元/月，其后 {} 个月",
        t.paid,
        12u32.saturating_sub(from)
    )
}

/// The year's sum in words: each stretch's amount × its months, each 加发 change's difference ×
/// its months after within it.
fn year_sum(stretches: &[Stretch<'_>]) -> String {
    let mut sum = String::new();
    for (s, end) in stretches.iter().zip(year::ends(stretches)) {
        let (months, changes) = s.months(end);
        if months == 0 {
            continue;
        }
        let plus = if sum.is_empty() { "" } else { " + " };
        let _ = write!(sum, "{plus}{} × {months}", s.paid);
        for (c, k) in changes.filter(|(_, k)| *k > 0) {
            let (before, after) = (monthly(c.before), monthly(c.after));
            // One subtraction, the larger less the smaller: each call site is a copy in the module.
            let (sign, high, low) = if before > after {
                ("−", before, after)
            } else {
                ("+", after, before)
            };
            let change = high.checked_sub(low).unwrap_or_default();
            let _ = write!(sum, " {sign} {change} × {k}");
        }
    }
    if sum.is_empty() {
        sum.push_str("0.00");
    }
    sum
}

/// A joined household's 渐退 period, in words.
fn period_words(j: &Join) -> String {
    j.period
        .as_ref()
        .map(|(from, until)| format!("，渐退期 {from} 至 {until}"))
        .unwrap_or_default()
}

/// The route a household with a member joined takes, when the date's was not 补差 (rule
/// `dibao.joinsRoute`).
fn route_then(f: &DibaoFigures, then: Option<Route>) -> &'static str {
    match (f.route, then) {
        (Some(Route::GradualExit | Route::SinglePerson), Some(Route::Base)) => {
            "；低于标准，整户补差"
        }
        (_, Some(Route::GradualExit)) => "；渐退期内维持原额",
        (_, Some(Route::SinglePerson)) => "；参照“单人户”",
        (Some(_), None) => "；不符合低保",
        _ => "",
    }
}

/// What a member joining leaves, in words.
fn leaves_words(l: Leaves) -> &'static str {
    match l {
        Leaves::Allowance => "不再领取孤儿、事实无人抚养儿童基本生活费",
        Leaves::Tekun => "特困人员救助供养到期",
    }
}

/// The per-capita monthly income (not rounded) as a sentence saying it is below `line` shows it.
fn below_text(f: &DibaoFigures, line: Money) -> String {
    f.working
        .monthly_income
        .checked_div(Decimal::from(f.working.covered))
        .map_or_else(
            |_| f.per_capita_monthly_income.to_string(),
            |exact| exact.said_below(line),
        )
}

/// The month's counted income in the 补差 step: as [`sum_text`] shows it, or, where the fen rounds
/// it up to the standard × the members it is below (5291.99 ÷ 12 = 440.99916… for one member at
/// 441), cut to the first place that shows it below.
fn income_below(f: &DibaoFigures) -> String {
    let income = f.working.monthly_income;
    match f.standard.checked_mul(Decimal::from(f.working.covered)) {
        Ok(line) if income.round_fen() >= line && income < line => income.said_below(line),
        _ => sum_text(income),
    }
}

/// Beside a 补差 that rounds to 0.00 though the income is below the standard: it is under a fen.
fn under_a_fen(f: &DibaoFigures) -> &'static str {
    if f.base.is_zero() && f.working.base_exact > Money::ZERO {
        "（补差不足 1 分，按分舍入为 0.00 元；人均收入仍低于标准，符合低保条件）"
    } else {
        ""
    }
}

/// The labels of the members at `places`, joined with 、.
fn labels(h: &Household<'_>, places: &[usize]) -> String {
    let labels: Vec<&str> = places
        .iter()
        .filter_map(|i| h.members.get(*i))
        .map(|m| m.label.as_ref())
        .collect();
    labels.join("、")
}

/// The route taken, when another was set aside for it (rule `dibao.routeOrder`).
fn explain_route(f: &DibaoFigures, h: &Household<'_>, e: &mut Explanation) {
    let aside = labels(h, &f.working.single_person_set_aside);
    let (citation, text) = match f.route {
        _ if aside.is_empty() => return,
        Some(Route::Base) => (
            "民政部等四部门2022年通知一(一)",
            format!("整户人均收入低于标准，整户纳入低保：{aside}随家庭一并保障，不再参照“单人户”另行纳入（申请家庭符合条件的，不得仅将个别家庭成员纳入）。"),
        ),
        Some(Route::GradualExit) => (
            "民发〔2021〕57号第三十三条（转述）",
            format!("渐退期内该户仍是低保家庭、不是低保边缘家庭：先按渐退维持原低保，{aside}不参照“单人户”另行计算。"),
        ),
        _ => return,
    };
    if f.route == Some(Route::GradualExit) {
        e.reason(text.clone());
    }
    let rule = match f.route {
        Some(Route::GradualExit) => rules::DIBAO_ROUTE_ORDER_GRADUAL_EXIT.into(),
        _ => rules::DIBAO_ROUTE_ORDER,
    };
    e.step_citing(rule, citation, text, None);
}

/// An amount that a rounded sum is shown beside: to the fen, or to a tenth of a fen when that is
/// its exact value (a twelfth of an income in fen can end in half a fen), where rounding it first
/// would put the sum a fen off (1323.00 − 698.335 = 624.665, which is 624.67; with 698.34 it
/// would read 624.66).
fn sum_text(amount: Money) -> String {
    let tenths = amount.decimal().round_dp(3);
    if tenths == amount.decimal() && tenths != tenths.round_dp(2) {
        let mut d = tenths;
        d.rescale(3);
        d.to_string()
    } else {
        amount.to_fen_string()
    }
}

/// The standard's step: whose figure it is (see [`standard_of`]).
fn standard_text(f: &DibaoFigures, region: &str, area: &str) -> String {
    let standard = f.standard;
    // A region's own figure past its update cycle is checked like the province's fallback.
    let check = |due: bool| {
        if due {
            "，已超过更新周期，请核对当地现行标准"
        } else {
            ""
        }
    };
    match &f.working.standard_of {
        Some((StandardOf::WhatIf, ..)) => format!(
            "{region}{area}低保标准 {standard} 元/人·月（假设值）。"
        ),
        Some((StandardOf::Own, from, due)) => format!(
            "{region}{area}低保标准 {standard} 元/人·月（{from} 起）{}。",
            check(*due)
        ),
        Some((StandardOf::Above(name), from, due)) => format!(
            "{region}{area}低保标准：按{name}的 {standard} 元/人·月（{from} 起）{}。",
            check(*due)
        ),
        Some((StandardOf::Province, from, _)) => format!(
            "{region}{area}低保标准：参数中未单列该地数值，按全省数值 {standard} 元/人·月（{from} 起），请核对当地现行标准。"
        ),
        None => format!("{region}{area}低保标准 {standard} 元/人·月。"),
    }
}

/// The figures of the card.
fn facts(f: &DibaoFigures, e: &mut Explanation) {
    e.fact("低保标准", f.standard, "元/人·月", "standard");
    e.fact("计算收入", f.counted_income, "元/年", "countedIncome");
    e.fact(
        "就业成本扣除",
        f.employment_deduction,
        "元/年",
        "employmentDeduction",
    );
    e.fact(
        "人均月收入",
        f.per_capita_monthly_income,
        "元/人·月",
        "perCapitaMonthlyIncome",
    );
    e.fact("补差", f.base, "元/月", "base");
    for (j, s) in f.supplements.iter().enumerate() {
        let label = format!("加发：{}，{}", s.member, said(&s.reason));
        e.fact(
            label,
            s.monthly,
            "元/月",
            format!("supplements[{j}].monthly"),
        );
    }
    for (j, s) in f.single_person.iter().enumerate() {
        let label = format!("单人户：{}（{}）", s.member, said(&s.reason));
        e.fact(
            label,
            s.monthly,
            "元/月",
            format!("singlePerson[{j}].monthly"),
        );
    }
    if !f.tekun_members.is_empty() {
        e.fact_text("另行特困供养", f.tekun_members.join("、"));
    }
    if let Some(g) = &f.gradual_exit {
        e.fact_text("渐退期", format!("{} 至 {}", g.from, g.until));
    }
    if let Some(route) = f.route {
        e.fact_text("保障方式", route.label());
    }
}

fn explain_income(f: &DibaoFigures, h: &Household<'_>, e: &mut Explanation) {
    let area = if f.working.area == Some(Area::Urban) {
        "城市"
    } else {
        "农村"
    };
    explain_standard(f, &h.region.name, area, e);
    let n = f.working.covered;
    tekun_step(f, n, e);
    allowance_steps(f, h, n, e);
    if n == 0 {
        let on = if f.joins_later() { "测算日期" } else { "" };
        e.reason(if f.tekun_members.is_empty() {
            format!("{on}孤儿、事实无人抚养儿童领取其基本生活费，不计入家庭低保：没有其他成员，不计算低保。")
        } else {
            format!("{on}全部成员纳入特困供养或领取孤儿、事实无人抚养儿童基本生活费，不再另行计算低保。")
        });
        return;
    }
    explain_deductions(f, h, e);
    let (non_wage, wages, deduction, counted) = (
        f.working.non_wage,
        f.working.wages,
        f.employment_deduction,
        f.counted_income,
    );
    let per_capita = f.per_capita_monthly_income;
    let deducted = f
        .working
        .deductions
        .iter()
        .any(|(_, _, d)| matches!(d, Deduction::Capped { .. }));
    if deducted && f.working.area == Some(Area::Urban) {
        e.step_citing(
            rules::DIBAO_EMPLOYMENT_DEDUCTION_URBAN,
            URBAN_DEDUCTION,
            "实施意见只规定农村低保对象按两个月最低工资扣除就业成本；城市低保对象按同一办法扣除（本计算器的假设，请按当地规定核对）。".into(),
            None,
        );
    }
    if !f.working.exempt.is_zero() {
        e.step(
            rules::DIBAO_EXEMPT_INCOME,
            format!(
                "优待抚恤金、奖励性补助、社会救助款物、基础养老金等 {} 元按民发〔2021〕57号第十三条（转述）不计入家庭收入。",
                f.working.exempt
            ),
            Some(f.working.exempt.to_fen_string()),
        );
    }
    if !f.working.rigid_spending.is_zero() {
        e.step(
            rules::DIBAO_RIGID_SPENDING,
            format!(
                "登记的刚性支出 {} 元不从低保的家庭收入中扣除（可按规定适当扣减，黑龙江的扣减办法未见）；它用于临时救助的困难缺口和防返贫监测。",
                f.working.rigid_spending
            ),
            Some(f.working.rigid_spending.to_fen_string()),
        );
    }
    e.step(
        rules::DIBAO_COUNTED_INCOME,
        format!(
            "计算收入 = 经营、财产、转移、其他收入 {non_wage} 元{} + 工资 {wages} 元 − 就业成本 {deduction} 元 = {counted} 元/年；÷ 12 个月 ÷ 低保覆盖的 {n} 人 = 人均月收入 {} 元/人·月。",
            if f.tekun_members.is_empty() {
                String::new()
            } else {
                format!("（全家 {} 元中纳入特困成员的份额除外）", f.working.household_non_wage)
            },
            // Below the standard: never shown equal to it.
            if f.working.below {
                below_text(f, f.standard)
            } else {
                per_capita.to_string()
            }
        ),
        Some(per_capita.to_fen_string()),
    );
}

/// The members in 特困 (`n`: the members 低保 covers): kept apart from the others only when others
/// remain (`dibao.tekunMembers`).
fn tekun_step(f: &DibaoFigures, n: usize, e: &mut Explanation) {
    if f.tekun_members.is_empty() {
        return;
    }
    let names = f.tekun_members.join("、");
    if n == 0 {
        e.step(
            rules::TEKUN_MEMBER,
            format!("{names} 符合特困人员条件，纳入特困供养。"),
            None,
        );
    } else {
        // 四(十) provides for 特困人员; 四(十三) only for 脱贫人口 unable to work.
        let item = if f.working.alleviated_people {
            "四(十三)"
        } else {
            "四(十)"
        };
        e.step_citing(
            rules::DIBAO_TEKUN_MEMBERS,
            item,
            format!("{names} 符合特困人员条件，纳入特困供养；低保按其余 {n} 人计算。"),
            None,
        );
    }
}

/// The children in the orphans' allowance, left out of the household's 低保 (`n`: the members it
/// covers), and those raised in an institution not joining it at 18.
fn allowance_steps(f: &DibaoFigures, h: &Household<'_>, n: usize, e: &mut Explanation) {
    let rest = if n == 0 {
        String::new()
    } else {
        format!("；低保按其余 {n} 人计算")
    };
    assistance::allowance_steps(
        &f.working.allowance_children,
        (
            |named: &str| {
                format!("{named} 为集中养育孤儿，由养育机构抚养、基本生活费拨付机构，不与家庭共同生活，不计入家庭低保{rest}。")
            },
            |named: &str| {
                format!("{named} 领取孤儿、事实无人抚养儿童基本生活费，只享受一项基本生活保障，不计入家庭低保（不计人数，也不分摊家庭收入）{rest}。")
            },
        ),
        e,
    );
    let raised = labels(h, &f.working.raised);
    if !raised.is_empty() {
        e.step(
            rules::DIBAO_INSTITUTION_ADULT,
            format!(
                "{raised} 在12个月内满18周岁，集中养育的不与家庭共同生活，此后也不计入家庭低保，成年后的保障另行认定。"
            ),
            None,
        );
    }
}

/// The standard, and whether it is below the province's on the same date.
fn explain_standard(f: &DibaoFigures, region: &str, area: &str, e: &mut Explanation) {
    e.step(
        rules::DIBAO_STANDARD,
        standard_text(f, region, area),
        Some(f.standard.to_fen_string()),
    );
    if let Some(province) = f.working.below_province {
        e.step(
            rules::DIBAO_STANDARD_BELOW_PROVINCE,
            format!("该标准低于同日全省{area}低保标准 {province} 元/人·月：两个数字来源的起始日期都未核实，按地区标准计算，请核对当地现行标准。"),
            Some(province.to_fen_string()),
        );
    }
}

/// Each member's employment-cost deduction, and what is recorded but not counted.
/// What an urban household's deduction steps cite: 四(十) gives the deduction to 农村低保对象 only;
/// the national measures let 必要的就业成本 be deducted in town too.
const URBAN_DEDUCTION: &str = "民发〔2021〕57号第十三条（转述）";

/// What a step of the employment deduction cites: its rule's item, or for an urban household
/// [`URBAN_DEDUCTION`] (each of these rules lists it).
fn deduction_citation(rule: impl Into<RuleId>, urban: bool) -> &'static str {
    if urban {
        URBAN_DEDUCTION
    } else {
        rule.into().citation()
    }
}

fn explain_deductions(f: &DibaoFigures, h: &Household<'_>, e: &mut Explanation) {
    let urban = h.area == Area::Urban;
    for (i, (place, wages, d)) in f.working.deductions.iter().enumerate() {
        // Which values the tier and the amount are (date, status), said beside them.
        let said = f
            .working
            .deduction_said
            .get(i)
            .filter(|s| !s.is_empty())
            .map(|s| format!("；{s}"))
            .unwrap_or_default();
        let Some(m) = h.members.get(*place) else {
            continue;
        };
        let member = &m.label;
        match d {
            Deduction::NoLabour { recorded: true } => e.step(
                rules::MEMBER_LABOR_CAPACITY_RECORDED,
                format!("{member}：工资 {wages} 元，但登记为无劳动能力，不扣除就业成本。"),
                Some("0.00".into()),
            ),
            Deduction::NoLabour { recorded: false } => e.step_citing(
                rules::DIBAO_EMPLOYMENT_DEDUCTION_CAPACITY,
                deduction_citation(rules::DIBAO_EMPLOYMENT_DEDUCTION_CAPACITY, urban),
                format!("{member}：工资 {wages} 元，但{}周岁{}，按民发〔2021〕43号第五条无劳动能力，不扣除就业成本（{}只扣除有劳动能力的）。", m.age, m.disability_grade.map(|g| format!("、{g}级残疾")).unwrap_or_default(), if urban { "就业成本" } else { "四(十)" }),
                Some("0.00".into()),
            ),
            Deduction::Capped {
                wage_of,
                wage,
                months,
                cap,
                deduction,
            } => {
                let (rule, whose): (RuleId, String) = match wage_of {
                    WageOf::Tier(tier) => (
                        rules::DIBAO_EMPLOYMENT_DEDUCTION,
                        format!("最低工资{tier}档 {wage} 元/月{said}"),
                    ),
                    WageOf::Given => (
                        rules::DIBAO_WORK_OUTSIDE_PROVINCE,
                        format!("登记的当地月最低工资 {wage} 元"),
                    ),
                    WageOf::HomeTier(tier) => (
                        rules::DIBAO_WORK_OUTSIDE_PROVINCE_DEFAULT.into(),
                        format!("未登记当地最低工资，按家庭所在地最低工资{tier}档 {wage} 元/月{said}"),
                    ),
                };
                let region = match &m.work_place {
                    WorkPlace::Province(place) => place.name.clone(),
                    WorkPlace::Outside { code, .. } => format!("省外（{code}）"),
                };
                e.step_citing(
                    rule,
                    deduction_citation(rule, urban),
                    format!("{member}：在{region}务工（{whose}），两个月最低工资 {months} × {wage} = {cap} 元。"),
                    Some(cap.to_fen_string()),
                );
                e.step_citing(
                    rules::DIBAO_EMPLOYMENT_DEDUCTION_CAP,
                    deduction_citation(rules::DIBAO_EMPLOYMENT_DEDUCTION_CAP, urban),
                    format!("{member}：扣除就业成本取工资 {wages} 元与 {cap} 元中较小的一个 = {deduction} 元。"),
                    Some(deduction.to_fen_string()),
                );
            }
        }
    }
}

/// A member's 加发: the four groups are 四(十)'s words; only the rates and taking the highest of
/// several are this calculator's, and the step says just that.
fn supplement_step(s: &Supplement, standard: Money, e: &mut Explanation) {
    let assumed = if s.also.is_empty() {
        "加发比例"
    } else {
        "加发比例和同属多类只取最高一项"
    };
    e.step(
        rules::DIBAO_SUPPLEMENT,
        format!(
            "{}：{}，属四(十)所列的加发对象；加发 {} × 低保标准 {standard} 元 = {} 元/月（{assumed}是本计算器的假设）。",
            s.member,
            said(&s.reason),
            s.rate,
            s.monthly
        ),
        Some(s.monthly.to_fen_string()),
    );
}

fn explain_above(f: &DibaoFigures, h: &Household<'_>, e: &mut Explanation) {
    let (standard, per_capita) = (f.standard, f.per_capita_monthly_income);
    e.step(
        rules::DIBAO_ELIGIBILITY,
        format!("人均月收入 {per_capita} 元不低于低保标准 {standard} 元。"),
        None,
    );
    if let Some((multiple, line, marginal)) = f.working.marginal {
        e.step(
            rules::DIBAO_MARGINAL,
            format!(
                "低保边缘线 = {multiple} × {standard} = {line} 元/月：人均 {} 元{}。",
                if marginal {
                    below_text(f, line)
                } else {
                    per_capita.to_string()
                },
                match (marginal, f.route) {
                    (true, Some(Route::GradualExit)) => {
                        "低于边缘线；渐退期内该户仍是低保家庭，不按低保边缘家庭计"
                    }
                    (true, _) => "低于边缘线，属低收入（低保边缘）家庭",
                    (false, _) => "不低于边缘线",
                }
            ),
            Some(line.to_fen_string()),
        );
    }
    for s in &f.single_person {
        if let Some(with) = &s.with {
            supplement_step(with, standard, e);
        }
        let group = s.with.as_ref().map_or("", |w| said(&w.reason));
        e.step(
            rules::DIBAO_SINGLE_PERSON,
            format!(
                "{}（{}）参照“单人户”纳入低保：平均补助水平 {} 元{} + 加发 {} 元（{group}）= {} 元/月。",
                s.member,
                said(&s.reason),
                s.average_subsidy,
                in_brackets(&f.working.average_said),
                s.supplement,
                s.monthly
            ),
            Some(s.monthly.to_fen_string()),
        );
        e.reason(format!(
            "{}为低收入家庭中的{}，可参照“单人户”纳入低保，每月 {} 元。",
            s.member,
            said(&s.reason),
            s.monthly
        ));
    }
    alone_step(f, h, e);
    if let Some(check) = &f.working.gradual {
        explain_gradual(f, check, e);
    }
    if f.paid.is_none() {
        e.reason(format!(
            "人均月收入 {per_capita} 元不低于低保标准 {standard} 元，不符合低保条件。"
        ));
    }
}

/// `（text）`, or nothing for no text.
fn in_brackets(text: &str) -> String {
    if text.is_empty() {
        String::new()
    } else {
        format!("（{text}）")
    }
}

/// A 边缘 household whose 低保 covers one severely disabled or seriously ill member: not 单人户
/// (rule `dibao.routeOrder`).
fn alone_step(f: &DibaoFigures, h: &Household<'_>, e: &mut Explanation) {
    let Some(m) = f.working.alone.and_then(|i| h.members.get(i)) else {
        return;
    };
    let group = group_words(
        m,
        if m.severely_disabled() {
            Group::SevereDisability
        } else {
            Group::SeriousIllness
        },
    );
    e.step(
        rules::DIBAO_ROUTE_ORDER,
        format!(
            "{}（{group}）：低保只计 1 人，已按本人收入核算，人均月收入 {} 元不低于标准 {} 元；参照“单人户”是把家庭中的个别成员单独纳入，只计一人的不再参照。",
            m.label, f.per_capita_monthly_income, f.standard
        ),
        None,
    );
    e.reason(format!(
        "{}为{group}，但低保只计其一人：“单人户”是把家庭中的个别成员单独纳入，已按本人收入核算，不再参照。",
        m.label
    ));
}

/// Where the 渐退 amount comes from: what the household receives, or, not told, the sum without
/// any wages (all of them taken as the new ones, as the test of 因就业超过 does).
fn gradual_amount(f: &DibaoFigures, check: &GradualCheck) -> String {
    let Some(estimated) = &check.estimated else {
        return "（维持现领低保金）".into();
    };
    let supplements = Money::sum(estimated.iter().map(|s| s.monthly)).unwrap_or_default();
    let monthly = f.gradual_exit.as_ref().map_or(Money::ZERO, |g| g.monthly);
    let base = monthly.checked_sub(supplements).unwrap_or_default();
    let non_wage = f
        .working
        .non_wage
        .checked_div(Decimal::from(12))
        .unwrap_or_default();
    format!(
        "：未告知现领数额，不计工资估算，工资 {} 元/年全部按就业新增计、不计入；补差 标准 {} × {} 人 − 月非工资收入 {} 元 = {base} 元，加发 {supplements} 元",
        f.working.wages,
        f.standard,
        f.working.covered,
        sum_text(non_wage)
    )
}

fn explain_gradual(f: &DibaoFigures, check: &GradualCheck, e: &mut Explanation) {
    let without = check.without_wages;
    let Some(g) = &f.gradual_exit else {
        e.step(
            rules::DIBAO_GRADUAL_EXIT_EMPLOYMENT,
            format!("不计工资时人均 {without} 元/人·月已不低于标准：不是因就业收入增加而超过标准，不适用渐退。"),
            None,
        );
        return;
    };
    for s in check.estimated.iter().flatten() {
        supplement_step(s, f.standard, e);
    }
    e.step(
        rules::DIBAO_GRADUAL_EXIT_EMPLOYMENT,
        format!("不计工资时人均 {without} 元/人·月，低于标准：按因就业收入增加而超过标准计。"),
        None,
    );
    // The months the set chose (not official, not the caller's): said as the assumption it is.
    let (months_said, chosen) = &f.working.gradual_said;
    let months_said = match chosen.as_deref() {
        Some("") => format!("{months_said}，本计算器的假设"),
        Some(note) => format!("{months_said}，本计算器的假设：{note}"),
        None => months_said.clone(),
    };
    e.step(
        rules::DIBAO_GRADUAL_EXIT,
        format!(
            "就业后家庭人均收入超过标准：给予渐退期 {} 个月{}，{} 至 {}。",
            g.months,
            in_brackets(&months_said),
            g.from,
            g.until
        ),
        Some(g.until.clone()),
    );
    if check.start_assumed {
        e.step(
            rules::DIBAO_GRADUAL_EXIT_START,
            format!(
                "未填收入变化日期：渐退期从测算日期 {} 起算，任何测算日期都在渐退期内；请填写收入增加的日期。",
                g.from
            ),
            Some(g.from.clone()),
        );
    }
    e.step(
        rules::DIBAO_GRADUAL_EXIT_AMOUNT,
        format!(
            "渐退期内每月 {} 元{}。",
            g.monthly,
            gradual_amount(f, check)
        ),
        Some(g.monthly.to_fen_string()),
    );
    gradual_year_step(f, g, e);
    e.reason(if g.in_force {
        format!(
            "务工收入增加后进入低保渐退期，至 {} 止，期内每月 {} 元。",
            g.until, g.monthly
        )
    } else {
        format!("低保渐退期已于 {} 结束。", g.until)
    });
}

/// The year of a household on 渐退 with no member joining: the months left of the period, and the
/// route it takes after it.
fn gradual_year_step(f: &DibaoFigures, g: &GradualExit, e: &mut Explanation) {
    // With a member joining, the year's sum is the joins' step.
    let joins = f.working.joins.is_empty();
    if let (Some(Route::GradualExit), Some(n), true) = (f.route, f.working.months_left, joins) {
        let annual = f.annual().ok().flatten().unwrap_or_default();
        let left = format!(
            "渐退期至 {} 止，自测算日期起剩 {n} 个月（不足一月按一月计，本计算器的假设）",
            g.until
        );
        let text = match &f.working.then {
            Some(t) if !t.paid.is_zero() => {
                let stretches = f.stretches(g.monthly, &f.working.joins);
                format!(
                    "{left}；{}：全年 = {} = {annual} 元。",
                    then_words(t, n),
                    year_sum(&stretches)
                )
            }
            _ => format!("{left}：全年 = {} 元 × {n} = {annual} 元。", g.monthly),
        };
        e.step(
            rules::ANNUAL_ENDS_WITHIN_YEAR,
            text,
            Some(annual.to_fen_string()),
        );
    }
}
