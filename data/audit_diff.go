package data

import (
	"strconv"
	"strings"

	"zhengxie/data/mask"
)

// FieldChange is one changed field of an audited record: its Chinese label
// and the value before and after, as a user reads them (personal numbers
// masked).
type FieldChange struct {
	Field  string `json:"field"`
	Before string `json:"before"`
	After  string `json:"after"`
}

// auditField names one field of T for the audit log: its Chinese label and
// how to read it as text. A long field (a proposal's 正文) is only said to
// have changed: its label ends in 已修改 and the texts are left out.
type auditField[T any] struct {
	label string
	get   func(T) string
}

const changedOnly = "已修改"

// diffFields lists the fields whose text differs between before and after,
// in the order of fields.
func diffFields[T any](fields []auditField[T], before, after T) []FieldChange {
	var out []FieldChange
	for _, f := range fields {
		b, a := f.get(before), f.get(after)
		switch {
		case b == a:
		case strings.HasSuffix(f.label, changedOnly):
			out = append(out, FieldChange{Field: f.label})
		default:
			out = append(out, FieldChange{Field: f.label, Before: b, After: a})
		}
	}
	return out
}

func itoa(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// memberAuditFields are the roster fields a 修改 line lists; 身份证号 and
// 联系电话 are masked so the log never holds them in full.
var memberAuditFields = []auditField[Member]{
	{"姓名", func(m Member) string { return m.Name }},
	{"性别", func(m Member) string { return m.Gender }},
	{"民族", func(m Member) string { return m.Ethnicity }},
	{"出生年月", func(m Member) string { return m.Birth }},
	{"籍贯", func(m Member) string { return m.NativePlace }},
	{"身份证号", func(m Member) string { return mask.IDNumber(m.IDNumber) }},
	{"学历", func(m Member) string { return m.Education }},
	{"学位", func(m Member) string { return m.Degree }},
	{"职称", func(m Member) string { return m.Title }},
	{"联系电话", func(m Member) string { return mask.Phone(m.Phone) }},
	{"通讯地址", func(m Member) string { return m.Address }},
	{"党派", func(m Member) string { return m.Party }},
	{"界别", func(m Member) string { return m.Sector }},
	{"专委会", func(m Member) string { return m.Committee }},
	{"活动组", func(m Member) string { return m.Group }},
	{"工作单位及职务", func(m Member) string { return m.WorkUnit }},
	{"政协职务", func(m Member) string { return m.Role }},
	{"是否常委", func(m Member) string { return yesNo(m.Standing) }},
	{"状态", func(m Member) string { return m.Status }},
	{"状态日期", func(m Member) string { return m.StatusDate }},
	{"是否新委员", func(m Member) string { return yesNo(m.IsNew) }},
	{"备注", func(m Member) string { return m.Note }},
}

// proposalAuditFields are the fields UpdateProposal may change.
var proposalAuditFields = []auditField[Proposal]{
	{"案号", func(p Proposal) string { return itoa(p.Number) }},
	{"案由", func(p Proposal) string { return p.Title }},
	{"正文" + changedOnly, func(p Proposal) string { return p.Body }},
	{"类别", func(p Proposal) string { return p.Category }},
	{"提案类型", func(p Proposal) string { return p.Kind }},
	{"提交日期", func(p Proposal) string { return p.Submitted }},
	{"提案者性质", func(p Proposal) string { return p.ProposerType }},
	{"所属界别", func(p Proposal) string { return p.Sector }},
	{"建议承办单位", func(p Proposal) string { return p.SuggestedUnit }},
	{"提案者", func(p Proposal) string { return proposerNames(p.Proposers) }},
	{"重点提案", func(p Proposal) string { return p.KeyTier }},
	{"督办领导", func(p Proposal) string { return p.KeyLeader }},
	{"优秀提案年度", func(p Proposal) string { return itoa(p.ExcellentYear) }},
	{"优秀提案", func(p Proposal) string { return p.ExcellentAward }},
	{"是否公开", func(p Proposal) string { return yesNo(p.Public) }},
	{"落实情况", func(p Proposal) string { return p.Implementation }},
	{"备注", func(p Proposal) string { return p.Note }},
}

func proposerNames(ps []Proposer) string {
	s := ""
	for i, p := range ps {
		if i > 0 {
			s += "、"
		}
		s += p.Name
	}
	return s
}

// activityAuditFields are the activity fields a 修改 line lists; which of
// them a kind uses does not matter, unused ones stay equal.
var activityAuditFields = []auditField[Activity]{
	{"类型", func(a Activity) string { return a.Type }},
	{"名称", func(a Activity) string { return a.Title }},
	{"日期", func(a Activity) string { return a.Date }},
	{"结束日期", func(a Activity) string { return a.EndDate }},
	{"主办", func(a Activity) string { return a.Organizer }},
	{"地点", func(a Activity) string { return a.Place }},
	{"会议", func(a Activity) string { return a.Meeting }},
	{"采用", func(a Activity) string { return yesNo(a.Adopted) }},
	{"级别", func(a Activity) string { return a.Level }},
	{"期号", func(a Activity) string { return a.Issue }},
	{"编发日期", func(a Activity) string { return a.IssueDate }},
	{"来源", func(a Activity) string { return a.Source }},
	{"计入考核", func(a Activity) string { return yesNo(a.Counted) }},
	{"备注", func(a Activity) string { return a.Note }},
	{"参加人", func(a Activity) string { return attendeeNames(a.Members) }},
}

func attendeeNames(ms []Attendee) string {
	s := ""
	for i, m := range ms {
		if i > 0 {
			s += "、"
		}
		s += m.Name
		if m.Status != "" {
			s += "（" + m.Status + "）"
		}
	}
	return s
}

// adjustmentAuditFields are the fields of a 考核加减分 line.
var adjustmentAuditFields = []auditField[Adjustment]{
	{"年度", func(a Adjustment) string { return itoa(a.Year) }},
	{"委员", func(a Adjustment) string { return a.Name }},
	{"分值", func(a Adjustment) string { return a.Points.Exact() }},
	{"事由", func(a Adjustment) string { return a.Reason }},
	{"日期", func(a Adjustment) string { return a.Date }},
}

var committeeAuditFields = []auditField[Committee]{
	{"委员会名称", func(c Committee) string { return strings.TrimSpace(c.Name) }},
	{"简称", func(c Committee) string { return strings.TrimSpace(c.ShortName) }},
}

var termAuditFields = []auditField[Term]{
	{"届次", func(t Term) string { return itoa(t.Number) }},
	{"起始年", func(t Term) string { return itoa(t.StartYear) }},
	{"结束年", func(t Term) string { return itoa(t.EndYear) }},
}

// String is how a change reads in the log screen and its export:
// 界别：“教育界”改为“经济界”, an empty value shown as （空）. A change
// without values (both empty) is told by its Field alone. (Words, not an
// arrow: the UI font draws no arrow glyph.)
func (c FieldChange) String() string {
	quote := func(s string) string {
		if s == "" {
			return "（空）"
		}
		return "“" + s + "”"
	}
	if c.Before == "" && c.After == "" {
		return c.Field // a change told in words, e.g. 规则内容已修改
	}
	return c.Field + "：" + quote(c.Before) + "改为" + quote(c.After)
}
