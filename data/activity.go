package data

import "zhengxie/data/assess"

// Activity kinds: the 履职 records staff enter. The values are the
// assessment record kinds (assess.Kind*), so a rule set's `kind` selects them.
const (
	ActEvent  = assess.KindEvent  // 会议/活动 with participants and attendance
	ActSpeech = assess.KindSpeech // 大会发言 (one speaker, or joint)
	ActInfo   = assess.KindInfo   // 社情民意信息 (ordered authors, adoptions, 批示)
	ActAward  = assess.KindAward  // 表彰 / 通报批评 / 约谈 (one member)
	ActRecord = assess.KindRecord // other countable records (学习笔记, 调研报告 …; authors)
)

// Attendance statuses (Attendee.Status of an event participant).
const (
	AttPresent      = "出席"
	AttLeave        = "请假(已批准)"
	AttLeaveRefused = "请假(未批准)"
	AttAbsent       = "缺席(无故)"
	AttLate         = "迟到"
	AttEarly        = "早退"
)

// AttendanceStatuses lists them in display order.
var AttendanceStatuses = []string{AttPresent, AttLeave, AttLeaveRefused, AttAbsent, AttLate, AttEarly}

// Activity is one 履职 record: an event with its participants, a speech, a
// 社情民意 with its authors and adoptions, an award or sanction, or a
// county-defined record. Fields a kind does not use stay empty.
type Activity struct {
	ID         int64
	TermID     int64
	Kind       string // Act*
	Type       string // event type (全体会议 …); speech 口头发言/书面发言; award 表彰/通报批评/约谈; record type; info ""
	Title      string // 名称 / 题目
	Date       string // "YYYY-MM-DD": held, spoken, submitted (info), awarded
	EndDate    string // event: last day when several
	Organizer  string // event: 主办 (专委会/活动组/办公室 …)
	Place      string // event: 地点
	ParentID   int64  // event: the 全体会议 a 小组讨论 belongs to
	Meeting    string // speech: which meeting (全体会议/常委会议/专题协商会 …)
	Adopted    bool   // speech: 采用
	Level      string // award: 国家/省/市(地)/县
	Issue      string // info: 编发期号 ("" = not issued)
	IssueDate  string // info: 编发日期
	Source     string // info: 直接报送 / 提案转来
	ProposalID int64  // info: the proposal it was converted from
	Counted    bool   // info: counts in the assessment (default true)
	Note       string
	EnteredBy  string // 录入人
	CreatedAt  string
	UpdatedAt  string
	DeletedAt  string

	Members   []Attendee // participants / speakers / authors (ordered) / the awarded member
	Adoptions []Adoption // info: adoptions and 批示
}

// Attendee is one member's part in an activity. MembershipID is 0 for a
// name not on the roster (kept, never scored).
type Attendee struct {
	MembershipID int64
	Name         string
	Status       string // events: Att*; others ""
	Role         string // events: 主讲/执笔/书面发言 …; info/records: "" (order gives 第一作者)
	Note         string
}

// Adoption is one adoption (采用) or leader's instruction (批示) of a 社情民意.
type Adoption struct {
	Kind   string // "采用" or "批示"
	Level  string // 采用: 县委县政府/市政协/省政协/全国政协 …; 批示: 县/市/省/国家
	Mode   string // 采用: 单篇 / 转送
	Leader string // 批示: the leader
	Date   string
	Note   string
}

// ActivityFilter selects activities for lists.
type ActivityFilter struct {
	TermID       int64
	Kind         string // "" = all kinds
	Type         string
	Year         int    // 0 = any
	MembershipID int64  // activities this member takes part in
	Query        string // substring of title/organizer/names
	Deleted      bool   // the recycle bin instead
}

// ActivitySummary is one row of an activity list.
type ActivitySummary struct {
	ID        int64
	Kind      string
	Type      string
	Title     string
	Date      string
	Organizer string
	Names     string // first members' names, "张三、李四等5人"
	Count     int    // members
	Absent    int    // events: 请假/缺席 count
	Adopted   string // info: highest adoption level; speech: "采用"
	Issue     string
	DeletedAt string
}

// ActivityConfig holds the county's own lists (stored as a setting, with
// defaults). Every list is edited in 设置 → 履职.
type ActivityConfig struct {
	EventTypes     []string `json:"event_types"`     // 全体会议, 小组讨论, 常委会议, 主席会议, 专题协商会, 调研, 视察, 民主监督, 学习培训, 委员工作室值班, 界别活动, 公益活动
	Roles          []string `json:"roles"`           // 主讲, 执笔, 书面发言, 召集人
	SpeechForms    []string `json:"speech_forms"`    // 口头发言, 书面发言
	SpeechMeetings []string `json:"speech_meetings"` // 全体会议, 常委会议, 专题协商会
	AwardKinds     []string `json:"award_kinds"`     // 表彰, 通报批评, 约谈
	AwardLevels    []string `json:"award_levels"`    // 国家, 省, 市(地), 县
	AdoptLevels    []string `json:"adopt_levels"`    // 县委县政府, 市政协, 省政协, 全国政协
	InstructLevels []string `json:"instruct_levels"` // 县, 市, 省, 国家
	InfoSources    []string `json:"info_sources"`    // 直接报送, 提案转来
	RecordTypes    []string `json:"record_types"`    // 学习笔记, 心得体会文章, 文史资料, 调研报告
}

// Adjustment is a manual 加分/扣分 for one member in one assessment year.
type Adjustment struct {
	ID           int64
	Year         int
	MembershipID int64
	Name         string        // member's name (read only)
	Points       assess.Points // signed
	Reason       string
	Date         string
	EnteredBy    string
}

// StoredRuleSet is a rule set kept for one assessment year. Rule sets are
// versioned per year: copying to next year makes a new row, so changing
// next year's rules never changes last year's results.
type StoredRuleSet struct {
	ID        int64
	Year      int
	Rules     assess.RuleSet // Rules.Name is unique within the year
	UpdatedAt string
}

// AssessmentSetup is what staff chose for one year: the term assessed, the
// rule set, and members excluded by hand.
type AssessmentSetup struct {
	Year      int
	TermID    int64
	RuleSetID int64            // 0 = not chosen
	Excluded  map[int64]string // membership id → reason
}
