package app

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"zhengxie/data"
)

// TestActivityScreenshots renders the 履职活动 screen and the event form
// for a look at them: ZX_SHOTS=/tmp/shots go test ./app -run ActivityScreenshots
func TestActivityScreenshots(t *testing.T) {
	dir := os.Getenv("ZX_SHOTS")
	if dir == "" {
		t.Skip("set ZX_SHOTS to a folder to write screenshots")
	}
	w := newActivityWorld(t)
	for i, title := range []string{"十一届五次全体会议", "视察县城污水处理厂", "乡村振兴专题调研"} {
		a := data.Activity{TermID: w.u.term.ID, Kind: data.ActEvent, Type: []string{eventPlenary, "视察", "调研"}[i],
			Title: title, Date: []string{"2026-01-06", "2026-04-18", "2026-06-02"}[i], Organizer: organizerOffice}
		for j, m := range w.members {
			x := data.Attendee{MembershipID: m.Membership.ID, Status: data.AttPresent}
			if (i+j)%3 == 0 {
				x.Status = data.AttLeave
			}
			a.Members = append(a.Members, x)
		}
		if err := w.u.store.CreateActivity(w.u.ctx, &a); err != nil {
			t.Fatal(err)
		}
	}
	save := func(name string) {
		w.u.win.Resize(fyne.NewSize(1280, 800))
		img := w.u.win.Canvas().Capture()
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, img); err != nil {
			t.Fatal(err)
		}
	}
	w.s.reload(w.u.ctx)
	save("activity_list.png")
	test.Tap(w.s.events.addBtn)
	f := w.s.eventForm
	f.typeSelect.SetSelected("视察")
	f.title.SetText("视察农村公路建设")
	f.people.pickSelect.SetSelected("界别：经济界")
	test.Tap(f.people.pickBtn)
	addPerson(t, f.people, "李红")
	f.people.setStatus(1, data.AttLeave)
	f.people.setRole(0, "召集人")
	f.people.list.Refresh()
	save("activity_event_form.png")
	f.close()
	w.s.tabs.SelectIndex(2)
	test.Tap(w.s.awards.addBtn)
	save("activity_award_form.png")
	w.s.awardForm.close()
}
