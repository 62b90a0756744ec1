package assess

// RuleSet is one committee's 考核办法 for one year, as data. It is stored as
// JSON in the database and exchanged as a human-readable TOML file (package
// export reads and writes it; docs/assessment-rules.md is its vocabulary).
// The struct tags are that vocabulary: keep them stable.
type RuleSet struct {
	Name        string `toml:"name" json:"name"`                                   // 规则集名称, e.g. "桐城市委员履职考核"
	Document    string `toml:"document,omitempty" json:"document,omitempty"`       // the committee's document title, e.g. "政协桐城市委员会委员履职考核暂行办法"
	Description string `toml:"description,omitempty" json:"description,omitempty"` // 说明
	Source      string `toml:"source,omitempty" json:"source,omitempty"`           // where the rules come from (URL, 文号)
	Gaps        string `toml:"gaps,omitempty" json:"gaps,omitempty"`               // known gaps of a preset, in Chinese
	Year        int    `toml:"year,omitempty" json:"year,omitempty"`               // assessment year this copy is for (0 in presets)
	Decimals    int    `toml:"decimals,omitempty" json:"decimals,omitempty"`       // decimals printed (default 2); computation stays exact

	Cap   *Points `toml:"cap,omitempty" json:"cap,omitempty"`     // overall maximum of the total (总分上限)
	Floor *Points `toml:"floor,omitempty" json:"floor,omitempty"` // overall minimum of the total

	// Adjustments (manual 加分/扣分 entered by staff) are added to the total
	// before the overall cap and floor.

	// Exclude lists who is not assessed.
	Exclude Exclusion `toml:"exclude,omitempty" json:"exclude,omitempty"`

	Groups       []Group       `toml:"group,omitempty" json:"groups,omitempty"`             // caps over several items (加分类合计上限)
	Items        []Item        `toml:"item" json:"items"`                                   // the scored items, in column order
	Grades       []Grade       `toml:"grade,omitempty" json:"grades,omitempty"`             // 等次, highest first
	Gates        []Gate        `toml:"gate,omitempty" json:"gates,omitempty"`               // minimum duties (e.g. 三个一)
	Consequences []Consequence `toml:"consequence,omitempty" json:"consequences,omitempty"` // 结果运用
}

// Exclusion says which members a rule set does not assess. Staff can also
// exclude single members for a year (Member.Excluded).
type Exclusion struct {
	Roles       []string `toml:"roles,omitempty" json:"roles,omitempty"`               // 政协职务 not assessed, e.g. ["主席"]
	Inactive    bool     `toml:"inactive,omitempty" json:"inactive,omitempty"`         // members who left during or before the year (辞去/撤销/调离/逝世)
	JoinedAfter string   `toml:"joined_after,omitempty" json:"joined_after,omitempty"` // "MM-DD": members added (增补) after this day of the year are not assessed
}

// Group caps the sum of several items (Item.Group names it). Items are
// filled in rule-set order; what goes over the cap is cut from the later
// items, and the explanation says so.
type Group struct {
	Name string `toml:"name" json:"name"`
	Cap  Points `toml:"cap" json:"cap"`
}

// Item is one column of the result table: a starting value plus the points
// of its rules, clamped by its own floor and cap.
type Item struct {
	Name      string  `toml:"name" json:"name"`                                 // 考核项目, e.g. "参加政协会议"
	Column    string  `toml:"column,omitempty" json:"column,omitempty"`         // short header for tables (default Name)
	Group     string  `toml:"group,omitempty" json:"group,omitempty"`           // Group.Name this item counts toward
	AppliesTo string  `toml:"applies_to,omitempty" json:"applies_to,omitempty"` // "" everyone, "常委", or "非常委"
	Base      *Points `toml:"base,omitempty" json:"base,omitempty"`             // starting value (起始分, e.g. 50 then deductions)
	Cap       *Points `toml:"cap,omitempty" json:"cap,omitempty"`               // item maximum
	Floor     *Points `toml:"floor,omitempty" json:"floor,omitempty"`           // item minimum (扣完为止 = 0)
	Combine   string  `toml:"combine,omitempty" json:"combine,omitempty"`       // "sum" (default): rules add up; "max": only the best rule counts
	Rules     []Rule  `toml:"rule" json:"rules"`
}

