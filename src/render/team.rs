//! The texts of the team report, which its layout and the notices of its CSV share.

use crate::render::{figure, number, signed_figure};
use crate::report::team::{
    Basis, CompetencyRow, FrameworkChoice, GroupField, PlanEntry, Section, SkipCount, Split,
    TeamReport,
};
use crate::scans::{SkipReason, Skipped};
use crate::t;

fn field_name(field: GroupField) -> String {
    match field {
        GroupField::Team => t!("team.field.team"),
        GroupField::Role => t!("team.field.role"),
    }
}

fn group_label(field: GroupField, value: Option<&str>) -> String {
    match (value, field) {
        (Some(value), _) => value.to_string(),
        (None, GroupField::Team) => t!("team.no_value.team"),
        (None, GroupField::Role) => t!("team.no_value.role"),
    }
}

/// One skipped file as a line: `file:line: reason`.
pub fn skipped_line(skip: &Skipped) -> String {
    let detail = skip.detail.as_deref().unwrap_or_default();
    let reason = match (skip.reason, &skip.detail) {
        (SkipReason::Invalid, _) => t!("team.skip.invalid", file = &skip.file),
        (SkipReason::OtherFramework, Some(_)) => {
            t!("team.skip.other_framework_id", framework = detail)
        }
        (SkipReason::OlderScan, _) => t!("team.skip.older_scan", used = detail),
        (reason, _) => reason_label(reason),
    };
    match skip.line {
        Some(line) => format!("{}:{line}: {reason}", skip.file),
        None => format!("{}: {reason}", skip.file),
    }
}

/// A reason in a few words, as in the summary of skipped files.
fn reason_label(reason: SkipReason) -> String {
    match reason {
        SkipReason::Unreadable => t!("team.skip.unreadable"),
        SkipReason::NotAFile => t!("team.skip.not_a_file"),
        SkipReason::BrokenYaml => t!("team.skip.broken_yaml"),
        SkipReason::NotAResult => t!("team.skip.not_a_result"),
        SkipReason::NotAScan => t!("team.skip.not_a_scan"),
        SkipReason::Plan => t!("team.skip.plan"),
        SkipReason::Rating => t!("team.skip.rating"),
        SkipReason::Invalid => t!("team.skip.invalid_short"),
        SkipReason::OtherFramework => t!("team.skip.other_framework"),
        SkipReason::Incomplete => t!("team.skip.incomplete"),
        SkipReason::OlderScan => t!("team.skip.older_scan_short"),
    }
}

/// "3 files skipped: 1 broken YAML, 2 not finished", or nothing.
fn skipped_summary(counts: &[SkipCount], key_total: fn(usize) -> String) -> Option<String> {
    let total: usize = counts.iter().map(|c| c.count).sum();
    if total == 0 {
        return None;
    }
    let parts: Vec<String> = counts
        .iter()
        .map(|c| format!("{} × {}", c.count, reason_label(c.reason)))
        .collect();
    Some(format!("{}: {}", key_total(total), parts.join("; ")))
}

/// What the report says about skipped files and remarks; the details went to stderr.
pub(crate) fn input_lines(report: &TeamReport) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(line) = skipped_summary(&report.skipped, |count| t!("team.skipped", count = count))
    {
        lines.push(line);
    }
    let earlier = report
        .since
        .as_ref()
        .map(|s| s.skipped.as_slice())
        .unwrap_or_default();
    if let Some(line) = skipped_summary(earlier, |count| t!("team.skipped_earlier", count = count))
    {
        lines.push(line);
    }
    if report.scans_with_remarks > 0 {
        lines.push(t!("team.remarks", count = report.scans_with_remarks));
    }
    if !lines.is_empty() {
        lines.push(t!("team.details_on_stderr"));
    }
    lines
}

/// The lines under the title: what was read, how the framework was chosen, which targets.
pub(crate) fn intro_lines(report: &TeamReport) -> Vec<String> {
    let mut lines = Vec::new();
    if let (Some(scans), Some((first, last))) = (report.team.scans, &report.period) {
        lines.push(t!(
            "team.summary",
            scans = scans,
            first = first,
            last = last
        ));
    }
    lines.push(match report.framework_choice {
        FrameworkChoice::Given => t!("team.framework_given", id = &report.framework),
        FrameworkChoice::MostFiles => t!("team.framework_most", id = &report.framework),
    });
    if let Some(role) = &report.role {
        lines.push(t!("team.targets", role = role));
    }
    lines.push(t!("team.min_group", n = report.min_group));
    lines
}

