package app

import (
	"testing"

	"zhengxie/data"
)

func TestActivityBinPurgesForGood(t *testing.T) {
	w := newActivityWorld(t)
	u := w.u
	a := data.Activity{TermID: u.term.ID, Kind: data.ActEvent, Type: "视察", Title: "视察县城污水处理厂",
		Date: "2026-04-18", Members: []data.Attendee{{MembershipID: w.members[0].Membership.ID, Status: data.AttPresent}}}
	if err := u.store.CreateActivity(u.ctx, &a); err != nil {
		t.Fatal(err)
	}
	if err := u.store.DeleteActivity(u.ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	b := w.s.bin
	b.reload(u.ctx)
	if len(b.rows) != 1 || !b.purgeBtn.Visible() || !b.purgeBtn.Disabled() {
		t.Fatalf("bin rows %d, purge visible %v disabled %v", len(b.rows), b.purgeBtn.Visible(), b.purgeBtn.Disabled())
	}
	b.table.selectRow(0)
	if b.purgeBtn.Disabled() {
		t.Fatal("彻底删除 stays disabled with a row chosen")
	}
	b.purge(b.rows[0])
	if len(b.rows) != 0 || len(w.stored(data.ActEvent, true)) != 0 {
		t.Fatalf("after purge: bin %d", len(b.rows))
	}
	if _, err := u.store.GetActivity(u.ctx, a.ID); err == nil {
		t.Fatal("the record is still stored")
	}
}
