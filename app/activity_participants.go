package app

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
)

// Whole-roster quick picks (besides 界别/专委会/活动组 by name).
const (
	pickEveryone = "全体委员"
	pickStanding = "全体常委"
	noRole       = "—"
)

// participantEditor edits the people of a record. For events (attendance)
// it adds a whole 界别/专委会/活动组, all 常委 or everyone at once, and
// every row has a status and a role; otherwise the rows are ordered (the
// first is the 第一作者) and limit caps how many may be chosen (1 for an
// award: adding replaces).
type participantEditor struct {
	s          *activityScreen
	attendance bool
	limit      int
	rows       []data.Attendee
	sectors    map[int64]string // 界别 by membership
	members    []data.Member
	keys       []nameKey // parallel to members
	matches    []data.Member
	picks      map[string][2]string // quick-pick choice → PickMembers kind, name

	search     *widget.Entry
	matchList  *widget.List
	matchBox   *fyne.Container
	pickSelect *widget.Select
	pickBtn    *widget.Button
	allPresent *widget.Button
	clearBtn   *widget.Button
	list       *widget.List
	countLabel *widget.Label
	obj        fyne.CanvasObject
}

func newParticipantEditor(s *activityScreen, attendance bool, limit int, rows []data.Attendee) *participantEditor {
	pe := &participantEditor{s: s, attendance: attendance, limit: limit, rows: slices.Clone(rows),
		sectors: map[int64]string{}, members: s.members, picks: map[string][2]string{}}
	for _, m := range s.members {
		pe.keys = append(pe.keys, newNameKey(m.Name))
		pe.sectors[m.Membership.ID] = m.Sector
	}
	pe.search = widget.NewEntry()
	pe.search.SetPlaceHolder("输入姓名或拼音添加，如“张明”“zm”，回车添加第一个")
	if attendance {
		pe.search.SetPlaceHolder("输入姓名或拼音：添加委员，或定位名单中的人，如“张明”“zm”")
	}
	pe.search.OnChanged = pe.onSearch
	pe.search.OnSubmitted = func(string) {
		if len(pe.matches) > 0 {
			pe.add(pe.matches[0])
		}
	}
	pe.matchList = widget.NewList(
		func() int { return len(pe.matches) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(memberLine(pe.matches[i])) },
	)
	pe.matchList.OnSelected = func(i widget.ListItemID) {
		if i < len(pe.matches) {
			pe.add(pe.matches[i])
		}
	}
	matches := container.NewVScroll(pe.matchList)
	matches.SetMinSize(fyne.NewSize(300, 120))
	pe.matchBox = container.NewStack(matches)
	pe.matchBox.Hide()
	pe.list = widget.NewList(func() int { return len(pe.rows) }, pe.newRow, pe.updateRow)
	pe.countLabel = widget.NewLabel("")
	pe.clearBtn = widget.NewButtonWithIcon("清空", theme.ContentClearIcon(), pe.clear)
	top := container.NewVBox(pe.search, pe.matchBox)
	if attendance {
		pe.pickSelect = widget.NewSelect(pe.pickOptions(), nil)
		pe.pickSelect.PlaceHolder = "按名单添加：界别、专委会、活动组……"
		pe.pickBtn = widget.NewButtonWithIcon("添加", theme.ContentAddIcon(), pe.onPick)
		pe.allPresent = widget.NewButtonWithIcon("全部设为出席", theme.ConfirmIcon(), pe.setAllPresent)
		top.Add(container.NewBorder(nil, nil, nil, pe.pickBtn, pe.pickSelect))
	}
	bar := container.NewHBox(pe.countLabel)
	if attendance {
		bar = container.NewHBox(pe.allPresent, pe.clearBtn, pe.countLabel)
	} else if limit != 1 {
		bar = container.NewHBox(pe.clearBtn, pe.countLabel)
	}
	pe.obj = container.NewBorder(top, bar, nil, nil, pe.list)
	pe.changed()
	return pe
}

// withMessage is the editor under a bold title with the people's
// validation message below it.
func (pe *participantEditor) withMessage(title string, msg *fieldMessage) fyne.CanvasObject {
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(head, msg, nil, nil, pe.obj)
}

