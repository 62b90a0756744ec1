// Command benchtable reads the output of the scale benchmarks
// (go test -bench Scale -count N ./data/ ./export/) on stdin and prints one
// table: medians of the repeated runs at scale 1 and 10 (wall time, and CPU
// time in brackets: the machine may be shared), the target, the ratio of
// ours to the floor and the peak memory. scripts/bench.sh runs it.
package main

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

// row is one line of the table: the benchmark (without the scale
// sub-benchmark), its floor, and the targets.
type row struct {
	what, bench, floor string
	target             [2]string // scale 1, scale 10
	limit              [2]time.Duration
	ratio              float64 // most ours/floor may be; 0 = none
	peakMB             float64 // most peak RSS may be; 0 = none
}

var rows = []row{
	{what: "打开数据库 + 首页数据", bench: "ScaleOpenHome", target: [2]string{"< 0.3 s", "< 1 s"},
		limit: [2]time.Duration{300 * time.Millisecond, time.Second}},
	{what: "界面：点击“首页”（读取并显示）", bench: "ScaleScreens/home", target: [2]string{"< 0.3 s", "< 1 s"},
		limit: [2]time.Duration{300 * time.Millisecond, time.Second}},
	{what: "界面：点击“委员”（名册表格）", bench: "ScaleScreens/members", target: [2]string{"< 0.3 s", "< 1 s"},
		limit: [2]time.Duration{300 * time.Millisecond, time.Second}},
	{what: "界面：点击“提案”（最近一次会议）", bench: "ScaleScreens/proposals", target: [2]string{"< 0.3 s", "< 1 s"},
		limit: [2]time.Duration{300 * time.Millisecond, time.Second}},
	{what: "委员列表（当前届）", bench: "ScaleMemberList"},
	{what: "提案列表（当前届）", bench: "ScaleProposalList"},
	{what: "提案搜索“振兴大街”（少量结果）", bench: "ScaleSearch/rare", target: [2]string{"", "< 50 ms"},
		limit: [2]time.Duration{0, 50 * time.Millisecond}},
	{what: "提案搜索“饮水安全”（常见主题）", bench: "ScaleSearch/topic", target: [2]string{"", "< 50 ms"},
		limit: [2]time.Duration{0, 50 * time.Millisecond}},
	{what: "提案搜索“停车”（两个字，无索引）", bench: "ScaleSearch/short"},
	{what: "年度考核（全体委员，桐城办法）", bench: "ScaleAssess", target: [2]string{"< 100 ms", "< 1 s"},
		limit: [2]time.Duration{100 * time.Millisecond, time.Second}},
	{what: "提案台账 Excel（全部提案）", bench: "ScaleLedger/ours", floor: "ScaleLedger/floor",
		target: [2]string{"≤ 1.5× floor", "≤ 1.5× floor, < 300 MB"}, ratio: 1.5, peakMB: 300},
	{what: "　floor: StreamWriter 写同样的单元格", bench: "ScaleLedger/floor"},
	{what: "名册导入 3,000 行（ImportRoster）", bench: "ScaleRosterImport/ours", floor: "ScaleRosterImport/floor",
		target: [2]string{"", "≤ 2× floor"}, ratio: 2},
	{what: "　floor: 预编译 INSERT 同样的行", bench: "ScaleRosterImport/floor"},
	{what: "提案工作情况报告 PDF（一次会议）", bench: "ScaleProposalReport/session", target: [2]string{"< 1 s", "< 1 s"},
		limit: [2]time.Duration{time.Second, time.Second}},
	{what: "提案工作情况报告 PDF（整届）", bench: "ScaleProposalReport/term", target: [2]string{"< 1 s", "< 1 s"},
		limit: [2]time.Duration{time.Second, time.Second}},
	{what: "履职档案（全体委员）", bench: "ScaleArchive"},
}

// samples are the values of one benchmark by metric ("ns/op", "cpu-ms/op", "peak-MB").
type samples map[string][]float64

