package assess

// Record kinds: what Match.Kind selects.
const (
	KindEvent    = "event"    // attendance at a meeting or activity (one record per participant)
	KindSpeech   = "speech"   // 大会发言
	KindInfo     = "info"     // 社情民意信息 (one record per author)
	KindProposal = "proposal" // 提案 (one record per roster proposer)
	KindAward    = "award"    // 表彰 / 通报批评 / 约谈
	KindRecord   = "record"   // other countable records a county defines (学习笔记, 调研报告 …)
	KindAdjust   = "adjust"   // manual 加分/扣分; never matched by rules, shown as 加分/扣分
)

// Tags the store puts on records (Match.Tags). Counties' own types and
// levels are values of Type/Level, not tags.
const (
	// proposal
	TagSubmitted = "提交" // every proposal except 撤案
	TagFiled     = "立案" // 立案 and every later state
	TagRejected  = "不予立案"
	TagMerged    = "并案"
	TagWithdrawn = "撤案"
	TagToInfo    = "转社情民意"
	TagKey       = "重点"
	TagExcellent = "优秀"
	TagPlenary   = "大会提案"
	TagRegular   = "平时提案"
	// info (社情民意) and speech
	TagIssued       = "编发"
	TagAdopted      = "采用" // adopted at any level; also "采用:<level>" per adoption level
	TagInstructed   = "批示" // a leader's instruction; also "批示:<level>"
	TagFromProposal = "提案转来"
)

// Member is one person assessed in the year, as the store sees them.
type Member struct {
	ID         int64 // membership id
	PersonID   int64 // stable across terms; History is keyed by it
	Name       string
	Sector     string // 界别
	Party      string
	Committee  string // 专委会
	Group      string // 活动组
	Role       string // 政协职务: 主席/副主席/秘书长/常委/委员
	Standing   bool   // 常委
	Status     string // 在任/增补/辞去/撤销/调离/逝世
	StatusDate string // date of the status change, "YYYY-MM-DD" or ""
	Excluded   string // reason staff excluded this member for the year ("" = assessed)
}

// Record is one member's part in one thing that happened in the year.
type Record struct {
	ID       int64  // source row id (activity, proposal, adjustment …)
	Kind     string // Kind* constant
	Type     string // event type; speech 口头发言/书面发言; award kind; record type; proposal 类别? no: proposer type (委员个人/委员联名/界别 …)
	Status   string // attendance status (出席, 请假(已批准) …); proposal status (立案, 办结 …)
	Role     string // participant role (主讲, 执笔, 书面发言); "第一提案人"/"联名" for proposals; "第一作者"/"联名" for info
	Level    string // award level; info: highest adoption level; speech: the meeting (全体会议 …)
	Tags     []string
	Position int    // 1 = first author/proposer; 0 when not applicable
	Authors  int    // authors sharing the thing, names off the roster included (>= 1); Position counts them too
	Ref      string // identity of the shared thing, e.g. "提案第012号", for explanations
	Title    string
	Date     string // "YYYY-MM-DD"
	Points   Points // KindAdjust only: signed points
	Note     string
}

// Past is one member's result in an earlier year (for Consequence.Years).
type Past struct {
	Year   int
	Total  Points
	Grade  string
	Flags  []string       // consequence names flagged that year
	Counts map[string]int // Consequence.Name → matching count that year (for count consequences)
}

// Facts is everything the engine needs for one year: the members in roster
// order, their records, and earlier years' results keyed by PersonID.
type Facts struct {
	Year    int
	Members []Member
	Records map[int64][]Record // by Member.ID
	History map[int64][]Past   // by Member.PersonID, any order
}