// pickOptions are the quick picks: everyone, all 常委, each 界别, 专委会 and 活动组.
func (pe *participantEditor) pickOptions() []string {
	opts := []string{pickEveryone, pickStanding}
	pe.picks[pickEveryone] = [2]string{data.PickAll, ""}
	pe.picks[pickStanding] = [2]string{data.PickStanding, ""}
	for _, g := range []struct {
		kind  string
		names []string
	}{{data.KindSector, pe.s.sectors}, {data.KindCommittee, pe.s.committees}, {data.KindGroup, pe.s.groups}} {
		for _, n := range g.names {
			o := data.KindLabel(g.kind) + "：" + n
			opts = append(opts, o)
			pe.picks[o] = [2]string{g.kind, n}
		}
	}
	return opts
}

// onPick adds the chosen list's active members who are not there yet.
func (pe *participantEditor) onPick() {
	p, ok := pe.picks[pe.pickSelect.Selected]
	if !ok {
		return
	}
	u := pe.s.u
	list, err := u.store.PickMembers(u.ctx, u.term.ID, p[0], p[1])
	if err != nil {
		showError(err, u.win)
		return
	}
	for _, x := range list {
		if !pe.has(x.MembershipID) {
			if x.Status == "" {
				x.Status = data.AttPresent
			}
			pe.rows = append(pe.rows, x)
		}
	}
	pe.changed()
}

// onSearch offers the members whose name matches what is typed.
func (pe *participantEditor) onSearch(q string) {
	pe.matches = pe.matches[:0]
	if normQuery(q) != "" {
		for i, m := range pe.members {
			if pe.keys[i].matches(q) && !pe.has(m.Membership.ID) {
				pe.matches = append(pe.matches, m)
				if len(pe.matches) == maxProposerMatches {
					break
				}
			}
		}
	}
	pe.matchList.UnselectAll()
	pe.matchList.Refresh()
	setVisible(pe.matchBox, len(pe.matches) > 0)
	pe.showFound(q)
}

// showFound scrolls a long list to the first participant whose name
// matches what is typed, so that an exception is marked without scrolling.
func (pe *participantEditor) showFound(q string) {
	if normQuery(q) == "" {
		return
	}
	for i, x := range pe.rows {
		if newNameKey(x.Name).matches(q) {
			pe.list.ScrollTo(i)
			pe.list.Select(i)
			return
		}
	}
}

func (pe *participantEditor) has(membershipID int64) bool {
	return membershipID != 0 && slices.ContainsFunc(pe.rows, func(x data.Attendee) bool { return x.MembershipID == membershipID })
}

// add appends one member (replacing the one chosen when limit is 1).
func (pe *participantEditor) add(m data.Member) {
	if !pe.has(m.Membership.ID) {
		x := data.Attendee{MembershipID: m.Membership.ID, Name: m.Name}
		if pe.attendance {
			x.Status = data.AttPresent
		}
		if pe.limit == 1 {
			pe.rows = nil
		}
		if pe.limit == 0 || len(pe.rows) < pe.limit {
			pe.rows = append(pe.rows, x)
		}
	}
	pe.search.SetText("")
	pe.changed()
}

func (pe *participantEditor) remove(i int) {
	if i >= 0 && i < len(pe.rows) {
		pe.rows = slices.Delete(pe.rows, i, i+1)
		pe.changed()
	}
}

// move swaps row i with its neighbour (delta -1 up, +1 down).
func (pe *participantEditor) move(i, delta int) {
	j := i + delta
	if i < 0 || j < 0 || i >= len(pe.rows) || j >= len(pe.rows) {
		return
	}
	pe.rows[i], pe.rows[j] = pe.rows[j], pe.rows[i]
	pe.changed()
}

func (pe *participantEditor) clear() {
	pe.rows = nil
	pe.changed()
}

// setStatus marks one participant (the row's status select calls it).
func (pe *participantEditor) setStatus(i int, status string) {
	if i >= 0 && i < len(pe.rows) && pe.rows[i].Status != status {
		pe.rows[i].Status = status
		pe.showCounts()
	}
}

// setRole gives one participant a role (the row's role select calls it).
func (pe *participantEditor) setRole(i int, role string) {
	if role == noRole {
		role = ""
	}
	if i >= 0 && i < len(pe.rows) {
		pe.rows[i].Role = role
	}
}