/// What a reader must know besides the numbers; CSV sends these to stderr.
pub fn notices(report: &TeamReport) -> Vec<String> {
    let mut lines = intro_lines(report);
    if report.team.withheld {
        lines.push(t!("team.withheld_team", n = report.min_group));
    }
    if let Some(line) = report.split.as_ref().and_then(|s| refusal_line(report, s)) {
        lines.push(line);
    }
    if let Some(line) = report.since.as_ref().and_then(|_| since_line(report)) {
        lines.push(line);
    }
    lines.extend(basis_lines(report));
    lines.extend(input_lines(report));
    lines
}

/// What the changes are computed over, where not over everyone of both rounds: once for the
/// whole report, whether it is the team or some of its groups.
pub(crate) fn basis_lines(report: &TeamReport) -> Vec<String> {
    if report.since.as_ref().is_none_or(|s| s.withheld) {
        return Vec::new();
    }
    let mut bases: Vec<Basis> = report.team.change_basis.into_iter().collect();
    if let Some(split) = &report.split {
        bases.extend(split.groups.iter().filter_map(|g| g.section.change_basis));
    }
    let mut lines = Vec::new();
    if bases.contains(&Basis::PeopleInBoth) {
        lines.push(t!("team.change_people_in_both"));
    }
    if bases.contains(&Basis::Withheld) {
        lines.push(t!("team.change_too_few_in_both", n = report.min_group));
    }
    if bases.contains(&Basis::Unmatched) {
        lines.push(t!("team.change_unmatched"));
    }
    lines
}

pub(crate) fn refusal_line(report: &TeamReport, split: &Split) -> Option<String> {
    let refusal = split.refused.as_ref()?;
    let field = field_name(split.field);
    let mut parts = Vec::new();
    if refusal.too_small > 0 {
        parts.push(t!(
            "team.split_refused",
            field = &field,
            n = report.min_group,
            count = refusal.too_small
        ));
    }
    if refusal.too_small_earlier > 0 {
        parts.push(t!(
            "team.split_refused_earlier",
            field = &field,
            n = report.min_group,
            count = refusal.too_small_earlier
        ));
    }
    Some(parts.join(" "))
}

pub(crate) fn since_line(report: &TeamReport) -> Option<String> {
    let since = report.since.as_ref()?;
    Some(match (since.scans, &since.period) {
        (Some(scans), Some((first, last))) if !since.withheld => {
            t!("team.since", scans = scans, first = first, last = last)
        }
        _ => t!("team.since_withheld", n = report.min_group),
    })
}

pub(crate) fn header(report: &TeamReport, with_change: bool) -> Vec<String> {
    let points: Vec<String> = report.scale.iter().map(|p| p.value.to_string()).collect();
    let mut header = vec![
        t!("report.competency"),
        t!("team.col.n"),
        t!("team.col.mean"),
        t!("team.col.sd"),
        t!("team.col.distribution", points = points.join("/")),
        t!("report.target"),
        t!("team.col.below"),
    ];
    if with_change {
        header.push(t!("report.change"));
    }
    header
}

/// The counts per point, and the people without a score only when there are any, which keeps
/// the table narrow enough for a terminal.
fn distribution_cell(counts: &[String], not_applicable: usize) -> String {
    let counts = counts.join("/");
    if not_applicable == 0 {
        return counts;
    }
    format!("{counts} {}", t!("team.plus_na", count = not_applicable))
}

pub(crate) fn row_cells(row: &CompetencyRow, with_change: bool) -> Vec<String> {
    let mut cells = vec![row.name.clone()];
    match &row.stats {
        Some(stats) => {
            // A group of 3 or 4 has neither spread nor distribution: empty cells.
            let distribution = stats.distribution.as_ref().map_or_else(String::new, |d| {
                let counts: Vec<String> = d.iter().map(|c| c.count.get().to_string()).collect();
                distribution_cell(&counts, stats.not_applicable.map_or(0, |c| c.get()))
            });
            cells.extend([
                stats.scans.get().to_string(),
                figure(Some(stats.mean)),
                stats.sd.map_or_else(String::new, |sd| figure(Some(sd))),
                distribution,
                number(row.target),
                stats
                    .below_target
                    .map_or("—".to_string(), |b| b.get().to_string()),
            ]);
        }
        None => {
            cells.push(t!("team.withheld_row"));
            cells.extend(std::iter::repeat_n(String::new(), 3));
            cells.push(number(row.target));
            cells.push(String::new());
        }
    }
    if with_change {
        cells.push(match &row.change {
            Some(change) if !change.withheld => signed_figure(change.change),
            _ => t!("team.withheld_row"),
        });
    }
    cells
}

