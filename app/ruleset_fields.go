package app

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/assess"
)

// The rule editor's entries check what is typed at once: a valid text
// changes the rule set being edited, an invalid one shows its Chinese
// message under the entry and keeps the editor from saving.

// fieldScope collects the checked entries of one sub-form, so that a form
// that is rebuilt forgets its entries' refusals.
type fieldScope struct{ entries []*widget.Entry }

// checked is an entry whose text parse applies; the message of a refusal
// appears below it. multi makes it a multi-line entry.
func (e *ruleSetEditor) checked(sc *fieldScope, text, hint string, multi bool, parse func(string) error) (*widget.Entry, fyne.CanvasObject) {
	en := widget.NewEntry()
	if multi {
		// As tall as its lines, with no scroll area of its own: it sits
		// in a scrolled form, which the mouse wheel over it scrolls.
		en = widget.NewMultiLineEntry()
		en.Wrapping, en.Scroll = fyne.TextWrapOff, fyne.ScrollNone
	}
	en.SetPlaceHolder(hint)
	en.SetText(text)
	msg := canvas.NewText("", errorColor())
	msg.TextSize = theme.CaptionTextSize()
	en.OnChanged = func(s string) {
		if err := parse(s); err != nil {
			e.bad[en] = err.Error()
			msg.Text = err.Error()
		} else {
			delete(e.bad, en)
			msg.Text = ""
		}
		msg.Refresh()
		e.changed()
	}
	if sc != nil {
		sc.entries = append(sc.entries, en)
	}
	e.msgs[en] = msg
	return en, container.NewVBox(en, msg)
}

// forget drops the refusals of a sub-form's entries when it is rebuilt.
func (e *ruleSetEditor) forget(sc *fieldScope) {
	for _, en := range sc.entries {
		delete(e.bad, en)
		delete(e.msgs, en)
	}
	sc.entries = nil
}

// errorOf is the message under an entry ("" when its text is valid).
func (e *ruleSetEditor) errorOf(en *widget.Entry) string { return e.bad[en] }

// pointsField edits an optional value: empty text means not set.
func (e *ruleSetEditor) pointsField(sc *fieldScope, p *assess.Points, hint string, set func(*assess.Points)) (*widget.Entry, fyne.CanvasObject) {
	return e.checked(sc, pointsText(p), hint, false, func(s string) error {
		v, err := parseOptionalPoints(s)
		if err == nil {
			set(v)
		}
		return err
	})
}

// intField edits a count that is 0 (not set) or more.
func (e *ruleSetEditor) intField(sc *fieldScope, n int, hint string, set func(int)) (*widget.Entry, fyne.CanvasObject) {
	text := ""
	if n != 0 {
		text = strconv.Itoa(n)
	}
	return e.checked(sc, text, hint, false, func(s string) error {
		v, err := parseCount(s)
		if err == nil {
			set(v)
		}
		return err
	})
}

// textField edits free text (never refused).
func (e *ruleSetEditor) textField(v, hint string, set func(string)) *widget.Entry {
	en := widget.NewEntry()
	en.SetPlaceHolder(hint)
	en.SetText(v)
	en.OnChanged = func(s string) {
		set(strings.TrimSpace(s))
		e.changed()
	}
	return en
}

// listField edits a list written with 、 or commas.
func (e *ruleSetEditor) listField(v []string, hint string, set func([]string)) *widget.Entry {
	return e.textField(strings.Join(v, "、"), hint, func(s string) { set(splitList(s)) })
}

func pointsText(p *assess.Points) string {
	if p == nil {
		return ""
	}
	return p.Exact()
}

// parseOptionalPoints reads a value like "7.5" or "10/3"; "" is nil.
func parseOptionalPoints(s string) (*assess.Points, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	p, err := assess.ParsePoints(s)
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// parseCount reads a whole number ≥ 0; "" is 0.
func parseCount(s string) (int, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(t)
	if err != nil || n < 0 || n > 100000 {
		return 0, data.UserErr(fmt.Sprintf("“%s”应为不小于0的整数", s))
	}
	return n, nil
}

// splitList splits "出席、请假(已批准), 迟到" into its entries: 、 commas
// and semicolons (half or full width) and line breaks separate them.
func splitList(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune("、,，;；\n\r", r)
	})
	var out []string
	for _, x := range f {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// parsePointsMap reads lines like "出席=50" ("＝" too) into a value per
// name. Empty lines are skipped; at least one line is needed.
func parsePointsMap(s string) (map[string]assess.Points, error) {
	out := map[string]assess.Points{}
	for i, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		k, v, ok := strings.Cut(strings.ReplaceAll(line, "＝", "="), "=")
		k = strings.TrimSpace(k)
		if !ok || k == "" {
			return nil, data.UserErr(fmt.Sprintf("第%d行“%s”应写成“名称=分值”，如“出席=50”", i+1, line))
		}
		if _, dup := out[k]; dup {
			return nil, data.UserErr(fmt.Sprintf("第%d行：“%s”写了两次", i+1, k))
		}
		p, err := assess.ParsePoints(v)
		if err != nil {
			return nil, data.UserErrf(err, "第%d行：%s", i+1, err.Error()) // assess's sentence
		}
		out[k] = p
	}
	if len(out) == 0 {
		return nil, data.UserErr("请至少写一行，如“出席=50”")
	}
	return out, nil
}

// pointsMapText is the map as lines, sorted by name.
func pointsMapText(m map[string]assess.Points) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	lines := make([]string, len(keys))
	for i, k := range keys {
		lines[i] = k + "=" + m[k].Exact()
	}
	return strings.Join(lines, "\n")
}

// choice is a select over Chinese labels standing for stored values.
type choice struct{ value, label string }

func choiceSelect(opts []choice, value string, set func(string)) *widget.Select {
	labels := make([]string, len(opts))
	for i, o := range opts {
		labels[i] = o.label
	}
	s := widget.NewSelect(labels, nil)
	if i := slices.IndexFunc(opts, func(o choice) bool { return o.value == value }); i >= 0 {
		s.SetSelectedIndex(i)
	} else if value != "" {
		selectValue(s, value)
	}
	s.OnChanged = func(string) {
		if i := s.SelectedIndex(); i >= 0 && i < len(opts) {
			set(opts[i].value)
		}
	}
	return s
}

var (
	ruleKindChoices = []choice{
		{assess.KindEvent, "会议活动"}, {assess.KindSpeech, "大会发言"}, {assess.KindInfo, "社情民意"},
		{assess.KindProposal, "提案"}, {assess.KindAward, "表彰惩戒"}, {assess.KindRecord, "其他履职"},
	}
	appliesChoices = []choice{
		{assess.AppliesAll, "全部委员"}, {assess.AppliesStanding, "常委"}, {assess.AppliesNotStanding, "非常委"},
	}
	combineChoices = []choice{{"", "合计"}, {"max", "取最高"}}
	splitChoices   = []choice{
		{"", "每人全额"}, {assess.SplitHalfFirst, "第一提案人一半其余均分"}, {assess.SplitFixed, "固定分值"},
		{assess.SplitFirstOnly, "仅第一提案人"}, {assess.SplitEqual, "平均分配"},
	}
)
