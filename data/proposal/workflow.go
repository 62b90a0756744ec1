// Package proposal holds the pure rules of the 提案 (proposal) lifecycle:
// its states, the actions that move a proposal between them, and the
// committee's configurable lists and deadlines. It knows nothing of SQL or
// Fyne; the store enforces these rules inside its transactions and the
// screens use them to offer only the actions valid from the current state.
//
// The lifecycle follows shared/domain.md §2.10:
//
//	已提交 → 审查中 → 立案 → 办理中 → 已答复 → 办结
//	                 ↘ 不予立案 (with a reason and a disposition)
//	                 ↘ 并案 (linked to a master proposal)
//	                 ↘ 撤案 (reason and date)
//	办理中 → 立案 (退回: the unit returns it for re-assignment)
//	已答复 → 再次办理 → 已答复 (a proposer was 不满意)
package proposal

import "fmt"

// Status is where a proposal is in its lifecycle. The values are the
// Chinese words shown to users and stored in the database.
type Status string

// The statuses, in lifecycle order.
const (
	Submitted Status = "已提交"
	Reviewing Status = "审查中"
	Filed     Status = "立案"   // accepted, waiting for 交办
	Rejected  Status = "不予立案" // not filed; see Disposition
	Merged    Status = "并案"   // merged into a master proposal
	Withdrawn Status = "撤案"
	Handling  Status = "办理中" // assigned to units
	Answered  Status = "已答复" // every answering unit has answered
	Rehandled Status = "再次办理"
	Closed    Status = "办结"
)

// Statuses lists every status in lifecycle order (filters, counts).
var Statuses = []Status{Submitted, Reviewing, Filed, Rejected, Merged, Withdrawn, Handling, Answered, Rehandled, Closed}

// Action is a transition a user can take. Values are the button labels.
type Action string

// The actions.
const (
	ActReview   Action = "送审"     // 已提交 → 审查中
	ActFile     Action = "立案"     // 已提交/审查中 → 立案
	ActReject   Action = "不予立案"   // 已提交/审查中 → 不予立案
	ActMerge    Action = "并案"     // 已提交/审查中/立案 → 并案
	ActWithdraw Action = "撤案"     // before an answer → 撤案
	ActAssign   Action = "交办"     // 立案 → 办理中
	ActReturn   Action = "退回重新交办" // 办理中 → 立案
	ActExtend   Action = "延期"     // 办理中 → 办理中 (new deadline)
	ActAnswer   Action = "登记答复"   // 办理中/再次办理 → 已答复 once every unit answered
	ActRate     Action = "登记评价"   // 已答复 → 已答复 (one proposer's 满意度)
	ActRehandle Action = "再次办理"   // 已答复 → 再次办理
	ActClose    Action = "办结"     // 已答复 → 办结
	ActReopen   Action = "重新审查"   // 不予立案/并案/撤案 → 审查中 (a mistake is undone, with a log)
)

// transitions maps each action to the states it may start from and the
// state it leads to. An action whose target is "" keeps the state.
var transitions = map[Action]struct {
	from []Status
	to   Status
}{
	ActReview:   {[]Status{Submitted}, Reviewing},
	ActFile:     {[]Status{Submitted, Reviewing}, Filed},
	ActReject:   {[]Status{Submitted, Reviewing}, Rejected},
	ActMerge:    {[]Status{Submitted, Reviewing, Filed}, Merged},
	ActWithdraw: {[]Status{Submitted, Reviewing, Filed, Handling}, Withdrawn},
	ActAssign:   {[]Status{Filed}, Handling},
	ActReturn:   {[]Status{Handling}, Filed},
	ActExtend:   {[]Status{Handling, Rehandled}, ""},
	ActAnswer:   {[]Status{Handling, Rehandled}, Answered},
	ActRate:     {[]Status{Answered}, ""},
	ActRehandle: {[]Status{Answered}, Rehandled},
	ActClose:    {[]Status{Answered}, Closed},
	ActReopen:   {[]Status{Rejected, Merged, Withdrawn}, Reviewing},
}

// actionOrder is the order in which a screen offers actions.
var actionOrder = []Action{
	ActReview, ActFile, ActReject, ActMerge, ActAssign, ActAnswer, ActRate,
	ActRehandle, ActClose, ActExtend, ActReturn, ActWithdraw, ActReopen,
}

// Actions lists every action in display order.
func Actions() []Action { return append([]Action(nil), actionOrder...) }

// Allowed lists the actions valid from a status, in display order.
func Allowed(s Status) []Action {
	var out []Action
	for _, a := range actionOrder {
		if can(a, s) {
			out = append(out, a)
		}
	}
	return out
}

// likelyOrder is the main path, in the order a proposal walks it: the step
// a clerk most probably takes next is the first of these the state allows.
var likelyOrder = []Action{ActFile, ActAssign, ActAnswer, ActRate, ActClose}

// Likely is the step a clerk most probably takes next from s, the one a
// screen offers first and highlights: after 立案 it is 交办, not 并案. rated
// reports that every proposer has rated the latest answer, so 已答复 leads
// to 办结 rather than another 登记评价. It is "" when s allows only
// corrections (重新审查) or nothing.
func Likely(s Status, rated bool) Action {
	for _, a := range likelyOrder {
		if a == ActRate && rated {
			continue
		}
		if can(a, s) {
			return a
		}
	}
	return ""
}

func can(a Action, s Status) bool {
	for _, f := range transitions[a].from {
		if f == s {
			return true
		}
	}
	return false
}

// TransitionError is an action refused from the current state. Its message
// is the Chinese sentence a user reads.
type TransitionError struct {
	Action Action
	From   Status
}

func (e *TransitionError) Error() string {
	if _, ok := transitions[e.Action]; !ok {
		return fmt.Sprintf("未知的操作“%s”", e.Action)
	}
	return fmt.Sprintf("提案当前状态为“%s”，不能执行“%s”。", e.From, e.Action)
}

// Next returns the state an action leads to from s, or a *TransitionError
// when the action is not valid there. Actions that keep the state (延期,
// 登记评价, and 登记答复 while other units still owe an answer) return s.
func Next(s Status, a Action) (Status, error) {
	t, ok := transitions[a]
	if !ok || !can(a, s) {
		return s, &TransitionError{Action: a, From: s}
	}
	if t.to == "" {
		return s, nil
	}
	return t.to, nil
}

// Counted reports whether a proposal in this state counts as 立案 in the
// statistics: filed and everything after it.
func Counted(s Status) bool {
	switch s {
	case Filed, Handling, Answered, Rehandled, Closed:
		return true
	}
	return false
}

// Assigned reports whether the proposal has been handed to units (交办)
// and not withdrawn since.
func Assigned(s Status) bool {
	switch s {
	case Handling, Answered, Rehandled, Closed:
		return true
	}
	return false
}

// IsAnswered reports whether the proposal has an answer on record: a
// proposal in 再次办理 was answered once and counts as answered (办复).
func IsAnswered(s Status) bool { return s == Answered || s == Rehandled || s == Closed }
