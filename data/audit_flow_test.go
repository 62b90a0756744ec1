package data_test

import (
	"testing"

	"zhengxie/data"
)

func TestUpdateProposalAndActivityRecordWhatChanged(t *testing.T) {
	f := newProposalFixture(t)
	p := f.add("关于农村饮水安全的建议", 0)
	p.Title, p.Category, p.Note = "关于农村饮水安全工程管护的建议", "经济建设", "请补充数据"
	p.Proposers[0].Name = "" // as a form sends it: the member, not the name
	if err := f.s.UpdateProposal(f.ctx, &p, "小周"); err != nil {
		t.Fatal(err)
	}
	got, _ := f.s.FindAudit(f.ctx, data.AuditFilter{Entity: "提案", Action: "修改"})
	want := "案由：“关于农村饮水安全的建议”改为“关于农村饮水安全工程管护的建议”\n类别：“社会建设”改为“经济建设”\n备注：（空）改为“请补充数据”"
	if len(got) != 1 || changeText(got[0].Changes) != want {
		t.Errorf("proposal audit = %+v", got)
	}

	a := f.activity(data.Activity{Kind: data.ActEvent, Type: "调研", Title: "饮水调研", Date: "2025-05-10",
		Members: []data.Attendee{f.att(0, data.AttPresent)}})
	a.Place, a.Members = "城关镇", append(a.Members, f.att(2, data.AttLeave))
	if err := f.s.UpdateActivity(f.ctx, &a); err != nil {
		t.Fatal(err)
	}
	got, _ = f.s.FindAudit(f.ctx, data.AuditFilter{Action: "修改", Limit: 1})
	want = "地点：（空）改为“城关镇”\n参加人：“张明（" + data.AttPresent + "）”改为“张明（" + data.AttPresent + "）、王强（" + data.AttLeave + "）”"
	if len(got) != 1 || changeText(got[0].Changes) != want {
		t.Errorf("activity audit = %+v\nwant %s", got, want)
	}
}
