package export

import (
	"context"

	"zhengxie/data"
	"zhengxie/data/demo"
)

// PopulateScale fills an empty database with scale data (demo.PopulateScale:
// N counties' records over both terms) and keeps the shipped rule sets for
// every year with 履职 records up to now, 桐城's chosen, so that 履职考核
// works on it at once. `zhengxie demo --scale N` calls it.
func PopulateScale(ctx context.Context, s *data.Store, opt demo.ScaleOptions) (demo.ScaleSummary, error) {
	sum, err := demo.PopulateScale(ctx, s, opt)
	if err != nil {
		return sum, err
	}
	var years []int
	for y := 2017; y <= s.Now().Year(); y++ {
		years = append(years, y)
	}
	return sum, InstallPresets(ctx, s, years...)
}
