package data_test

import (
	"testing"

	"zhengxie/data"
)

func TestSimilarProposalsFindsTheEarlierRepeat(t *testing.T) {
	f := newProposalFixture(t)
	body := func(p *data.Proposal, text string) {
		p.Body = text
		if err := f.s.UpdateProposal(f.ctx, p, ""); err != nil {
			t.Fatal(err)
		}
	}
	park := f.add("关于缓解老城区停车难问题的建议", 0)
	body(&park, "老城区停车位严重不足，车辆乱停乱放，占用人行道和消防通道。建议利用闲置地块建设立体停车场，推行错时共享停车，加强违停治理。")
	water := f.add("关于加快农村饮水安全工程建设的建议", 1)
	body(&water, "部分山区村组供水管网老化，水质不稳定。建议加大投入，实施农村供水管网改造，建立长效管护机制。")
	gone := f.add("关于增加城区停车泊位的建议", 2)
	body(&gone, "老城区停车难，车辆乱停乱放。建议建设立体停车场。")
	if err := f.s.DeleteProposal(f.ctx, gone.ID, ""); err != nil {
		t.Fatal(err)
	}

	got, err := f.s.SimilarProposals(f.ctx, "关于解决老城区停车难的建议",
		"老城区停车位缺口大，乱停乱放现象突出。建议建设立体停车场，推行共享停车。", 0, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != park.ID || got[0].Level != "高度相似" || got[0].Session != "十一届五次会议" {
		t.Fatalf("similar: %+v", got)
	}
	// The proposal being edited does not find itself.
	if got, _ := f.s.SimilarProposals(f.ctx, park.Title, park.Body, park.ID, 5); len(got) != 0 {
		t.Fatalf("found itself or unrelated: %+v", got)
	}
	if got, _ := f.s.SimilarProposals(f.ctx, "关于", "", 0, 5); got != nil {
		t.Fatalf("boilerplate only: %+v", got)
	}
}