/// Why there is no plan, when there is none.
pub(crate) fn no_plan(report: &TeamReport, plan: &[PlanEntry]) -> Option<String> {
    if report.role.is_none() || report.team.competencies.iter().all(|r| r.target.is_none()) {
        return Some(t!("team.plan_no_targets"));
    }
    plan.is_empty().then(|| t!("team.plan_empty"))
}

/// Hints about the command line for whoever runs it: they go to stderr, never into a report
/// that may be printed or shared.
pub fn hints(report: &TeamReport) -> Vec<String> {
    let mut lines = Vec::new();
    if report.framework_choice == FrameworkChoice::MostFiles {
        lines.push(t!("team.framework_hint"));
    }
    lines
}

pub(crate) fn plan_line(entry: &PlanEntry, name: &str) -> String {
    t!(
        "team.plan_line",
        rank = entry.rank,
        name = name,
        mean = figure(Some(entry.mean)),
        target = number(Some(entry.target)),
        below = entry.below_target.get(),
        scans = entry.scans.get(),
        need = figure(Some(entry.need))
    )
}

/// The sections to show: the whole team, then each group of an accepted split.
pub(crate) fn groups(report: &TeamReport) -> Vec<(String, &Section)> {
    let Some(split) = &report.split else {
        return Vec::new();
    };
    let field = field_name(split.field);
    split
        .groups
        .iter()
        .map(|g| {
            let title = t!(
                "team.group_title",
                field = &field,
                value = group_label(split.field, g.value.as_deref()),
                scans = g.section.scans.unwrap_or_default()
            );
            (title, &g.section)
        })
        .collect()
}

/// The team report laid out for HTML and PDF: the same lines, tables and plan as the table
/// and Markdown renderings, plus the heat map (competencies against score levels).
#[derive(Debug, Clone, serde::Serialize)]
pub struct TeamView {
    pub title: String,
    pub notices: Vec<String>,
    /// Set when the whole team is too small: nothing else is shown.
    pub withheld: Option<String>,
    pub header: Vec<String>,
    pub sections: Vec<SectionView>,
    pub legend: String,
    /// The disclosure policy in one sentence, at the foot of the report.
    pub footer: String,
    pub heat: HeatView,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct SectionView {
    pub title: Option<String>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct HeatView {
    pub rows: Vec<String>,
    pub columns: Vec<String>,
    pub cells: Vec<Vec<u32>>,
    pub withheld: Vec<bool>,
}

pub fn view(report: &TeamReport) -> TeamView {
    let with_change = report.since.is_some();
    let mut notices = notices(report);
    let withheld = report
        .team
        .withheld
        .then(|| t!("team.withheld_team", n = report.min_group));
    notices.retain(|line| Some(line) != withheld.as_ref());
    let section = |title: Option<String>, section: &Section| SectionView {
        title,
        rows: section
            .competencies
            .iter()
            .map(|row| row_cells(row, with_change))
            .collect(),
    };
    let mut sections = vec![section(None, &report.team)];
    sections.extend(
        groups(report)
            .into_iter()
            .map(|(title, s)| section(Some(title), s)),
    );
    let heat = HeatView {
        rows: report
            .team
            .competencies
            .iter()
            .map(|r| r.name.clone())
            .collect(),
        columns: report
            .scale
            .iter()
            .map(|p| format!("{} {}", p.value, p.label))
            .collect(),
        cells: report
            .team
            .competencies
            .iter()
            .map(|r| {
                r.stats
                    .as_ref()
                    .and_then(|s| s.distribution.as_ref())
                    .map_or_else(Vec::new, |d| {
                        d.iter()
                            .map(|c| u32::try_from(c.count.get()).unwrap_or(u32::MAX))
                            .collect()
                    })
            })
            .collect(),
        withheld: report
            .team
            .competencies
            .iter()
            .map(|r| r.stats.as_ref().is_none_or(|s| s.distribution.is_none()))
            .collect(),
    };
    TeamView {
        title: format!("{} · {}", t!("team.title"), report.framework_name),
        notices,
        withheld,
        header: header(report, with_change),
        sections,
        legend: t!("team.legend"),
        footer: report.policy.clone(),
        heat,
    }
}
