package assess

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
)

// A rule matches records by the names a database gives them: event types,
// attendance statuses, levels, roles. A name the database does not know
// matches nothing and silently scores 0, so a rule set is checked against
// the database's Vocabulary before it is stored (Vocabulary.Resolve).

// Fields of a Match (and the by_* tables) that hold database names.
const (
	FieldTypes    = "types"    // Match.Types
	FieldStatuses = "statuses" // Match.Statuses, by_status
	FieldLevels   = "levels"   // Match.Levels, by_level
	FieldRoles    = "roles"    // Match.Roles, by_role
)

// Names is one list of names a database knows.
type Names struct {
	Label    string   // what the list is called, e.g. "活动类型"
	Known    []string // in display order
	Settable bool     // the office can add names in 设置 → 履职
}

// Vocabulary is every name a rule set may use, by record kind and field,
// the 政协职务 exclude.roles may name, and the other words offices write
// for a name (全会 for 全体会议). A kind and field that has no Names has no
// such values at all (a 社情民意 has no type).
type Vocabulary struct {
	Fields      map[string]Names  // by VocabularyKey(kind, field)
	MemberRoles []string          // 政协职务
	Aliases     map[string]string // word → the name it stands for
}

// VocabularyKey is the key of Vocabulary.Fields.
func VocabularyKey(kind, field string) string { return kind + "." + field }

// kindLabels name the record kinds in messages.
var kindLabels = map[string]string{
	KindEvent: "会议活动", KindSpeech: "大会发言", KindInfo: "社情民意", KindProposal: "提案",
	KindAward: "表彰批评", KindRecord: "其他履职记录",
}

var fieldLabels = map[string]string{
	FieldTypes: "类型", FieldStatuses: "状态", FieldLevels: "级别", FieldRoles: "角色",
}

// Resolve checks every name rs uses against v. Aliases and names written
// with full-width brackets or spaces are replaced by the known name, so
// explanations show it; every other unknown name is a Problem saying where
// it is and the nearest known names. The rule set returned is a copy.
func (v Vocabulary) Resolve(rs RuleSet) (RuleSet, []Problem) {
	r := resolver{v: v}
	out := rs
	out.Exclude.Roles = r.list("规则集", "exclude.roles", Names{Label: "政协职务", Known: v.MemberRoles}, rs.Exclude.Roles)
	out.Items = slices.Clone(rs.Items)
	for i, it := range out.Items {
		it.Rules = slices.Clone(it.Rules)
		for j, rule := range it.Rules {
			where := fmt.Sprintf("第%d项“%s”第%d条规则", i+1, it.Name, j+1)
			rule.Match = r.match(where, rule.Match)
			rule.ByStatus = r.table(where, "by_status", rule.Kind, FieldStatuses, rule.ByStatus)
			rule.ByLevel = r.table(where, "by_level", rule.Kind, FieldLevels, rule.ByLevel)
			rule.ByRole = r.table(where, "by_role", rule.Kind, FieldRoles, rule.ByRole)
			it.Rules[j] = rule
		}
		out.Items[i] = it
	}
	out.Gates = slices.Clone(rs.Gates)
	for i, g := range out.Gates {
		g.Require = slices.Clone(g.Require)
		for j, req := range g.Require {
			req.Match = r.match(fmt.Sprintf("第%d项基本要求“%s”第%d条要求“%s”", i+1, g.Name, j+1, req.Name), req.Match)
			g.Require[j] = req
		}
		out.Gates[i] = g
	}
	out.Consequences = slices.Clone(rs.Consequences)
	for i, c := range out.Consequences {
		if c.Count != nil {
			count := *c.Count
			count.Match = r.match(fmt.Sprintf("第%d条结果运用“%s”的 count", i+1, c.Name), count.Match)
			c.Count = &count
		}
		out.Consequences[i] = c
	}
	return out, r.problems
}

type resolver struct {
	v        Vocabulary
	problems []Problem
}

func (r *resolver) names(kind, field string) Names {
	if n, ok := r.v.Fields[VocabularyKey(kind, field)]; ok {
		return n
	}
	return Names{Label: kindLabels[kind] + "的" + fieldLabels[field]}
}

func (r *resolver) match(where string, m Match) Match {
	m.Types = r.list(where, FieldTypes, r.names(m.Kind, FieldTypes), m.Types)
	m.Statuses = r.list(where, FieldStatuses, r.names(m.Kind, FieldStatuses), m.Statuses)
	m.Levels = r.list(where, FieldLevels, r.names(m.Kind, FieldLevels), m.Levels)
	m.Roles = r.list(where, FieldRoles, r.names(m.Kind, FieldRoles), m.Roles)
	return m
}

func (r *resolver) list(where, field string, n Names, words []string) []string {
	if words == nil {
		return nil
	}
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = r.word(where, field, n, w)
	}
	return out
}