func main() {
	got := map[string]samples{}
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		name := strings.TrimPrefix(f[0], "Benchmark")
		if i := strings.LastIndex(name, "-"); i > 0 {
			name = name[:i] // the GOMAXPROCS suffix
		}
		if got[name] == nil {
			got[name] = samples{}
		}
		for i := 2; i+1 < len(f); i += 2 {
			if v, err := strconv.ParseFloat(f[i], 64); err == nil {
				got[name][f[i+1]] = append(got[name][f[i+1]], v)
			}
		}
	}
	fmt.Println("| what | scale 1 | scale 10 | target | ours / floor | peak RSS |")
	fmt.Println("|---|---|---|---|---|---|")
	for _, r := range rows {
		cells := []string{r.what}
		for i, scale := range []string{"scale=1", "scale=10"} {
			s := got[r.bench+"/"+scale]
			if s == nil && i == 1 {
				s = got[r.bench] // a benchmark of one size (the import) goes under scale 10
			}
			cells = append(cells, timing(s, r.limit[i]))
		}
		cells = append(cells, strings.Trim(r.target[0]+" / "+r.target[1], " /"))
		cells = append(cells, ratios(r, got), peaks(r, got))
		fmt.Println("| " + strings.Join(cells, " | ") + " |")
	}
	fmt.Println("\nwall time median (CPU time median) ×runs; ✗ marks a miss by wall time, (cpu ✓) when the CPU time meets it;")
	fmt.Println("ours / floor: ratio of wall medians (of CPU medians), judged by CPU.")
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	xs = slices.Clone(xs)
	slices.Sort(xs)
	if n := len(xs); n%2 == 0 {
		return (xs[n/2-1] + xs[n/2]) / 2
	}
	return xs[len(xs)/2]
}

func timing(s samples, limit time.Duration) string {
	if len(s["ns/op"]) == 0 {
		return "—"
	}
	wall := time.Duration(median(s["ns/op"]))
	out := short(wall)
	cpu := time.Duration(median(s["cpu-ms/op"]) * float64(time.Millisecond))
	if cpu > 0 {
		out += " (" + short(cpu) + ")"
	}
	if limit > 0 && wall >= limit {
		out += " ✗"
		if cpu > 0 && cpu < limit {
			out += " (cpu ✓)"
		}
	}
	return out + fmt.Sprintf(" ×%d", len(s["ns/op"]))
}

func short(d time.Duration) string {
	switch {
	case d >= time.Second:
		return fmt.Sprintf("%.2f s", d.Seconds())
	case d >= 10*time.Millisecond:
		return fmt.Sprintf("%.0f ms", float64(d)/1e6)
	}
	return fmt.Sprintf("%.1f ms", float64(d)/1e6)
}

func ratios(r row, got map[string]samples) string {
	if r.floor == "" {
		return ""
	}
	var parts []string
	for _, scale := range []string{"scale=1", "scale=10", ""} {
		ours, floor := got[r.bench+"/"+scale], got[r.floor+"/"+scale]
		if scale == "" {
			ours, floor = got[r.bench], got[r.floor]
		}
		if len(ours["ns/op"]) == 0 || len(floor["ns/op"]) == 0 {
			continue
		}
		x := median(ours["ns/op"]) / median(floor["ns/op"])
		part := fmt.Sprintf("%.2f×", x)
		if c := median(floor["cpu-ms/op"]); c > 0 {
			x = median(ours["cpu-ms/op"]) / c // judged by CPU: ours and floor ran at different moments of the load
			part += fmt.Sprintf(" (cpu %.2f×)", x)
		}
		if x > r.ratio {
			part += " ✗"
		}
		parts = append(parts, strings.TrimPrefix(scale+": ", ": ")+part)
	}
	return strings.Join(parts, "; ")
}

func peaks(r row, got map[string]samples) string {
	var parts []string
	for _, scale := range []string{"scale=1", "scale=10"} {
		if p := got[r.bench+"/"+scale]["peak-MB"]; len(p) > 0 {
			part := fmt.Sprintf("%s: %.0f MB", scale, median(p))
			if r.peakMB > 0 && median(p) >= r.peakMB {
				part += " ✗"
			}
			parts = append(parts, part)
		}
	}
	return strings.Join(parts, "; ")
}
