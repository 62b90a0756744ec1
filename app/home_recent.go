package app

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

// auditSentence says an audit line in plain words: "张三 修改了委员 李四
// 的 职称", "登记了提案 第012号 关于…的建议". number formats a 案号 the way
// the committee prints it.
func auditSentence(e data.AuditEntry, number func(int) string) string {
	what := auditEntityNames[e.Entity]
	if what == "" {
		what = e.Entity
	}
	detail := strings.TrimSpace(e.Detail)
	if e.Entity == "提案" {
		detail = proposalRef(detail, number)
	}
	obj := ""
	if detail != "" {
		obj = " " + detail
	}
	var s string
	if step, ok := proposalSteps[proposal.Action(e.Action)]; ok && e.Entity == "提案" {
		ref := ""
		if n, ok := leadingNumber(e.Detail); ok && number != nil {
			ref = number(n)
		}
		s = fmt.Sprintf(step, " "+ref+" ")
	} else {
		switch e.Action {
		case "新增":
			verb := "新增了"
			if e.Entity == "提案" {
				verb = "登记了"
			}
			s = verb + what + obj
		case "修改":
			s = "修改了" + what + obj + changedFields(e.Changes)
		case "删除":
			if inRecycleBin[e.Entity] {
				s = "将" + what + obj + " 移入回收站"
			} else {
				s = "删除了" + what + obj
			}
		case "恢复":
			if e.Entity == "备份" {
				s = "从备份恢复了全部数据"
			} else {
				s = "从回收站恢复了" + what + obj
			}
		case "彻底删除":
			s = "彻底删除了" + what + obj
		case "导入":
			s = "导入了" + what
			if detail != "" {
				s += "（" + detail + "）"
			}
		case "保存":
			s = "保存了" + what + obj
		case "改名":
			s = "将" + what + obj
		case "新建":
			s = "新建了" + what + obj
		case "设为当前":
			s = "将" + what + obj + " 设为当前届"
		case "批量写入":
			s = "批量写入了" + what
		default:
			s = e.Action + "了" + what + obj
		}
	}
	s = strings.Join(strings.Fields(s), " ")
	if e.Actor != "" {
		s = e.Actor + " " + s
	}
	return s
}

// auditEntityNames are the audit log's entity names that read better
// otherwise in a sentence.
var auditEntityNames = map[string]string{"届": "届次", "备份设置": "备份保留规则"}

// inRecycleBin are the entities whose 删除 moves them to the recycle bin.
var inRecycleBin = map[string]bool{"委员": true, "提案": true, "履职活动": true, "大会发言": true,
	"社情民意": true, "表彰": true, "履职记录": true}

// proposalSteps says each lifecycle step; %s is the 案号 between spaces.
var proposalSteps = map[proposal.Action]string{
	proposal.ActReview:   "将提案%s送审",
	proposal.ActFile:     "将提案%s立案",
	proposal.ActReject:   "决定提案%s不予立案",
	proposal.ActMerge:    "将提案%s并案",
	proposal.ActWithdraw: "将提案%s撤案",
	proposal.ActAssign:   "交办了提案%s",
	proposal.ActReturn:   "将提案%s退回重新交办",
	proposal.ActExtend:   "延长了提案%s的办理期限",
	proposal.ActAnswer:   "登记了提案%s的答复",
	proposal.ActRate:     "登记了提案%s的评价",
	proposal.ActRehandle: "将提案%s转为再次办理",
	proposal.ActClose:    "将提案%s办结",
	proposal.ActReopen:   "将提案%s重新审查",
}

// proposalRef rewrites the leading "12号" of a proposal's audit detail as
// the committee prints 案号.
func proposalRef(detail string, number func(int) string) string {
	n, ok := leadingNumber(detail)
	if !ok || number == nil {
		return detail
	}
	_, rest, _ := strings.Cut(detail, "号")
	return number(n) + rest
}

// leadingNumber reads the "12" of "12号 …".
func leadingNumber(detail string) (int, bool) {
	head, _, found := strings.Cut(detail, "号")
	n, err := strconv.Atoi(head)
	return n, found && err == nil && n > 0
}

// changedFields is " 的 职称、电话" for a 修改 line's changed fields.
func changedFields(changes []data.FieldChange) string {
	var names []string
	for _, c := range changes {
		names = append(names, c.Field)
	}
	switch {
	case len(names) == 0:
		return ""
	case len(names) > 3:
		return fmt.Sprintf(" 的 %s等 %d 项", strings.Join(names[:3], "、"), len(names))
	}
	return " 的 " + strings.Join(names, "、")
}

// relativeTime is when an audit line was written, seen from now: 今天
// 14:05, 昨天 09:30, 11月28日, 2025年11月28日.
func relativeTime(at string, now time.Time) string {
	t, err := time.Parse(time.RFC3339, at)
	if err != nil {
		return at
	}
	t = t.In(now.Location())
	day := func(x time.Time) time.Time { return time.Date(x.Year(), x.Month(), x.Day(), 0, 0, 0, 0, x.Location()) }
	switch days := int(day(now).Sub(day(t)).Hours() / 24); {
	case days == 0:
		return "今天 " + t.Format("15:04")
	case days == 1:
		return "昨天 " + t.Format("15:04")
	case t.Year() == now.Year():
		return fmt.Sprintf("%d月%d日", t.Month(), t.Day())
	}
	return data.ChineseDate(t)
}
