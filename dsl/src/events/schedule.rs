//! Scheduled starts: EventBridge `cron(...)` and `rate(...)` expressions.

/// When a scheduled rule fires.
///
/// ```
/// use pipewright_dsl::events::{RateUnit, Schedule};
///
/// assert_eq!(Schedule::cron("0 3 * * ? *").expression(), "cron(0 3 * * ? *)");
/// assert_eq!(Schedule::rate(1, RateUnit::Hours).expression(), "rate(1 hour)");
/// assert_eq!(Schedule::rate(15, RateUnit::Minutes).expression(), "rate(15 minutes)");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Schedule {
    /// Six fields, `minutes hours day-of-month month day-of-week year`, in UTC.
    Cron(String),
    /// Every `value` units.
    Rate {
        /// How many units (at least 1).
        value: u32,
        /// The unit.
        unit: RateUnit,
    },
}

/// The unit of a `rate(...)` schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RateUnit {
    /// Minutes.
    Minutes,
    /// Hours.
    Hours,
    /// Days.
    Days,
}

impl RateUnit {
    /// The unit as EventBridge writes it: singular for a value of 1.
    fn word(self, value: u32) -> &'static str {
        match (self, value == 1) {
            (RateUnit::Minutes, true) => "minute",
            (RateUnit::Minutes, false) => "minutes",
            (RateUnit::Hours, true) => "hour",
            (RateUnit::Hours, false) => "hours",
            (RateUnit::Days, true) => "day",
            (RateUnit::Days, false) => "days",
        }
    }
}

impl Schedule {
    /// A cron schedule from its six fields (without `cron(` and `)`).
    pub fn cron(fields: impl Into<String>) -> Schedule {
        Schedule::Cron(fields.into())
    }

    /// Every `value` units.
    pub fn rate(value: u32, unit: RateUnit) -> Schedule {
        Schedule::Rate { value, unit }
    }

    /// The `ScheduleExpression`.
    pub fn expression(&self) -> String {
        match self {
            Schedule::Cron(fields) => format!("cron({fields})"),
            Schedule::Rate { value, unit } => format!("rate({value} {})", unit.word(*value)),
        }
    }

    /// What EventBridge would reject in this schedule, if anything.
    pub(crate) fn problem(&self) -> Option<String> {
        match self {
            Schedule::Rate { value: 0, .. } => {
                Some("a rate of 0 never fires; use a rate of at least 1 minute, hour or day".to_owned())
            }
            Schedule::Rate { .. } => None,
            Schedule::Cron(fields) => {
                let fields: Vec<&str> = fields.split_whitespace().collect();
                if fields.len() != 6 {
                    Some(format!(
                        "cron({}) has {} fields; EventBridge needs 6: minutes hours day-of-month month day-of-week year, \
                         e.g. cron(0 3 * * ? *)",
                        fields.join(" "),
                        fields.len()
                    ))
                } else if fields[2] != "?" && fields[4] != "?" {
                    Some(format!(
                        "cron({}) sets both day-of-month and day-of-week; one of them must be ?, e.g. cron(0 3 * * ? *)",
                        fields.join(" ")
                    ))
                } else {
                    None
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_of_schedules() {
        assert_eq!(Schedule::cron("0 3 * * ? *").problem(), None);
        assert_eq!(Schedule::rate(2, RateUnit::Days).problem(), None);
        assert_eq!(
            Schedule::cron("0 3 * * *").problem().unwrap(),
            "cron(0 3 * * *) has 5 fields; EventBridge needs 6: minutes hours day-of-month month day-of-week year, \
             e.g. cron(0 3 * * ? *)"
        );
        assert_eq!(
            Schedule::cron("0 3 * * MON *").problem().unwrap(),
            "cron(0 3 * * MON *) sets both day-of-month and day-of-week; one of them must be ?, e.g. cron(0 3 * * ? *)"
        );
        assert_eq!(
            Schedule::rate(0, RateUnit::Hours).problem().unwrap(),
            "a rate of 0 never fires; use a rate of at least 1 minute, hour or day"
        );
    }
}
