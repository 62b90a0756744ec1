package cli

import (
	"context"
	"fmt"
	"time"

	"zhengxie/data"
	"zhengxie/data/demo"
)

// runDemoScale fills the database with scale data (demo --scale N).
// Like the demo county it is all or nothing (data.FillAtomically).
func runDemoScale(env Env, s *data.Store, scale int, seed int64) (*data.Store, error) {
	if scale < 1 || scale > 100 {
		return s, usageError{"--scale 应为 1 到 100 之间的整数"}
	}
	start := time.Now()
	var sum demo.ScaleSummary
	s, err := data.FillAtomically(env.Ctx, s, func(ctx context.Context, t *data.Store) (err error) {
		sum, err = demo.PopulateScaleWithPresets(ctx, t, demo.ScaleOptions{Scale: scale, Seed: seed, Now: t.Now()})
		return err
	})
	if err != nil {
		return s, err
	}
	fmt.Fprintf(env.Stdout, "已生成规模 %d 的测试数据（%d 个县的合并数据）：%d 个届次，%d 人，%d 条委员任职记录，"+
		"%d 个承办单位，%d 件提案，%d 次会议和活动（%d 人次），%d 条大会发言，%d 条社情民意；用时 %.1f 秒。\n数据文件：%s\n",
		scale, scale, sum.Terms, sum.Persons, sum.Members, sum.Units, sum.Proposals, sum.Events, sum.Attendance,
		sum.Speeches, sum.Infos, time.Since(start).Seconds(), s.Path())
	return s, nil
}
