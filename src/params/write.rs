//! A parameter set written as the schema's JSON (`zhenxing-parameters/1`), keys in the order the build
//! writes them (sorted): for the embedded set, the very text shipped as `zhenxing/heilongjiang.json`.

use super::{
    load::SCHEMA, DatedValue, KeyCountyListStatus, Parameter, ParameterSet, PovertyCounty,
    PovertyKind, Region, Status,
};
use crate::base::calendar::format_date;
use crate::base::json_write::{array, Object};

impl ParameterSet {
    /// The whole set as JSON text a portal can edit and load again.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(256 * 1024);
        let mut o = Object::new(&mut out);
        o.str("id", &self.id);
        key_counties(&mut o, self);
        array(o.key("parameters"), self.parameters(), parameter);
        o.str("published", &self.published);
        o.opt_str("regionSource", self.region_source.as_deref());
        array(o.key("regions"), self.regions(), region);
        o.str("schema", SCHEMA);
        o.str("title", &self.title);
        o.end();
        out
    }
}

fn key_counties(o: &mut Object<'_>, set: &ParameterSet) {
    let k = &set.key_counties;
    let mut inner = Object::new(o.key("keyCounties"));
    inner.opt_str("note", k.note.as_deref());
    inner.str("source", &k.source);
    inner.str(
        "status",
        match k.status {
            KeyCountyListStatus::NotPublished => "notPublished",
            KeyCountyListStatus::Published => "published",
        },
    );
    inner.end();
}

fn parameter(out: &mut String, p: &Parameter) {
    let mut o = Object::new(out);
    o.opt_str("description", p.description.as_deref());
    o.str("label", &p.label);
    o.str("name", p.spec.name);
    o.str("unit", p.spec.unit.as_str());
    array(o.key("values"), &p.values, value);
    o.end();
}

fn value(out: &mut String, v: &DatedValue) {
    let mut o = Object::new(out);
    o.str("from", &format_date(v.from));
    o.opt_str("note", v.note.as_deref());
    if let Some(r) = v.region {
        o.str("region", &format!("{r:06}"));
    }
    o.str("source", &v.source);
    o.str(
        "status",
        match v.status {
            Status::Official => "official",
            Status::Reported => "reported",
            Status::Illustrative => "illustrative",
        },
    );
    o.str("value", &v.value.to_json_text());
    o.end();
}

fn region(out: &mut String, r: &Region) {
    let mut o = Object::new(out);
    if r.alleviated_county {
        o.raw("alleviatedCounty", "true");
    }
    o.str("code", &r.code_string());
    if r.key_county_flag {
        o.raw("keyCounty", "true");
    }
    o.str("kind", r.kind.as_str());
    o.str("name", &r.name);
    o.opt_str("note", r.note.as_deref());
    if let Some(p) = &r.poverty {
        poverty(o.key("povertyCounty"), p);
    }
    o.opt_str("validFrom", r.valid_from.map(format_date).as_deref());
    o.opt_str("validUntil", r.valid_until.map(format_date).as_deref());
    o.end();
}

fn poverty(out: &mut String, p: &PovertyCounty) {
    let mut o = Object::new(out);
    o.opt_str("approvalDate", p.approval_date.as_deref());
    o.opt_str("approvalDocument", p.approval_document.as_deref());
    o.raw("exitAssessmentYear", &p.exit_assessment_year.to_string());
    if let Some(b) = p.exit_batch {
        o.raw("exitBatch", &b.to_string());
    }
    o.str(
        "kind",
        match p.kind {
            PovertyKind::National => "national",
            PovertyKind::Provincial => "provincial",
        },
    );
    o.str("source", &p.source);
    o.end();
}

#[cfg(test)]
mod tests {
    use super::super::{ParameterSet, HEILONGJIANG_JSON};

    /// The tables compiled in are the set the build assembled: the same set as the shipped JSON
    /// read by the loader, and written back, the very same text.
    #[test]
    fn the_embedded_tables_are_the_shipped_json() {
        let compiled = ParameterSet::heilongjiang().unwrap();
        let loaded = ParameterSet::from_json(HEILONGJIANG_JSON).unwrap();
        assert!(compiled == loaded, "the tables and the JSON differ");
        assert_eq!(compiled.to_json(), HEILONGJIANG_JSON);
        assert_eq!(loaded.to_json(), HEILONGJIANG_JSON);
    }
}
