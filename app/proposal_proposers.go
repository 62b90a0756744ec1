package app

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
)

// maxProposerMatches is how many members the search offers at once.
const maxProposerMatches = 8

// proposerPicker edits the ordered list of proposers: members of the term
// found by name or pinyin, moved up and down, removed. The first one is
// the 第一提案人.
type proposerPicker struct {
	members []data.Member // the term's roster
	keys    []nameKey     // parallel to members
	chosen  []data.Proposer
	sectors map[int64]string // sector by membership, for the 所属界别 default
	matches []data.Member

	search     *widget.Entry
	matchList  *widget.List
	matchBox   *fyne.Container
	chosenList *widget.List
	empty      *widget.Label // says what to do while no proposer is chosen
	obj        fyne.CanvasObject
	onChange   func() // after every change of the list
}

func newProposerPicker(members []data.Member, chosen []data.Proposer) *proposerPicker {
	pp := &proposerPicker{members: members, chosen: slices.Clone(chosen), sectors: map[int64]string{}, onChange: func() {}}
	for _, m := range members {
		pp.keys = append(pp.keys, newNameKey(m.Name))
		pp.sectors[m.Membership.ID] = m.Sector
	}
	pp.search = widget.NewEntry()
	pp.search.SetPlaceHolder("输入姓名或拼音添加提案人，如“张明”“zm”，回车添加第一个")
	pp.search.OnChanged = pp.onSearch
	pp.search.OnSubmitted = func(string) {
		if len(pp.matches) > 0 {
			pp.add(pp.matches[0])
		}
	}
	pp.matchList = widget.NewList(
		func() int { return len(pp.matches) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(memberLine(pp.matches[i])) },
	)
	pp.matchList.OnSelected = func(i widget.ListItemID) {
		if i < len(pp.matches) {
			pp.add(pp.matches[i])
		}
	}
	matches := container.NewVScroll(pp.matchList)
	matches.SetMinSize(fyne.NewSize(300, 120))
	pp.matchBox = container.NewStack(matches)
	pp.matchBox.Hide()
	pp.chosenList = widget.NewList(func() int { return len(pp.chosen) }, pp.newChosenRow, pp.updateChosenRow)
	chosenBox := container.NewVScroll(pp.chosenList)
	chosenBox.SetMinSize(fyne.NewSize(300, 118))
	pp.empty = widget.NewLabel("尚未添加提案人。联名提案请按签名顺序添加，第一位为第一提案人。")
	pp.empty.Wrapping = fyne.TextWrapWord
	pp.empty.TextStyle.Italic = true
	setVisible(pp.empty, len(pp.chosen) == 0)
	pp.obj = container.NewVBox(pp.search, pp.matchBox, container.NewStack(chosenBox, container.NewVBox(pp.empty)))
	return pp
}

func memberLine(m data.Member) string {
	s := m.Name + "　" + m.Sector
	if !data.IsActiveStatus(m.Status) && m.Status != "" {
		s += "（" + m.Status + "）"
	}
	return s
}

// onSearch offers the members whose name matches what is typed.
func (pp *proposerPicker) onSearch(q string) {
	pp.matches = pp.matches[:0]
	if normQuery(q) != "" {
		for i, m := range pp.members {
			if pp.keys[i].matches(q) && !pp.has(m.Membership.ID) {
				pp.matches = append(pp.matches, m)
				if len(pp.matches) == maxProposerMatches {
					break
				}
			}
		}
	}
	pp.matchList.UnselectAll()
	pp.matchList.Refresh()
	setVisible(pp.matchBox, normQuery(q) != "")
}

func (pp *proposerPicker) has(membershipID int64) bool {
	return slices.ContainsFunc(pp.chosen, func(x data.Proposer) bool { return x.MembershipID == membershipID })
}

// add appends a member as the next proposer.
func (pp *proposerPicker) add(m data.Member) {
	if !pp.has(m.Membership.ID) {
		pp.chosen = append(pp.chosen, data.Proposer{MembershipID: m.Membership.ID, Name: m.Name})
	}
	pp.search.SetText("")
	pp.changed()
}

// move swaps proposer i with its neighbour (delta -1 up, +1 down).
func (pp *proposerPicker) move(i, delta int) {
	j := i + delta
	if i < 0 || j < 0 || i >= len(pp.chosen) || j >= len(pp.chosen) {
		return
	}
	pp.chosen[i], pp.chosen[j] = pp.chosen[j], pp.chosen[i]
	pp.changed()
}

func (pp *proposerPicker) remove(i int) {
	if i >= 0 && i < len(pp.chosen) {
		pp.chosen = slices.Delete(pp.chosen, i, i+1)
		pp.changed()
	}
}

func (pp *proposerPicker) changed() {
	for i := range pp.chosen {
		pp.chosen[i].Seq = i + 1
	}
	pp.chosenList.Refresh()
	setVisible(pp.empty, len(pp.chosen) == 0)
	pp.onChange()
}

// firstSector is the 界别 of the 第一提案人, or "".
func (pp *proposerPicker) firstSector() string {
	if len(pp.chosen) == 0 {
		return ""
	}
	return pp.sectors[pp.chosen[0].MembershipID]
}

func (pp *proposerPicker) newChosenRow() fyne.CanvasObject {
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), nil)
	down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), nil)
	del := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), nil)
	for _, b := range []*widget.Button{up, down, del} {
		b.Importance = widget.LowImportance
	}
	return container.NewBorder(nil, nil, nil, container.NewHBox(up, down, del), widget.NewLabel(""))
}

func (pp *proposerPicker) updateChosenRow(i widget.ListItemID, o fyne.CanvasObject) {
	row := o.(*fyne.Container)
	x := pp.chosen[i]
	text := fmt.Sprintf("%d. %s", i+1, x.Name)
	if i == 0 {
		text += "（第一提案人）"
	}
	if s := pp.sectors[x.MembershipID]; s != "" {
		text += "　" + s
	}
	row.Objects[0].(*widget.Label).SetText(text)
	buttons := row.Objects[1].(*fyne.Container).Objects
	buttons[0].(*widget.Button).OnTapped = func() { pp.move(i, -1) }
	buttons[1].(*widget.Button).OnTapped = func() { pp.move(i, +1) }
	buttons[2].(*widget.Button).OnTapped = func() { pp.remove(i) }
	setEnabled(buttons[0].(*widget.Button), i > 0)
	setEnabled(buttons[1].(*widget.Button), i < len(pp.chosen)-1)
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}
