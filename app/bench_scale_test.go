package app

import (
	"context"
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"zhengxie/data/demo/scaledb"
)

// BenchmarkScaleScreens measures what a click on 首页, 委员 or 提案 costs at
// scale 1 and 10 (package scaledb): the screen's reload — reading the store
// and filling its widgets — with Fyne's test driver, as the window does it.
// The lists are widget.Table: only visible rows are built, whatever the
// number of rows. Results: docs/BENCHMARKS.md.
func BenchmarkScaleScreens(b *testing.B) {
	for _, scale := range scaledb.Scales {
		s, err := scaledb.Open(context.Background(), scale)
		if err != nil {
			b.Fatal(err)
		}
		u := New(test.NewTempApp(b), s)
		u.run = syncRunner
		u.win.Resize(fyne.NewSize(1280, 800))
		u.Start()
		for _, sc := range []screen{u.home, u.members, u.proposals} {
			b.Run(fmt.Sprintf("%s/scale=%d", screenName(sc), scale), func(b *testing.B) {
				i := u.screenIndex(sc)
				cpu := scaledb.CPUTime()
				for b.Loop() {
					u.show(i)
				}
				b.ReportMetric(float64(scaledb.CPUTime()-cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
			})
		}
		s.Close()
	}
}

func screenName(sc screen) string {
	switch sc.(type) {
	case *homeScreen:
		return "home"
	case *memberList:
		return "members"
	}
	return "proposals"
}
