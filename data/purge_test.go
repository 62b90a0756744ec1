package data_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

func TestPurgeActivityOnlyFromTheBinAndOnlyByAnAdministrator(t *testing.T) {
	f := newProposalFixture(t)
	a := f.activity(data.Activity{Kind: data.ActEvent, Type: "视察", Title: "视察县城污水处理厂", Date: "2025-05-10",
		Members: []data.Attendee{f.att(0, data.AttPresent), f.att(1, data.AttLeave)}})
	if err := f.s.PurgeActivity(f.ctx, a.ID); !strings.Contains(data.UserMessage(err), "只能彻底删除回收站中的记录") {
		t.Fatalf("purge outside the bin: %v", err)
	}
	if err := f.s.DeleteActivity(f.ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	f.s.SetActor("小王", data.RoleClerk)
	if err := f.s.PurgeActivity(f.ctx, a.ID); err == nil {
		t.Fatal("a 录入员 purged")
	}
	f.s.SetActor("", data.RoleNone)
	if err := f.s.PurgeActivity(f.ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.GetActivity(f.ctx, a.ID); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("after purge: %v", err)
	}
	if bin, _ := f.s.ListActivities(f.ctx, data.ActivityFilter{Deleted: true}); len(bin) != 0 {
		t.Fatalf("bin still holds %d", len(bin))
	}
}

func TestPurgeProposalKeepsItsInfoAndRemovesItsFiles(t *testing.T) {
	f := newProposalFixture(t)
	p := f.add("关于整治城区噪声的建议", 2)
	f.do(p.ID, data.Step{Action: proposal.ActReview, Date: "2025-02-01"},
		data.Step{Action: proposal.ActReject, Date: "2025-02-02", Reason: "属于社情民意", Disposition: "转社情民意"})
	src := filepath.Join(t.TempDir(), "调研材料.txt")
	if err := os.WriteFile(src, []byte("噪声监测数据"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.AddAttachment(f.ctx, p.ID, src); err != nil {
		t.Fatal(err)
	}
	master := f.add("关于农村饮水的建议", 0)
	merged := f.add("关于山区饮水的建议", 1)
	f.do(master.ID, data.Step{Action: proposal.ActFile})
	f.do(merged.ID, data.Step{Action: proposal.ActMerge, MasterID: master.ID})
	for _, id := range []int64{p.ID, master.ID} {
		if err := f.s.DeleteProposal(f.ctx, id, "小周"); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.s.PurgeProposal(f.ctx, master.ID); !strings.Contains(data.UserMessage(err), "并入了这件提案") {
		t.Fatalf("purge a master: %v", err)
	}
	if err := f.s.PurgeProposal(f.ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.GetProposal(f.ctx, p.ID); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("after purge: %v", err)
	}
	if _, err := os.Stat(f.s.AttachmentDir(p.ID)); !os.IsNotExist(err) {
		t.Fatalf("attachments left: %v", err)
	}
	infos, _ := f.s.ListActivities(f.ctx, data.ActivityFilter{Kind: data.ActInfo, Query: "噪声"})
	if len(infos) != 1 {
		t.Fatalf("the converted 社情民意 went too: %d", len(infos))
	}
	if got, _ := f.s.GetActivity(f.ctx, infos[0].ID); got.ProposalID != 0 || got.Source != data.SourceFromProposal {
		t.Fatalf("info after purge %+v", got)
	}
}
