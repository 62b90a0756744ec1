package data

import (
	"strings"

	"zhengxie/data/proposal"
)

// Proposal is one 提案 with its proposers and, once assigned, its units.
// The lifecycle rules live in package data/proposal; the store enforces
// them in Apply.
type Proposal struct {
	ID        int64
	SessionID int64 // 次会议 it belongs to
	TermID    int64 // read only: the session's term
	Number    int   // 案号 within the session; 0 on create means "next free"

	Title         string // 案由
	Body          string // 正文 (情况、分析、建议)
	Category      string // 类别 (config list)
	Kind          string // 大会提案 / 平时提案
	Submitted     string // 提交日期 YYYY-MM-DD
	ProposerType  string // 提案者性质 (proposal.ProposerTypes)
	Sector        string // 所属界别
	SuggestedUnit string // 提案者建议的承办单位
	EnteredBy     string // 录入人
	Proposers     []Proposer

	Status         proposal.Status
	RejectReason   string // 不予立案理由
	Disposition    string // 不予立案去向 (转社情民意 …)
	MergedInto     int64  // 并案: the master proposal
	WithdrawReason string
	WithdrawDate   string

	AssignMode   string // proposal.ModeLead or ModeSplit
	AssignedDate string // 交办日期
	Deadline     string // 办理期限
	Units        []Assignment

	KeyTier        string // 重点提案 tier, "" when not a key proposal
	KeyLeader      string // 督办领导
	ExcellentYear  int    // 优秀提案 year, 0 when not awarded
	ExcellentAward string // e.g. 年度优秀提案
	Public         bool   // 是否公开
	Implementation string // 落实情况, kept apart from the answer
	Note           string

	CreatedAt string
	UpdatedAt string
	Deleted   bool

	// Read only, filled by List and Get: the final result class (the 主办's
	// latest answer, or the worst of the 分办 units'), the latest answer
	// date, and each proposer's latest verdict by seq.
	Class      string
	AnswerDate string
	Verdicts   map[int]string
}

// Proposer is one signer, in order; Seq 1 is the 第一提案人.
type Proposer struct {
	Seq          int
	MembershipID int64  // 0 for an organisation or a name not on the roster
	Name         string // member's name, or the organisation's
}

// Assignment is a unit's role on a proposal.
type Assignment struct {
	UnitID int64
	Unit   string // name, read only
	Role   string // 主办 / 会办 / 分办
}

// Answer is one unit's 答复 (or a 会办 unit's 会办意见) in one round.
type Answer struct {
	ID         int64
	ProposalID int64
	UnitID     int64
	Unit       string // read only
	Round      int    // 1, or 2 after 再次办理
	Date       string
	DocNo      string // 答复文号
	Contact    string // 联系人
	Phone      string
	Class      string // A/B/C…; "" for a 会办意见
	FaceToFace bool   // 是否面商
	Note       string
}

// Rating is one proposer's 满意度 for one round of answers.
type Rating struct {
	ProposalID int64
	Seq        int // the proposer
	Round      int
	Verdict    string            // 满意 / 基本满意 / 不满意
	Axes       map[string]string // optional per-axis verdicts (办理过程 …)
	Date       string
}

// ProposalEvent is one row of a proposal's history.
type ProposalEvent struct {
	ID         int64
	ProposalID int64
	At         string // when it was recorded (RFC 3339)
	Date       string // when the step took effect (YYYY-MM-DD)
	Action     string
	From, To   proposal.Status
	Actor      string
	Note       string
}

// Attachment is a file kept with a proposal in the data folder.
type Attachment struct {
	ID         int64
	ProposalID int64
	Name       string
	Path       string // the stored copy's path, in the attachments folder; "" when the stored path would leave it
	Size       int64
	AddedAt    string
}

// Unit is a 承办单位.
type Unit struct {
	ID      int64
	Name    string
	Kind    string // 县直部门 / 乡镇街道 / 其他
	Contact string
	Phone   string
	Sort    int
	Active  bool
}

// FirstProposer is the 第一提案人's name, or "".
func (p *Proposal) FirstProposer() string {
	if len(p.Proposers) == 0 {
		return ""
	}
	return p.Proposers[0].Name
}

// ProposerNames joins all proposers, first one first, with "、".
func (p *Proposal) ProposerNames() string {
	names := make([]string, len(p.Proposers))
	for i, x := range p.Proposers {
		names[i] = x.Name
	}
	return strings.Join(names, "、")
}

// UnitNames joins the names of the units with a role ("" for every role).
func (p *Proposal) UnitNames(role string) string {
	var names []string
	for _, u := range p.Units {
		if role == "" || u.Role == role {
			names = append(names, u.Unit)
		}
	}
	return strings.Join(names, "、")
}

// AnsweringUnits are the units that owe the proposer an answer: the 主办,
// or every 分办 unit.
func (p *Proposal) AnsweringUnits() []Assignment {
	var out []Assignment
	for _, u := range p.Units {
		if u.Role == proposal.RoleLead || u.Role == proposal.RoleSplit {
			out = append(out, u)
		}
	}
	return out
}

// Overdue reports whether the proposal is being handled and its deadline
// has passed on today (YYYY-MM-DD).
func (p *Proposal) Overdue(today string) bool {
	if p.Status != proposal.Handling && p.Status != proposal.Rehandled {
		return false
	}
	return p.Deadline != "" && p.Deadline < today
}

// ProposalFilter selects proposals. Zero values mean "any".
type ProposalFilter struct {
	TermID       int64
	SessionID    int64
	Year         int // year of the submission date
	Status       proposal.Status
	Category     string
	UnitID       int64 // any role
	MembershipID int64 // any proposer seat
	Proposer     string
	KeyOnly      bool
	OverdueOn    string // only overdue on this date (YYYY-MM-DD)
	Query        string // text in 案由 or 正文 (three characters or more use the index)
	DeletedOnly  bool
}
