// Package assess is the annual member assessment (委员履职考核) as pure,
// deterministic computation: a rule set (data, never code) applied to one
// year's facts gives every member's items, points, total, grade, gate
// results and consequences, with every point traced to the records it came
// from. No SQL, no Fyne: the store builds Facts, the GUI and the exports show
// Results.
//
// # Semantics (the specification the rule-file documentation quotes)
//
// Points are exact rationals: a third stays a third until printed, and is
// printed half away from zero with RuleSet.Decimals decimals (default 2).
//
// Exclusion. A member is not assessed when, checked in this order:
// staff excluded them (Member.Excluded, the reason shown as given); their
// 政协职务 (Member.Role) is in exclude.roles; exclude.inactive is set and
// their status is 辞去, 撤销, 调离 or 逝世 with a status date in or before
// the year (or no date), e.g. "已调离（2026-05-01）"; exclude.joined_after
// "MM-DD" is set and they were added (增补) after that day of the year.
// Excluded members stay in the result, in roster order, with only
// Excluded filled.
//
// Records. A member's records are taken in date order, then by id. A
// record matches a Match when every non-empty field matches (lists: the
// record's value is one of them; tags: all of tags, one of any_tags, none
// of not_tags; first: the member is first author). Adjustment records
// (kind adjust) are never matched by rules.
//
// Rules. A rule that does not apply to the member (applies_to 常委 or
// 非常委 against Member.Standing) gives nothing and lists nothing.
// Otherwise every matching record becomes a line:
//
//  1. Value: points, or the by_status / by_level / by_role entry for the
//     record's Status / Level / Role; a value missing from the table is 0
//     and the line says so.
//  2. Split among Authors (a record with one author always gets the whole
//     value): whole — everyone the full value; half_first — the first
//     author half, each other author half ÷ (authors − 1); fixed — the
//     first author first, every other author others; first_only — only the
//     first author; equal — value ÷ authors.
//  3. from N: the first N−1 matching records count 0 ("第N件起计分").
//  4. limit N: at most N records that contribute count; later ones 0.
//  5. once: only the single line with the largest absolute value counts
//     (the earliest on a tie); the others 0 ("只计一次，取最高").
//  6. cap: the rule total's absolute value is at most cap; the excess is
//     cut from the latest lines, so the lines still add up to the total.
//
// A line that contributes nothing has Counted false and a note saying why.
//
// Items. An item that does not apply to the member has Applies false and
// zero points. Otherwise: Raw = base + the sum of its rule totals (combine
// "max": base + the largest rule total); Points = Raw raised to floor, then
// lowered to cap. Count is the number of records matched by any rule of
// the item. Group caps: the items of a group are filled in rule-set order;
// a positive item that would take the group over its cap keeps only the
// room left (Final < Points, with a note); later items may drop to 0.
//
// Total. Manual adjustments (kind adjust) go to Bonus (positive) or Penalty
// (negative). Raw = Σ item Final + Bonus + Penalty; Total = Raw lowered to
// the rule set's cap, then raised to its floor.
//
// Grade. The first grade (highest first) whose min ≤ Total, else the last
// grade if it has no min, else none. Gates: a requirement is met with at
// least min (default 1) matching records this year; a gate passes when all
// its requirements are met. For each failed gate with max_grade, a grade
// higher than max_grade is lowered to it (GradeByScore keeps the score
// grade, a note says why). Every missed requirement is one row of the 未履职
// list (Result.Unperformed).
//
// Consequences. below: Total < below; grades: the grade (after gates) is
// one of them; count: at least min (default 1) matching records this year.
// With years N > 1 the condition must also have held in each of the
// previous N−1 years according to Facts.History (Past.Total, Past.Grade,
// Past.Counts[name], or for count consequences without Counts the name in
// Past.Flags); a missing year means it does not fire (with a note).
// Count consequences record this year's count in MemberResult.Counts
// (MemberResult.Past builds next year's History entry).
//
// Rank. Assessed members are ranked by exact Total, highest first; equal
// totals share a rank (1, 2, 2, 4).
//
// Output is deterministic: members in roster order, items in rule-set
// order, lines in record order; no map is iterated into the output.
package assess