func (r *resolver) table(where, field, kind, vfield string, m map[string]Points) map[string]Points {
	if m == nil {
		return nil
	}
	n := r.names(kind, vfield)
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make(map[string]Points, len(m))
	from := map[string]string{}
	for _, k := range keys {
		name := r.word(where, field, n, k)
		if prev, dup := from[name]; dup {
			r.add(where, "%s中“%s”和“%s”指的是同一个%s“%s”，只能写一个", field, prev, k, n.Label, name)
			continue
		}
		from[name] = k
		out[name] = m[k]
	}
	return out
}

// word returns the known name w stands for, or w after recording a problem.
func (r *resolver) word(where, field string, n Names, w string) string {
	if slices.Contains(n.Known, w) {
		return w
	}
	norm := normalName(w)
	for _, k := range n.Known {
		if normalName(k) == norm {
			return k
		}
	}
	if c, ok := r.v.Aliases[norm]; ok && slices.Contains(n.Known, c) {
		return c
	}
	if len(n.Known) == 0 {
		r.add(where, "%s中的“%s”永远匹配不到：本库的%s没有这一项，请删去", field, w, n.Label)
		return w
	}
	msg := fmt.Sprintf("%s中的“%s”不是本库已知的%s", field, w, n.Label)
	if near := Nearest(w, n.Known, 3); len(near) > 0 {
		msg += "，最接近的是“" + strings.Join(near, "”、“") + "”"
	} else {
		msg += "（已知的有：" + strings.Join(n.Known, "、") + "）"
	}
	if n.Settable {
		msg += "；如确需新的名称，请先在“设置”的“履职”中添加"
	}
	r.add(where, "%s", msg)
	return w
}

func (r *resolver) add(where, format string, args ...any) {
	r.problems = append(r.problems, Problem{Where: where, Msg: fmt.Sprintf(format, args...)})
}

// normalName ignores spaces and writes full-width brackets as ASCII:
// "请假（已批准）" is "请假(已批准)".
func normalName(s string) string {
	var b strings.Builder
	for _, c := range s {
		switch {
		case unicode.IsSpace(c):
		case c == '（':
			b.WriteRune('(')
		case c == '）':
			b.WriteRune(')')
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

// Nearest returns at most n of the known names closest to word, closest
// first: by edit distance over characters, then by characters in common,
// then in list order. A name is offered only when it is close enough to
// be a likely typo or variant (at most half its characters differ, or it
// shares at least two characters with word).
func Nearest(word string, known []string, n int) []string {
	w := []rune(normalName(word))
	type cand struct {
		name         string
		dist, shared int
		index        int
	}
	var cs []cand
	for i, k := range known {
		kr := []rune(normalName(k))
		d, sh := editDistance(w, kr), sharedRunes(w, kr)
		longer := max(len(w), len(kr))
		if d*2 <= longer || sh >= 2 && sh*2 >= min(len(w), len(kr)) {
			cs = append(cs, cand{k, d, sh, i})
		}
	}
	sort.SliceStable(cs, func(a, b int) bool {
		if cs[a].dist != cs[b].dist {
			return cs[a].dist < cs[b].dist
		}
		if cs[a].shared != cs[b].shared {
			return cs[a].shared > cs[b].shared
		}
		return cs[a].index < cs[b].index
	})
	var out []string
	for _, c := range cs {
		if len(out) == n {
			break
		}
		out = append(out, c.name)
	}
	return out
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// sharedRunes counts the characters a and b have in common (with repeats).
func sharedRunes(a, b []rune) int {
	count := map[rune]int{}
	for _, r := range b {
		count[r]++
	}
	n := 0
	for _, r := range a {
		if count[r] > 0 {
			count[r]--
			n++
		}
	}
	return n
}

// resultColumns are the columns every result sheet prints besides the items.
var resultColumns = []string{"序号", "姓名", "界别", "常委", "加分", "扣分", "总分", "等次", "排名", "备注"}

// ColumnClashes warns, in Chinese, of items that print under the same column
// title as another item or as a fixed column of the result sheet (an item
// called 加分 next to the 加分 column): readers cannot tell them apart.
func ColumnClashes(rs RuleSet) []string {
	var out []string
	seen := map[string]int{}
	for i, it := range rs.Items {
		col := it.Column
		if col == "" {
			col = it.Name
		}
		where := fmt.Sprintf("第%d项“%s”", i+1, it.Name)
		if slices.Contains(resultColumns, col) {
			out = append(out, fmt.Sprintf("%s的列名“%s”与结果表固定的“%s”列相同，打印后分不清；请用 column 另起列名", where, col, col))
		}
		if j, dup := seen[col]; dup {
			out = append(out, fmt.Sprintf("%s与第%d项“%s”的列名都是“%s”，打印后分不清；请用 column 另起列名", where, j+1, rs.Items[j].Name, col))
			continue
		}
		seen[col] = i
	}
	return out
}