func (pe *participantEditor) setAllPresent() {
	for i := range pe.rows {
		pe.rows[i].Status = data.AttPresent
	}
	pe.changed()
}

// attendees is the list as it will be stored.
func (pe *participantEditor) attendees() []data.Attendee { return slices.Clone(pe.rows) }

func (pe *participantEditor) changed() {
	pe.list.Refresh()
	pe.showCounts()
}

func (pe *participantEditor) showCounts() {
	pe.countLabel.SetText(pe.counts())
}

// counts is "共 N 人：出席 a，请假 b，缺席 c" for events, "共 N 人" otherwise.
func (pe *participantEditor) counts() string {
	if !pe.attendance {
		if len(pe.rows) > 1 && pe.limit != 1 {
			return fmt.Sprintf("共 %d 人，按排名先后", len(pe.rows))
		}
		return fmt.Sprintf("共 %d 人", len(pe.rows))
	}
	n := map[string]int{}
	for _, x := range pe.rows {
		n[x.Status]++
	}
	present := n[data.AttPresent] + n[data.AttLate] + n[data.AttEarly]
	s := fmt.Sprintf("共 %d 人：出席 %d，请假 %d，缺席 %d", len(pe.rows), present,
		n[data.AttLeave]+n[data.AttLeaveRefused], n[data.AttAbsent])
	var extra []string
	if n[data.AttLate] > 0 {
		extra = append(extra, fmt.Sprintf("迟到 %d", n[data.AttLate]))
	}
	if n[data.AttEarly] > 0 {
		extra = append(extra, fmt.Sprintf("早退 %d", n[data.AttEarly]))
	}
	if len(extra) > 0 {
		s += "（其中" + strings.Join(extra, "，") + "）"
	}
	return s
}

func (pe *participantEditor) newRow() fyne.CanvasObject {
	del := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), nil)
	del.Importance = widget.LowImportance
	label := widget.NewLabel("")
	label.Truncation = fyne.TextTruncateEllipsis
	if pe.attendance {
		status := widget.NewSelect(data.AttendanceStatuses, nil)
		role := widget.NewSelect(append([]string{noRole}, pe.s.cfg.Roles...), nil)
		wide := func(o fyne.CanvasObject, w float32) fyne.CanvasObject {
			return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
		}
		return container.NewBorder(nil, nil, nil, container.NewHBox(wide(status, 136), wide(role, 104), del), label)
	}
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), nil)
	down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), nil)
	up.Importance, down.Importance = widget.LowImportance, widget.LowImportance
	return container.NewBorder(nil, nil, nil, container.NewHBox(up, down, del), label)
}

func (pe *participantEditor) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(pe.rows) {
		return
	}
	row := o.(*fyne.Container)
	x := pe.rows[i]
	text := fmt.Sprintf("%d. %s", i+1, x.Name)
	if s := pe.sectors[x.MembershipID]; s != "" {
		text += "　" + s
	} else if x.MembershipID == 0 {
		text += "　（非本届委员）"
	}
	row.Objects[0].(*widget.Label).SetText(text)
	cells := row.Objects[1].(*fyne.Container).Objects
	if pe.attendance {
		status := cells[0].(*fyne.Container).Objects[0].(*widget.Select)
		role := cells[1].(*fyne.Container).Objects[0].(*widget.Select)
		status.OnChanged, role.OnChanged = nil, nil
		status.SetSelected(x.Status)
		role.Options = append([]string{noRole}, pe.s.cfg.Roles...)
		selectValue(role, orDefaultText(x.Role, noRole))
		status.OnChanged = func(v string) { pe.setStatus(i, v) }
		role.OnChanged = func(v string) { pe.setRole(i, v) }
		cells[2].(*widget.Button).OnTapped = func() { pe.remove(i) }
		return
	}
	up, down := cells[0].(*widget.Button), cells[1].(*widget.Button)
	up.OnTapped = func() { pe.move(i, -1) }
	down.OnTapped = func() { pe.move(i, +1) }
	setEnabled(up, i > 0)
	setEnabled(down, i < len(pe.rows)-1)
	setVisible(up, pe.limit != 1)
	setVisible(down, pe.limit != 1)
	cells[2].(*widget.Button).OnTapped = func() { pe.remove(i) }
}
