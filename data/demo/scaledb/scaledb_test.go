package scaledb_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"zhengxie/data/demo/scaledb"
)

// TestBuildTime builds a scale database and logs its wall and CPU time;
// set ZHENGXIE_SCALE to the scale (skipped without it: it is a measurement).
func TestBuildTime(t *testing.T) {
	scale, _ := strconv.Atoi(os.Getenv("ZHENGXIE_SCALE"))
	if scale == 0 {
		t.Skip("set ZHENGXIE_SCALE=N to measure building scale N")
	}
	cpu0 := scaledb.CPUTime()
	start := time.Now()
	sum, err := scaledb.Build(context.Background(), filepath.Join(t.TempDir(), "s.db"), scale)
	if err != nil {
		t.Fatal(err)
	}
	cpu := scaledb.CPUTime() - cpu0
	t.Logf("scale %d: wall %v, cpu %v: %+v", scale, time.Since(start).Round(time.Millisecond), cpu.Round(time.Millisecond), sum)
}

// TestWarm builds the cached scale-1 and scale-10 databases ahead of a
// benchmark run (skipped unless ZHENGXIE_WARM=1).
func TestWarm(t *testing.T) {
	if os.Getenv("ZHENGXIE_WARM") == "" {
		t.Skip("set ZHENGXIE_WARM=1 to build the cached benchmark databases")
	}
	for _, scale := range []int{1, 10} {
		start := time.Now()
		path, err := scaledb.Path(scale)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s ready after %v", path, time.Since(start).Round(time.Millisecond))
	}
}
