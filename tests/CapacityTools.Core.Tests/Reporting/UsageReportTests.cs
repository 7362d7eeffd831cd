using CapacityTools.Core.Gpu;
using CapacityTools.Core.Reporting;
using CapacityTools.Core.Telemetry;

namespace CapacityTools.Core.Tests.Reporting;

public class UsageReportTests
{
    [Fact]
    public void UsageHasItsTableAndAChartOfGpuHoursByHost()
    {
        var report = new Report("usage", GpuCatalog.Embedded);
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 30; i++)
        {
            Assert.True(report.Add(new GpuUsage
            {
                Host = $"gpu-{i:D2}", Model = "H100-SXM5-80GB", RawName = "NVIDIA H100 80GB HBM3", Gpus = 8, GpuHours = 8 * 24 * (i + 1),
                AverageUtilization = 0.5, AveragePowerWatts = 450, EnergyKWh = 80.5, Start = start, End = start.AddHours(24 * (i + 1)), Source = "http://prom:9090",
            }));
        }
        var table = report.Tables().Single(t => t.Title == "GPU usage");
        Assert.Equal(30, table.Rows.Count);
        Assert.Equal(new object?[] { "gpu-00", "H100-SXM5-80GB", 8d, 192d, 0.5, 450d, 80.5, "2026-11-01 00:00:00 +00:00" }, table.Rows[0].Take(8));
        var chart = report.Charts().Single(c => c.Unit == "GPU-hours");
        Assert.Equal("Measured GPU-hours by host (the 20 largest of 30)", chart.Title);
        Assert.Equal(20, chart.Bars.Count);
        Assert.Equal(("gpu-29", 8d * 24 * 30), (chart.Bars[0].Label, chart.Bars[0].Value));
        var html = ReportSamples.Text(report, ReportFormat.Html);
        Assert.Contains("<h2>GPU usage</h2>", html);
        Assert.Contains("50.0 %", html);
    }
}