// Match selects records. Every non-empty field must match; lists match when
// the record's value is one of them.
type Match struct {
	Kind     string   `toml:"kind" json:"kind"`                             // event | speech | info | proposal | award | record | adjust
	Types    []string `toml:"types,omitempty" json:"types,omitempty"`       // Record.Type in list
	Statuses []string `toml:"statuses,omitempty" json:"statuses,omitempty"` // Record.Status in list
	Roles    []string `toml:"roles,omitempty" json:"roles,omitempty"`       // Record.Role in list
	Levels   []string `toml:"levels,omitempty" json:"levels,omitempty"`     // Record.Level in list
	Tags     []string `toml:"tags,omitempty" json:"tags,omitempty"`         // record has every one of these tags
	AnyTags  []string `toml:"any_tags,omitempty" json:"any_tags,omitempty"` // record has at least one of these tags
	NotTags  []string `toml:"not_tags,omitempty" json:"not_tags,omitempty"` // record has none of these tags
	First    bool     `toml:"first,omitempty" json:"first,omitempty"`       // only records where the member is first (Position 1)
}

// Rule turns the member's matching records into points. Per record: the
// value (Points, or ByStatus/ByLevel/ByRole lookup) is shared out by Split;
// then records in date order are counted From the N-th, at most Limit of
// them, only the best one when Once, and the rule total is capped by Cap.
type Rule struct {
	Name string `toml:"name,omitempty" json:"name,omitempty"` // shown in explanations, e.g. "每件立案"
	Match
	AppliesTo string `toml:"applies_to,omitempty" json:"applies_to,omitempty"` // "" everyone, "常委", "非常委"

	Points   *Points           `toml:"points,omitempty" json:"points,omitempty"`       // value per record (negative deducts)
	ByStatus map[string]Points `toml:"by_status,omitempty" json:"by_status,omitempty"` // value by Record.Status (state points)
	ByLevel  map[string]Points `toml:"by_level,omitempty" json:"by_level,omitempty"`   // value by Record.Level (tiers by level)
	ByRole   map[string]Points `toml:"by_role,omitempty" json:"by_role,omitempty"`     // value by Record.Role

	Split  string  `toml:"split,omitempty" json:"split,omitempty"`   // joint records: whole (default) | half_first | fixed | first_only | equal
	First  *Points `toml:"first,omitempty" json:"first,omitempty"`   // split = fixed: the first author's value
	Others *Points `toml:"others,omitempty" json:"others,omitempty"` // split = fixed: every other author's value

	From  int     `toml:"from,omitempty" json:"from,omitempty"`   // count from the N-th matching record onward (1-based)
	Limit int     `toml:"limit,omitempty" json:"limit,omitempty"` // count at most N records
	Once  bool    `toml:"once,omitempty" json:"once,omitempty"`   // only the single best record counts (只计一次 / max-of)
	Cap   *Points `toml:"cap,omitempty" json:"cap,omitempty"`     // rule total maximum (absolute value for deductions)
}

// Split modes for records with several authors (联名提案, joint 社情民意).
const (
	SplitWhole     = "whole"      // every author gets the full value
	SplitHalfFirst = "half_first" // first gets half, the others share the other half equally (桐城)
	SplitFixed     = "fixed"      // first gets First, every other author Others (广水 20/15, 合肥-area 10/5)
	SplitFirstOnly = "first_only" // only the first author scores (延边)
	SplitEqual     = "equal"      // the value is divided equally among all authors
)

// AppliesTo values for items and rules.
const (
	AppliesAll         = ""
	AppliesStanding    = "常委"
	AppliesNotStanding = "非常委"
)

// Grade is one 等次 with an inclusive lower bound; grades are listed highest
// first and the last one may omit Min (everyone else).
type Grade struct {
	Name string  `toml:"name" json:"name"`
	Min  *Points `toml:"min,omitempty" json:"min,omitempty"`
}

// Gate is a minimum duty (e.g. "三个一"): a member who does not meet every
// requirement cannot get a grade above MaxGrade, and appears in the 未履职
// list for each requirement missed. MaxGrade "" only lists.
type Gate struct {
	Name     string        `toml:"name" json:"name"`
	MaxGrade string        `toml:"max_grade,omitempty" json:"max_grade,omitempty"`
	Require  []Requirement `toml:"require" json:"require"`
}

// Requirement is at least Min records matching (default 1).
type Requirement struct {
	Name string `toml:"name" json:"name"` // e.g. "提交提案"
	Match
	Min int `toml:"min,omitempty" json:"min,omitempty"`
}

// Consequence flags members for 结果运用: by total (Below), by grade
// (Grades), or by a count of records in the year (Count), optionally only
// when it also held in each of the previous Years-1 years (from History).
type Consequence struct {
	Name   string       `toml:"name" json:"name"`                         // e.g. "约谈", "劝辞", "通报表彰"
	Below  *Points      `toml:"below,omitempty" json:"below,omitempty"`   // total strictly below this
	Grades []string     `toml:"grades,omitempty" json:"grades,omitempty"` // grade is one of these
	Count  *Requirement `toml:"count,omitempty" json:"count,omitempty"`   // at least Min matching records this year
	Years  int          `toml:"years,omitempty" json:"years,omitempty"`   // consecutive years including this one (default 1)
}
